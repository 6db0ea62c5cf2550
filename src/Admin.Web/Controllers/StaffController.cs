using Admin.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>Staff home. Every staff page requires a staff role and a two-factor session.</summary>
[Authorize(Policy = Policies.Staff), Route("instruction")]
public sealed class StaffController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View();
}
