namespace Admin.Web.Tests.Support;

public static class StaffArrange
{
    /// <summary>A staff account of the given role, signed in, that has just set up two-factor (so its session carries it).</summary>
    public static async Task<Browser> StaffWithTwoFactorAsync(this AdminWebFactory app, string role) =>
        (await app.StaffMemberSignedInAsync(role)).Browser;

    /// <summary>As <see cref="StaffWithTwoFactorAsync"/>, on an application whose clock the test sets: the code is the one of that clock.</summary>
    public static async Task<Browser> StaffWithTwoFactorAsync(this ClockedWebFactory app, string role) =>
        (await app.StaffMemberSignedInAsync(role, app.Clock.GetUtcNow())).Browser;

    /// <summary>As <see cref="StaffWithTwoFactorAsync"/>, with the staff member's user id.</summary>
    public static async Task<(Browser Browser, Guid UserId)> StaffMemberSignedInAsync(this AdminWebFactory app, string role, DateTimeOffset? at = null)
    {
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@api.gouv.fr";
        var user = await app.CreateUserAsync(email, Accounts.StrongPassword, role);
        var browser = new Browser(app.CreateBrowser());
        await Accounts.SignInAsync(browser, email, Accounts.StrongPassword);
        var setup = await browser.GetAsync("/compte/double-authentification");
        var key = setup.Document.GetElementById("shared-key")!.TextContent;
        await browser.PostAsync("/compte/double-authentification/activer", new Dictionary<string, string> { ["Code"] = Accounts.TotpCode(key, at ?? DateTimeOffset.UtcNow) });
        return (browser, user.Id);
    }
}
