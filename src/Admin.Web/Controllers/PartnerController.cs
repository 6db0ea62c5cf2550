using Admin.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>The partner's home: their organizations and requests (filled in by the onboarding feature).</summary>
[Authorize(Policy = Policies.Partner), Route("espace-partenaire")]
public sealed class PartnerController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View();
}
