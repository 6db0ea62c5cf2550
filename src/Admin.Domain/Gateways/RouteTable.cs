using System.Collections.Frozen;

namespace Admin.Domain.Gateways;

/// <summary>How a route's scopes are required: at least one granted, or every one.</summary>
public enum RouteMatch
{
    Any = 0,
    All = 1,
}

/// <summary>One line of the route table as the gateway uses it.</summary>
public sealed class RouteRule
{
    public RouteRule(string pathPrefix, RouteMatch match, IReadOnlyList<string> scopes, bool isRetired)
    {
        ArgumentNullException.ThrowIfNull(pathPrefix);
        ArgumentNullException.ThrowIfNull(scopes);
        PathPrefix = pathPrefix;
        Match = match;
        Scopes = [.. scopes];
        IsRetired = isRetired;
    }

    public string PathPrefix { get; }
    public RouteMatch Match { get; }
    public IReadOnlyList<string> Scopes { get; }
    public bool IsRetired { get; }

    /// <summary>Whether a key granting <paramref name="granted"/> may call the route (an empty list admits any valid key).</summary>
    public bool AdmitsScopes(IReadOnlySet<string> granted)
    {
        ArgumentNullException.ThrowIfNull(granted);
        if (Scopes.Count == 0) return true;
        if (Match == RouteMatch.All)
        {
            foreach (var scope in Scopes) if (!granted.Contains(scope)) return false;
            return true;
        }

        foreach (var scope in Scopes) if (granted.Contains(scope)) return true;
        return false;
    }
}

/// <summary>
/// The gateway's route table: a path is matched to the longest route whose prefix equals it or is
/// followed by <c>/</c> in it (segment boundary, case-sensitive). A retired route still matches, so
/// the path is answered as unmapped rather than by a shorter route. Immutable: a change builds a new table.
/// </summary>
public sealed class RouteTable
{
    private readonly FrozenDictionary<string, RouteRule> _byPrefix;

    public RouteTable(IEnumerable<RouteRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = [.. rules];
        _byPrefix = Rules.GroupBy(r => Trim(r.PathPrefix), StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
    }

    public static RouteTable Empty { get; } = new([]);

    public IReadOnlyList<RouteRule> Rules { get; }

    /// <summary>The route that decides for <paramref name="path"/> (a normalized path: no query, no trailing slash), or null when none does.</summary>
    public RouteRule? Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var candidate = Trim(path);
        while (true)
        {
            if (_byPrefix.TryGetValue(candidate, out var rule)) return rule;
            var slash = candidate.LastIndexOf('/');
            if (slash <= 0)
            {
                return candidate.Length > 1 && _byPrefix.TryGetValue("/", out var root) ? root : null;
            }

            candidate = candidate[..slash];
        }
    }

    /// <summary>The route that admits a call to <paramref name="path"/>: null when the path is unmapped or its route retired.</summary>
    public RouteRule? FindOpen(string path) => Find(path) is { IsRetired: false } rule ? rule : null;

    private static string Trim(string path) => path.Length > 1 && path[^1] == '/' ? path.TrimEnd('/') is { Length: > 0 } t ? t : "/" : path;
}
