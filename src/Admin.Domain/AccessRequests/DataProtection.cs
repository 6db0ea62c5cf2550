using Admin.Domain.Common;
using static Admin.Domain.AccessRequests.SectionRules;

namespace Admin.Domain.AccessRequests;

/// <summary>Step 4, "Protection des données": who receives the data and how long it is kept.</summary>
public sealed record DataProtection
{
    public const int RecipientsMaxLength = 2000;
    public const int JustificationMaxLength = 2000;
    public const int RetentionMinMonths = 1;
    public const int RetentionMaxMonths = 1200;

    /// <summary>Beyond three years the partner must explain why.</summary>
    public const int RetentionMonthsWithoutJustification = 36;

    private DataProtection() { }

    public DataProtection(string? recipients, int? retentionMonths, string? retentionJustification)
    {
        Recipients = Clean(recipients);
        RetentionMonths = retentionMonths;
        RetentionJustification = Clean(retentionJustification);
    }

    internal static DataProtection Empty() => new();

    public string? Recipients { get; private set; }
    public int? RetentionMonths { get; private set; }
    public string? RetentionJustification { get; private set; }

    public bool NeedsRetentionJustification => RetentionMonths > RetentionMonthsWithoutJustification;

    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        RequiredText(errors, nameof(Recipients), Recipients, RecipientsMaxLength, AccessRequestErrors.RecipientsRequired, AccessRequestErrors.RecipientsTooLong);

        if (RetentionMonths is null)
            errors.Add(AccessRequestErrors.RetentionRequired.ForField(nameof(RetentionMonths)));
        else if (RetentionMonths is < RetentionMinMonths or > RetentionMaxMonths)
            errors.Add(AccessRequestErrors.RetentionOutOfRange.ForField(nameof(RetentionMonths)));
        else if (NeedsRetentionJustification && RetentionJustification is null)
            errors.Add(AccessRequestErrors.RetentionJustificationRequired.ForField(nameof(RetentionJustification)));

        if (RetentionJustification is { Length: > JustificationMaxLength })
            errors.Add(AccessRequestErrors.RetentionJustificationTooLong.ForField(nameof(RetentionJustification)));
        return errors;
    }
}
