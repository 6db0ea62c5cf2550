using Admin.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

[AllowAnonymous]
public sealed class HomeController(ICurrentUser user) : Controller
{
    [HttpGet("/")]
    public IActionResult Index()
    {
        if (user.IsAuthenticated)
        {
            return user.IsStaff ? RedirectToAction(nameof(StaffController.Index), "Staff") : RedirectToAction(nameof(PartnerController.Index), "Partner");
        }

        return View();
    }

    [HttpGet("/accessibilite")]
    public IActionResult Accessibility() => View();

    [HttpGet("/mentions-legales")]
    public IActionResult LegalNotice() => View();

    [HttpGet("/donnees-personnelles")]
    public IActionResult PersonalData() => View();

    [HttpGet("/cookies")]
    public IActionResult Cookies() => View();

    [HttpGet("/aide")]
    public IActionResult Help() => View();
}
