using System.Globalization;

namespace Admin.Infrastructure.Email;

/// <summary>Dates as French users read them, in metropolitan French time ("3 décembre 2026").</summary>
public static class FrenchDates
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static TimeZoneInfo Paris => Admin.Domain.Common.ParisTime.Zone;

    public static string Day(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Paris).ToString("d MMMM yyyy", French);

    /// <summary>"25/11/2026 à 14:03".</summary>
    public static string DayAndTime(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Paris).ToString("dd/MM/yyyy 'à' HH:mm", French);
}
