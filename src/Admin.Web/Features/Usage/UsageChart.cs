using System.Globalization;

namespace Admin.Web.Features.Usage;

/// <summary>
/// A stacked bar chart drawn by the server as SVG (no script, nothing the strict CSP refuses): one bar per
/// period, one segment per outcome code, a y axis of round numbers. The page puts the data table beside it.
/// </summary>
public sealed class UsageChart
{
    public const int Width = 900;
    public const int Height = 240;
    public const int Left = 56;
    public const int Bottom = 28;
    public const int Top = 8;

    public sealed record Segment(string Code, double Y, double Height, long Calls);

    public sealed record Bar(double X, double Width, string Label, long Total, IReadOnlyList<Segment> Segments);

    public sealed record Tick(double Y, string Label);

    public sealed record XLabel(double X, string Label);

    public UsageChart(string id, string title, IReadOnlyList<PartnerUsage.Period> periods, IReadOnlyList<string> codes, int labelEvery)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(codes);
        Id = id;
        Title = title;
        Codes = codes;
        var max = periods.Count == 0 ? 0 : periods.Max(p => p.Total);
        Scale = NiceMax(max);
        var plotHeight = Height - Top - Bottom;
        var slot = (double)(Width - Left) / Math.Max(1, periods.Count);
        var barWidth = Math.Max(1, slot * 0.8);
        var bars = new List<Bar>();
        var labels = new List<XLabel>();
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            var x = Left + (i * slot) + ((slot - barWidth) / 2);
            var y = (double)(Height - Bottom);
            var segments = new List<Segment>();
            foreach (var code in codes)
            {
                var calls = period.Calls(code);
                if (calls == 0) continue;
                var h = plotHeight * calls / (double)Scale;
                y -= h;
                segments.Add(new Segment(code, y, h, calls));
            }

            bars.Add(new Bar(x, barWidth, period.Label, period.Total, segments));
            if (i % labelEvery == 0) labels.Add(new XLabel(x + (barWidth / 2), period.ShortLabel));
        }

        Bars = bars;
        XLabels = labels;
        Ticks = [.. Enumerable.Range(0, 5).Select(i => new Tick(Height - Bottom - (plotHeight * i / 4.0), UsageText.Number(Scale * i / 4)))];
        Summary = max == 0
            ? "Aucun appel sur la période."
            : $"{UsageText.Number(periods.Sum(p => p.Total))} appels sur la période, dont {UsageText.Number(periods.Sum(p => p.Admitted))} admis ; au plus {UsageText.Number(max)} sur une même période. Le détail est dans le tableau qui suit.";
    }

    public string Id { get; }
    public string Title { get; }
    public IReadOnlyList<string> Codes { get; }

    /// <summary>The top of the y axis: a round number at or above the highest bar (at least 4, so that the four ticks are whole).</summary>
    public long Scale { get; }

    public IReadOnlyList<Bar> Bars { get; }
    public IReadOnlyList<XLabel> XLabels { get; }
    public IReadOnlyList<Tick> Ticks { get; }
    public string Summary { get; }

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The DSFR colour of an outcome: blue France for admitted calls, distinct illustrative colours for refusals.</summary>
    public static string Colour(string code) => code switch
    {
        "VALID" => "#000091",
        "RATE_LIMITED" => "#b34000",
        "QUOTA_EXCEEDED" => "#716043",
        "INSUFFICIENT_SCOPE" => "#ce0500",
        "IP_NOT_ALLOWED" => "#a558a0",
        "ROUTE_NOT_FOUND" => "#009099",
        "SUSPENDED" => "#3a3a3a",
        "EXPIRED" => "#929292",
        "REVOKED" => "#666666",
        _ => "#18753c",
    };

    /// <summary>1, 2 or 5 times a power of ten, times 4 (the ticks), at or above <paramref name="max"/>.</summary>
    public static long NiceMax(long max)
    {
        if (max <= 4) return 4;
        var step = (double)max / 4;
        var power = Math.Pow(10, Math.Floor(Math.Log10(step)));
        var nice = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * power).First(m => m >= step);
        return (long)Math.Ceiling(nice) * 4;
    }
}

/// <summary>The data table beside a chart: one row per period (most recent first), one column per outcome.</summary>
public sealed record UsageTable(string Id, string Caption, string FirstColumn, IReadOnlyList<PartnerUsage.Period> Periods, IReadOnlyList<string> Codes);
