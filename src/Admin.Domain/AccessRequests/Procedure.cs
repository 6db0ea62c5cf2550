using Admin.Domain.Common;
using static Admin.Domain.AccessRequests.SectionRules;

namespace Admin.Domain.AccessRequests;

/// <summary>How the partner's software obtains the citizen's data.</summary>
[Flags]
public enum ProcedureModalities
{
    None = 0,

    /// <summary>An agent types the citizen's identifiers in the partner's software.</summary>
    AgentTypedParameters = 1,

    /// <summary>The citizen fills an online form.</summary>
    CitizenForm = 2,

    /// <summary>The citizen signs in with FranceConnect.</summary>
    FranceConnect = 4,
}

/// <summary>
/// Step 1, "Démarche": the citizen-facing procedure being simplified. Holds what was typed, even
/// incomplete; <see cref="Validate"/> says what is missing.
/// </summary>
public sealed record Procedure
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int PublicUrlMaxLength = 2000;
    public const int SimplificationMaxLength = 2000;
    public const int YearlyVolumeMax = 100_000_000;

    private const ProcedureModalities AllModalities =
        ProcedureModalities.AgentTypedParameters | ProcedureModalities.CitizenForm | ProcedureModalities.FranceConnect;

    private Procedure() { }

    public Procedure(string? name, string? description, string? publicUrl, string? simplification,
        DateOnly? expectedGoLive, int? yearlyVolume, ProcedureModalities modalities)
    {
        Name = Clean(name);
        Description = Clean(description);
        PublicUrl = Clean(publicUrl);
        Simplification = Clean(simplification);
        ExpectedGoLive = expectedGoLive;
        YearlyVolume = yearlyVolume;
        Modalities = modalities & AllModalities;
    }

    internal static Procedure Empty() => new();

    public string? Name { get; private set; }
    public string? Description { get; private set; }
    public string? PublicUrl { get; private set; }

    /// <summary>The proofs citizens no longer have to provide.</summary>
    public string? Simplification { get; private set; }

    public DateOnly? ExpectedGoLive { get; private set; }
    public int? YearlyVolume { get; private set; }
    public ProcedureModalities Modalities { get; private set; }

    /// <summary>Errors of this step, fields named after the properties.</summary>
    public IReadOnlyList<Error> Validate(DateOnly today)
    {
        var errors = new List<Error>();
        RequiredText(errors, nameof(Name), Name, NameMaxLength, AccessRequestErrors.ProcedureNameRequired, AccessRequestErrors.ProcedureNameTooLong);
        RequiredText(errors, nameof(Description), Description, DescriptionMaxLength, AccessRequestErrors.ProcedureDescriptionRequired, AccessRequestErrors.ProcedureDescriptionTooLong);
        OptionalHttpUrl(errors, nameof(PublicUrl), PublicUrl, PublicUrlMaxLength, AccessRequestErrors.ProcedureUrlInvalid, AccessRequestErrors.ProcedureUrlTooLong);
        RequiredText(errors, nameof(Simplification), Simplification, SimplificationMaxLength, AccessRequestErrors.SimplificationRequired, AccessRequestErrors.SimplificationTooLong);
        if (ExpectedGoLive < today)
            errors.Add(AccessRequestErrors.GoLiveInPast.ForField(nameof(ExpectedGoLive)));
        if (YearlyVolume is < 0 or > YearlyVolumeMax)
            errors.Add(AccessRequestErrors.YearlyVolumeOutOfRange.ForField(nameof(YearlyVolume)));
        if (Modalities == ProcedureModalities.None)
            errors.Add(AccessRequestErrors.ModalityRequired.ForField(nameof(Modalities)));
        return errors;
    }
}
