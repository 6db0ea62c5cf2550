using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Admin.EndToEnd.Tests.Support;

public static class Accessibility
{
    /// <summary>Fails on any serious or critical axe violation (WCAG 2.1 A and AA rules, the RGAA's basis).</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join('\n',
            serious.Select(v => $"- {v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));

        // Not an axe rule: a DSFR button with an icon in a button group that lacks fr-btns-group--icon-left shows the
        // icon alone and hides its words (axe still finds the name in the DOM). A visible button with words and an
        // icon must be wider than the icon.
        var iconOnly = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.fr-btn[class*="fr-icon-"]')]
              .filter(b => b.offsetParent !== null && b.textContent.trim().length > 0 && !b.closest('.fr-header'))
              .filter(b => b.getBoundingClientRect().width < 48)
              .map(b => b.textContent.trim())
            """);
        Assert.True(iconOnly.Length == 0, $"Buttons showing their icon without their words on {page.Url}: {string.Join(", ", iconOnly)}");
    }
}
