using Admin.Domain.Common;

namespace Admin.Domain.Gateways;

/// <summary>
/// One line of the gateway's route table, edited by administrators and seeded from routes.json: a
/// path prefix of API Particulier, the scopes it requires ("any" or "all"; none: any valid key) and
/// whether it is retired (still listed, answered as unmapped).
/// </summary>
public sealed class GatewayRoute : Entity
{
    public const int PathMaxLength = 200;
    public const int NoteMaxLength = 500;

    private readonly List<string> _scopes = [];

    private GatewayRoute() { }

    public string PathPrefix { get; private set; } = "";
    public RouteMatch Match { get; private set; }
    public IReadOnlyList<string> Scopes => _scopes.AsReadOnly();
    public bool IsRetired { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>What an administrator types for a route.</summary>
    public sealed record Content(string? PathPrefix, RouteMatch? Match, IReadOnlyList<string>? Scopes, bool IsRetired, string? Note);

    public RouteRule ToRule() => new(PathPrefix, Match, _scopes, IsRetired);

    /// <summary>A new route; <paramref name="catalogue"/> is every known scope code, <paramref name="takenPrefixes"/> the other routes' prefixes.</summary>
    public static Result<GatewayRoute> Create(Content content, IReadOnlySet<string> catalogue, IReadOnlySet<string> takenPrefixes, Guid? actorId,
        DateTimeOffset now)
    {
        var route = new GatewayRoute();
        var applied = route.Apply(content, catalogue, takenPrefixes, now);
        if (applied.IsFailure) return Result<GatewayRoute>.Failure(applied.FailureKind!.Value, applied.Errors);
        route.Raise(new GatewayRouteSaved(route.Id, actorId, now, route.PathPrefix, route.Match, route.Scopes, route.IsRetired, IsNew: true));
        return route;
    }

    public Result Edit(Content content, IReadOnlySet<string> catalogue, IReadOnlySet<string> takenPrefixes, Guid actorId, DateTimeOffset now)
    {
        var applied = Apply(content, catalogue, takenPrefixes, now);
        if (applied.IsSuccess) Raise(new GatewayRouteSaved(Id, actorId, now, PathPrefix, Match, Scopes, IsRetired, IsNew: false));
        return applied;
    }

    /// <summary>The prefix an administrator typed, as the table keeps it (trailing slash dropped), or null when it is not a valid path.</summary>
    public static string? NormalizePrefix(string? typed)
    {
        var text = typed?.Trim() ?? "";
        if (text.Length == 0 || text.Length > PathMaxLength || text.Contains('?') || text.Contains('#') || text.Contains('%')) return null;
        return ForwardedPath.Normalize(text);
    }

    private Result Apply(Content content, IReadOnlySet<string> catalogue, IReadOnlySet<string> takenPrefixes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(takenPrefixes);
        var errors = new List<Error>();

        var prefix = NormalizePrefix(content.PathPrefix);
        if (string.IsNullOrWhiteSpace(content.PathPrefix)) errors.Add(GatewayRouteErrors.PathRequired.ForField(nameof(PathPrefix)));
        else if (prefix is null) errors.Add(GatewayRouteErrors.PathInvalid.ForField(nameof(PathPrefix)));
        else if (takenPrefixes.Contains(prefix)) errors.Add(GatewayRouteErrors.PathTaken(prefix).ForField(nameof(PathPrefix)));

        if (content.Match is not { } match || !Enum.IsDefined(match)) errors.Add(GatewayRouteErrors.MatchInvalid.ForField(nameof(Match)));

        var scopes = (content.Scopes ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var unknown = scopes.Where(s => !catalogue.Contains(s)).ToList();
        if (unknown.Count > 0) errors.Add(GatewayRouteErrors.ScopesUnknown(unknown).ForField(nameof(Scopes)));

        var note = content.Note?.Trim();
        if (note is { Length: > NoteMaxLength }) errors.Add(GatewayRouteErrors.NoteTooLong.ForField(nameof(Note)));
        if (errors.Count > 0) return Result.Failure(ErrorKind.Validation, errors);

        PathPrefix = prefix!;
        Match = content.Match!.Value;
        _scopes.Clear();
        _scopes.AddRange(scopes);
        IsRetired = content.IsRetired;
        Note = string.IsNullOrEmpty(note) ? null : note;
        UpdatedAt = now;
        return Result.Ok();
    }
}

public static class GatewayRouteErrors
{
    public static readonly Error PathRequired = new("gateway_route.path_required", "Indiquez le début du chemin, par exemple /api/v2/composition-familiale.");
    public static readonly Error PathInvalid = new("gateway_route.path_invalid",
        "Le chemin doit commencer par « / », sans paramètres (« ? »), sans caractère encodé (« % »), sans segment « . » ou « .. » et sans barre oblique inverse.");
    public static readonly Error MatchInvalid = new("gateway_route.match_invalid", "Choisissez si la clé doit avoir au moins une des données ou toutes.");
    public static readonly Error NoteTooLong = new("gateway_route.note_too_long", $"La note ne doit pas dépasser {GatewayRoute.NoteMaxLength} caractères.");

    public static Error PathTaken(string prefix) => new("gateway_route.path_taken", $"Une route existe déjà pour {prefix}.");

    public static Error ScopesUnknown(IEnumerable<string> codes) =>
        new("gateway_route.scopes_unknown", $"Données inconnues du catalogue : {string.Join(", ", codes)}.");
}

public sealed record GatewayRouteSaved(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, string PathPrefix, RouteMatch Match,
    IReadOnlyList<string> Scopes, bool IsRetired, bool IsNew) : DomainEvent(AggregateId, ActorId, OccurredAt)
{
    public override string AggregateType => "GatewayRoute";
    public override string Action => IsNew ? "gateway_route.created" : "gateway_route.edited";
    public override string? ToState => IsRetired ? "Retired" : "Open";
}
