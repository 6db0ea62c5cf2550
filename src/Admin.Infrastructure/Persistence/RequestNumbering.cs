using Admin.Domain.AccessRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Infrastructure.Persistence;

/// <summary>The last request number given in one year (docs/decisions/0017-request-numbers.md).</summary>
public sealed class RequestNumberCounter
{
    public int Year { get; private set; }
    public int Last { get; private set; }
}

internal sealed class RequestNumberCounterConfiguration : IEntityTypeConfiguration<RequestNumberCounter>
{
    public void Configure(EntityTypeBuilder<RequestNumberCounter> builder)
    {
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
    }
}

/// <summary>
/// Numbers the requests a SaveChanges is about to insert. Each year's counter moves by one atomic statement of the database
/// (an upsert that returns the new last value), so two saves at once never get the same numbers, on SQLite as on SQL Server;
/// a save that fails afterwards leaves a gap, like a sequence. The unique index on the number is the last guard.
/// </summary>
internal static class RequestNumbering
{
    public static async Task AssignAsync(AdminDbContext db, Func<int, int, FormattableString> reserve, CancellationToken ct)
    {
        foreach (var year in Unnumbered(db))
        {
            var last = (await db.Database.SqlQuery<int>(reserve(year.Key, year.Count())).ToListAsync(ct)).Single();
            Assign(year, last);
        }
    }

    public static void Assign(AdminDbContext db, Func<int, int, FormattableString> reserve)
    {
        foreach (var year in Unnumbered(db))
        {
            Assign(year, db.Database.SqlQuery<int>(reserve(year.Key, year.Count())).ToList().Single());
        }
    }

    private static List<IGrouping<int, AccessRequest>> Unnumbered(AdminDbContext db) =>
        [.. db.ChangeTracker.Entries<AccessRequest>()
            .Where(e => e.State == EntityState.Added && e.Entity.Number.Length == 0)
            .Select(e => e.Entity)
            .OrderBy(r => r.CreatedAt)
            .GroupBy(r => RequestNumber.YearOf(r.CreatedAt))];

    /// <summary>The counter now says <paramref name="last"/>: this save's requests take the values just below it, in creation order.</summary>
    private static void Assign(IGrouping<int, AccessRequest> year, int last)
    {
        var sequence = last - year.Count();
        foreach (var request in year) request.AssignNumber(++sequence);
    }
}
