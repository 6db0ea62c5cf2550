using System.Text.RegularExpressions;
using Admin.Domain.AccessRequests;
using Admin.Domain.Common;

namespace Admin.Domain.UseCases;

/// <summary>
/// What a use case says about one scope: not part of it, offered (shown first), preselected
/// (offered and ticked at the start) or fixed (ticked and impossible to remove).
/// </summary>
public enum UseCaseScopeRole
{
    None = 0,
    Offered = 1,
    Preselected = 2,
    Fixed = 3,
}

/// <summary>
/// A common use of API Particulier ("cas d'usage") a partner may start a request from: it names
/// the request, offers its scopes first (some ticked, some fixed) and gives a hint for the legal
/// basis. Managed by administrators, seeded from use-cases.json; a retired one is no longer offered
/// but requests started from it keep its title.
/// </summary>
public sealed partial class UseCase : Entity
{
    public const int CodeMaxLength = 100;
    public const int TitleMaxLength = Procedure.NameMaxLength;
    public const int AudienceMaxLength = 300;
    public const int HintMaxLength = 1000;
    public const int UrlMaxLength = LegalBasis.UrlMaxLength;

    private readonly List<string> _offered = [];
    private readonly List<string> _preselected = [];
    private readonly List<string> _fixed = [];

    private UseCase() { }

    /// <summary>Stable identifier ("tarification_municipale_enfance"), never changed once created: the seed matches on it.</summary>
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string? Audience { get; private set; }
    public string? LegalBasisHint { get; private set; }
    public string? LegalBasisUrl { get; private set; }
    public bool IsRetired { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Every scope of the use case, in the order given (preselected and fixed ones included).</summary>
    public IReadOnlyList<string> OfferedScopes => _offered.AsReadOnly();

    /// <summary>Ticked when a request starts from the use case (fixed ones included).</summary>
    public IReadOnlyList<string> PreselectedScopes => _preselected.AsReadOnly();

    /// <summary>Ticked and locked: a request started from the use case cannot drop them.</summary>
    public IReadOnlyList<string> FixedScopes => _fixed.AsReadOnly();

    public UseCaseScopeRole RoleOf(string scope) =>
        _fixed.Contains(scope) ? UseCaseScopeRole.Fixed
        : _preselected.Contains(scope) ? UseCaseScopeRole.Preselected
        : _offered.Contains(scope) ? UseCaseScopeRole.Offered
        : UseCaseScopeRole.None;

    /// <summary>The text fields of a use case, as typed.</summary>
    public sealed record Content(string? Title, string? Audience, string? LegalBasisHint, string? LegalBasisUrl);

    /// <param name="scopes">What the use case says about each scope (those with no role are ignored).</param>
    /// <param name="catalogue">Codes of the scope catalogue that may be offered (not retired).</param>
    public static Result<UseCase> Create(string? code, Content content, IReadOnlyDictionary<string, UseCaseScopeRole> scopes,
        IReadOnlySet<string> catalogue, Guid? actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = new List<Error>();
        var trimmed = code?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > CodeMaxLength || !CodePattern().IsMatch(trimmed))
            errors.Add(UseCaseErrors.InvalidCode.ForField(nameof(Code)));
        errors.AddRange(Check(content, scopes, catalogue));
        if (errors.Count > 0) return Result<UseCase>.Failure(ErrorKind.Validation, errors);

        var useCase = new UseCase { Code = trimmed };
        useCase.Apply(content, scopes, now);
        useCase.Raise(new UseCaseSaved(useCase.Id, actorId, now, useCase.Code, useCase.Title, IsNew: true));
        return useCase;
    }

    public Result Edit(Content content, IReadOnlyDictionary<string, UseCaseScopeRole> scopes, IReadOnlySet<string> catalogue,
        Guid actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = Check(content, scopes, catalogue);
        if (errors.Count > 0) return Result.Failure(ErrorKind.Validation, errors);
        Apply(content, scopes, now);
        Raise(new UseCaseSaved(Id, actorId, now, Code, Title, IsNew: false));
        return Result.Ok();
    }

    /// <summary>No longer offered to new requests; requests already started keep its title and fixed scopes.</summary>
    public Result Retire(Guid actorId, DateTimeOffset now)
    {
        if (IsRetired) return Result.Conflict(UseCaseErrors.AlreadyRetired);
        IsRetired = true;
        UpdatedAt = now;
        Raise(new UseCaseRetired(Id, actorId, now, Code, Title));
        return Result.Ok();
    }

