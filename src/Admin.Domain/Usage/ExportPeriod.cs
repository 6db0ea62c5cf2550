using System.Globalization;
using Admin.Domain.Common;

namespace Admin.Domain.Usage;

/// <summary>
/// The Paris days a usage export covers, both ends included: read from the address bar (du, au as
/// yyyy-MM-dd), by default the last <see cref="DefaultDays"/> days up to today, at most <see cref="MaxDays"/> days.
/// </summary>
public readonly record struct ExportPeriod
{
    public const int DefaultDays = 30;
    public const int MaxDays = 400;
    public const string DayFormat = "yyyy-MM-dd";
    public const string FromField = "du";
    public const string ToField = "au";

    private ExportPeriod(DateOnly from, DateOnly to)
    {
        From = from;
        To = to;
    }

    public DateOnly From { get; }
    public DateOnly To { get; }
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The period as typed; a missing end is today, a missing start <see cref="DefaultDays"/> days before the end.</summary>
    public static Result<ExportPeriod> Parse(string? from, string? to, DateOnly today)
    {
        var errors = new List<Error>();
        var start = ParseDay(from, ExportPeriodErrors.FromInvalid.ForField(FromField), errors);
        var end = ParseDay(to, ExportPeriodErrors.ToInvalid.ForField(ToField), errors);
        if (errors.Count > 0) return Result<ExportPeriod>.Failure(ErrorKind.Validation, errors);

        var last = end ?? today;
        var first = start ?? last.AddDays(-(DefaultDays - 1));
        if (first > last) return Result<ExportPeriod>.Failure(ErrorKind.Validation, [ExportPeriodErrors.FromAfterTo.ForField(FromField)]);
        var period = new ExportPeriod(first, last);
        if (period.Days > MaxDays) return Result<ExportPeriod>.Failure(ErrorKind.Validation, [ExportPeriodErrors.TooLong.ForField(FromField)]);
        return period;
    }

    private static DateOnly? ParseDay(string? text, Error invalid, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors.Add(invalid);
        return null;
    }
}

public static class ExportPeriodErrors
{
    public static readonly Error FromInvalid = new("usage_export.from_invalid", "La date de début (du) doit être une date au format AAAA-MM-JJ, par exemple 2026-11-01.");
    public static readonly Error ToInvalid = new("usage_export.to_invalid", "La date de fin (au) doit être une date au format AAAA-MM-JJ, par exemple 2026-11-30.");
    public static readonly Error FromAfterTo = new("usage_export.from_after_to", "La date de début doit être antérieure ou égale à la date de fin.");

    public static readonly Error TooLong = new("usage_export.too_long",
        $"La période ne peut pas dépasser {ExportPeriod.MaxDays} jours : choisissez des dates plus proches.");
}
