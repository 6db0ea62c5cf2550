using Admin.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admin.Infrastructure.Outbox;

/// <summary>Scopes as people read them: the catalogue's French name, then the code.</summary>
public static class ScopeNames
{
    /// <summary>"Quotient familial (cnaf_quotient_familial)" for each code, in the order given; a code the catalogue lacks stays bare.</summary>
    public static async Task<IReadOnlyList<string>> DescribeAsync(AdminDbContext db, IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(codes);
        var labels = await db.Scopes.AsNoTracking().Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, s => s.Label, ct);
        return [.. codes.Select(code => labels.TryGetValue(code, out var label) && label.Length > 0 && label != code ? $"{label} ({code})" : code)];
    }
}
