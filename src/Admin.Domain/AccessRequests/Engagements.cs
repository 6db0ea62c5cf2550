using Admin.Domain.Charters;
using Admin.Domain.Common;

namespace Admin.Domain.AccessRequests;

/// <summary>
/// Step 6, "Engagements": the charter acceptance this request relies on, and the applicant's two
/// attestations. Built by <see cref="AccessRequest.SaveEngagements"/>, which checks the acceptance
/// belongs to the request's organization.
/// </summary>
public sealed record Engagements
{
    private Engagements() { }

    internal Engagements(CharterAcceptance? charterAcceptance, bool dpoInformed, bool citizenConsentCommitment)
    {
        CharterAcceptanceId = charterAcceptance?.Id;
        CharterMajor = charterAcceptance?.Major;
        CharterMinor = charterAcceptance?.Minor;
        CharterAcceptedAt = charterAcceptance?.AcceptedAt;
        DpoInformed = dpoInformed;
        CitizenConsentCommitment = citizenConsentCommitment;
    }

    internal static Engagements Empty() => new();

    public Guid? CharterAcceptanceId { get; private set; }
    public int? CharterMajor { get; private set; }
    public int? CharterMinor { get; private set; }
    public DateTimeOffset? CharterAcceptedAt { get; private set; }

    /// <summary>The applicant confirms the organization's DPO was told about this request.</summary>
    public bool DpoInformed { get; private set; }

    /// <summary>The applicant commits to access data only with the citizen's explicit consent.</summary>
    public bool CitizenConsentCommitment { get; private set; }

    public bool IsCharterAccepted => CharterAcceptanceId is not null;

    /// <summary>An acceptance of an older major version does not count: the new text must be accepted.</summary>
    public IReadOnlyList<Error> Validate(CharterVersion currentCharter)
    {
        ArgumentNullException.ThrowIfNull(currentCharter);
        var errors = new List<Error>();
        if (CharterMajor is not { } major)
            errors.Add(AccessRequestErrors.CharterNotAccepted.ForField("CharterAcceptance"));
        else if (!currentCharter.IsCoveredByAcceptanceOf(major))
            errors.Add(AccessRequestErrors.CharterAcceptanceOutdated.ForField("CharterAcceptance"));
        if (!DpoInformed)
            errors.Add(AccessRequestErrors.DpoNotInformed.ForField(nameof(DpoInformed)));
        if (!CitizenConsentCommitment)
            errors.Add(AccessRequestErrors.CitizenConsentRequired.ForField(nameof(CitizenConsentCommitment)));
        return errors;
    }
}
