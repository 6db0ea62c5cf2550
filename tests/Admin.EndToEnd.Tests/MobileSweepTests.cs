using System.Text.RegularExpressions;
using Admin.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace Admin.EndToEnd.Tests;

/// <summary>
/// Every partner page the demo partner can reach by following links (home, requests in every state,
/// the wizard's steps, organizations, members, keys, account), at 375 px: nothing scrolls sideways,
/// and axe finds no serious or critical violation.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MobileSweepTests(AppServer app)
{
    private static readonly Regex PartnerPath = new("^/(espace-partenaire|demandes|organisations|habilitations|compte)(/|$|\\?)");
    private const int MaxPages = 60;

    [Fact]
    public async Task No_partner_page_scrolls_sideways_at_375_px_and_axe_finds_no_serious_violation()
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(375, 800);
        await page.GotoAsync("/compte/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync("partenaire@demo.api-particulier.fr");
        await page.Locator("#Password").FillAsync("Partenaire-Demo-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/espace-partenaire"));

        // The detector itself: a page made too wide on purpose must be caught (the DSFR could hide overflow).
        await page.EvaluateAsync("() => { const d = document.createElement('div'); d.id = 'too-wide'; d.style.width = '900px'; d.textContent = 'x'; document.querySelector('main').appendChild(d); }");
        Assert.True(await IsTooWideAsync(page), "the overflow check does not see a 900 px element");
        await page.EvaluateAsync("() => document.getElementById('too-wide').remove()");

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/espace-partenaire", "/organisations", "/compte", "/demandes/nouvelle", "/aide", "/accessibilite", "/mentions-legales", "/donnees-personnelles", "/cookies"]);
        var overflowing = new List<string>();
        while (queue.Count > 0 && seen.Count < MaxPages)
        {
            var path = queue.Dequeue();
            if (!seen.Add(path)) continue;
            var response = await page.GotoAsync(path);
            if (response is null || response.Status != 200 || !(response.Headers.GetValueOrDefault("content-type") ?? "").StartsWith("text/html", StringComparison.Ordinal)) continue;

            // A page still being laid out (the DSFR's script wrapping a table) may be wide for a moment: look twice.
            if (await IsTooWideAsync(page) && await Task.Delay(500).ContinueWith(_ => IsTooWideAsync(page)).Unwrap())
            {
                var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                var culprits = await CulpritsAsync(page);
                overflowing.Add($"{path}: {width} px wide ({string.Join(", ", culprits)})");
                await app.ScreenshotAsync(page, "90-overflow-" + seen.Count);
            }

            await Accessibility.AssertNoSeriousViolationsAsync(page);

            foreach (var href in await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"))
            {
                var link = href.Split('#')[0];
                if (link.Length == 0 || !PartnerPath.IsMatch(link) || link.Contains("/documents/", StringComparison.Ordinal)) continue;
                if (!seen.Contains(link)) queue.Enqueue(link);
            }
        }

        Assert.True(seen.Count >= 20, $"only {seen.Count} partner pages reached: {string.Join(" ", seen)}");
        Assert.True(overflowing.Count == 0, "Pages wider than 375 px:\n" + string.Join('\n', overflowing));
    }

    /// <summary>
    /// Wider than the window: the page's scroll width, or an element of the main content reaching past
    /// the right edge that no scrolling box holds (a DSFR table scrolls inside its own frame: that is fine).
    /// </summary>
    private static Task<bool> IsTooWideAsync(IPage page) => page.EvaluateAsync<bool>(OverflowScript + "; return tooWide().length > 0; }");

    private static Task<string[]> CulpritsAsync(IPage page) => page.EvaluateAsync<string[]>(OverflowScript
        + "; return tooWide().slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '')); }");

    private const string OverflowScript = """
        () => {
            const held = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) { if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; };
            const tooWide = () => document.documentElement.scrollWidth > window.innerWidth + 1
                ? [document.documentElement]
                : [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !held(e))
        """;
}