    private void Apply(Content content, IReadOnlyDictionary<string, UseCaseScopeRole> scopes, DateTimeOffset now)
    {
        Title = content.Title!.Trim();
        Audience = Clean(content.Audience);
        LegalBasisHint = Clean(content.LegalBasisHint);
        LegalBasisUrl = Clean(content.LegalBasisUrl);
        var chosen = scopes.Where(s => s.Value != UseCaseScopeRole.None).Select(s => (Code: s.Key.Trim(), Role: s.Value)).ToList();
        Replace(_offered, chosen.Select(s => s.Code));
        Replace(_preselected, chosen.Where(s => s.Role >= UseCaseScopeRole.Preselected).Select(s => s.Code));
        Replace(_fixed, chosen.Where(s => s.Role == UseCaseScopeRole.Fixed).Select(s => s.Code));
        UpdatedAt = now;
    }

    private static void Replace(List<string> list, IEnumerable<string> codes)
    {
        list.Clear();
        list.AddRange(codes.Distinct(StringComparer.Ordinal));
    }

    private static List<Error> Check(Content content, IReadOnlyDictionary<string, UseCaseScopeRole> scopes, IReadOnlySet<string> catalogue)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(catalogue);
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(content.Title)) errors.Add(UseCaseErrors.TitleRequired.ForField(nameof(Title)));
        else if (content.Title.Trim().Length > TitleMaxLength) errors.Add(UseCaseErrors.TitleTooLong.ForField(nameof(Title)));
        if (content.Audience?.Trim().Length > AudienceMaxLength) errors.Add(UseCaseErrors.AudienceTooLong.ForField(nameof(Audience)));
        if (content.LegalBasisHint?.Trim().Length > HintMaxLength) errors.Add(UseCaseErrors.HintTooLong.ForField(nameof(LegalBasisHint)));
        if (Clean(content.LegalBasisUrl) is { } url && (url.Length > UrlMaxLength || !IsWebAddress(url)))
            errors.Add(UseCaseErrors.InvalidUrl.ForField(nameof(LegalBasisUrl)));

        var chosen = scopes.Where(s => s.Value != UseCaseScopeRole.None).ToList();
        if (chosen.Any(s => !Enum.IsDefined(s.Value))) errors.Add(UseCaseErrors.InvalidScopeRole.ForField("Scopes"));
        if (chosen.Count == 0) errors.Add(UseCaseErrors.NoScope.ForField("Scopes"));
        else if (chosen.FirstOrDefault(s => !catalogue.Contains(s.Key.Trim())) is { Key: { } unknown })
            errors.Add(UseCaseErrors.UnknownScope(unknown).ForField("Scopes"));
        return errors;
    }

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex CodePattern();
}

public abstract record UseCaseEvent(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt) : DomainEvent(AggregateId, ActorId, OccurredAt)
{
    public sealed override string AggregateType => "UseCase";
}

public sealed record UseCaseSaved(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, string Code, string Title, bool IsNew)
    : UseCaseEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => IsNew ? "use_case.created" : "use_case.edited";
}

public sealed record UseCaseRetired(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, string Code, string Title)
    : UseCaseEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "use_case.retired";
    public override string? FromState => "Offered";
    public override string? ToState => "Retired";
}

public static class UseCaseErrors
{
    public static readonly Error InvalidCode = new("use_case.invalid_code", "Le code ne contient que des minuscules, des chiffres et des tirets bas (exemple : tarification_cantine).");
    public static readonly Error CodeTaken = new("use_case.code_taken", "Ce code est déjà celui d'un autre cas d'usage.");
    public static readonly Error TitleRequired = new("use_case.title_required", "Saisissez le titre du cas d'usage.");
    public static readonly Error TitleTooLong = new("use_case.title_too_long", $"Le titre ne peut pas dépasser {UseCase.TitleMaxLength} caractères.");
    public static readonly Error AudienceTooLong = new("use_case.audience_too_long", $"Le public visé ne peut pas dépasser {UseCase.AudienceMaxLength} caractères.");
    public static readonly Error HintTooLong = new("use_case.hint_too_long", $"L'aide sur le cadre juridique ne peut pas dépasser {UseCase.HintMaxLength} caractères.");
    public static readonly Error InvalidUrl = new("use_case.invalid_url", "L'adresse du texte doit commencer par https:// (exemple : https://www.legifrance.gouv.fr/…).");
    public static readonly Error NoScope = new("use_case.no_scope", "Proposez au moins une donnée.");
    public static readonly Error InvalidScopeRole = new("use_case.invalid_scope_role", "Choisissez pour chaque donnée : non proposée, proposée, cochée d'avance ou imposée.");
    public static readonly Error AlreadyRetired = new("use_case.already_retired", "Ce cas d'usage est déjà retiré.");
    public static readonly Error NotOffered = new("use_case.not_offered", "Ce cas d'usage n'est plus proposé : choisissez-en un autre ou « Demande libre ».");
    public static readonly Error ChoiceRequired = new("use_case.choice_required", "Choisissez un cas d'usage ou « Demande libre ».");

    public static Error UnknownScope(string code) => new("use_case.unknown_scope", $"La donnée « {code} » n'est pas proposée dans le catalogue.");
}
