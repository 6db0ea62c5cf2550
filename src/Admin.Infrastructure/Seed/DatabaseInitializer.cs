using Admin.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Admin.Infrastructure.Seed;

/// <summary>Applies pending migrations, then seeds reference data (and demo accounts in Development).</summary>
public sealed class DatabaseInitializer(
    AdminDbContext db,
    ReferenceDataSeeder referenceData,
    DevelopmentSeeder demo,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        await referenceData.SeedAsync(ct);
        if (environment.IsDevelopment())
        {
            await demo.SeedAsync();
        }

        logger.LogInformation("Database ready ({Provider})", db.Database.ProviderName);
    }
}
