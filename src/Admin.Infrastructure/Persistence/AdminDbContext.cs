using Admin.Domain.AccessRequests;
using Admin.Domain.ApiKeys;
using Admin.Domain.Audit;
using Admin.Domain.Authorizations;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Documents;
using Admin.Domain.Charters;
using Admin.Domain.Gateways;
using Admin.Domain.Common;
using Admin.Domain.Messages;
using Admin.Domain.Scopes;
using Admin.Domain.UseCases;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Outbox;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Admin.Infrastructure.Persistence;

/// <summary>
/// The one database context, Identity included. Each provider has a subclass only so that its
/// migrations live in their own folder (see docs/decisions/0002-two-providers.md).
/// </summary>
public abstract class AdminDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options)
{
    public DbSet<Scope> Scopes => Set<Scope>();
    public DbSet<CharterVersion> CharterVersions => Set<CharterVersion>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<CharterAcceptance> CharterAcceptances => Set<CharterAcceptance>();
    public DbSet<AccessRequest> AccessRequests => Set<AccessRequest>();
    public DbSet<StoredDocument> Documents => Set<StoredDocument>();
    public DbSet<Authorization> Authorizations => Set<Authorization>();
    public DbSet<RequestMessage> RequestMessages => Set<RequestMessage>();
    public DbSet<MessageReadMarker> MessageReadMarkers => Set<MessageReadMarker>();
    public DbSet<MessageTemplate> MessageTemplates => Set<MessageTemplate>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<ExpiryReminder> ExpiryReminders => Set<ExpiryReminder>();
    public DbSet<UseCase> UseCases => Set<UseCase>();
    public DbSet<GatewayClient> GatewayClients => Set<GatewayClient>();
    public DbSet<TestToken> TestTokens => Set<TestToken>();
    public DbSet<Admin.Domain.Gateways.GatewayRoute> GatewayRoutes => Set<Admin.Domain.Gateways.GatewayRoute>();
    public DbSet<Admin.Domain.Usage.KeyUsageHour> KeyUsageHours => Set<Admin.Domain.Usage.KeyUsageHour>();
    public DbSet<Admin.Domain.Usage.KeyClientAddress> KeyClientAddresses => Set<Admin.Domain.Usage.KeyClientAddress>();
    public DbSet<Admin.Domain.Usage.KeyUsageDay> KeyUsageDays => Set<Admin.Domain.Usage.KeyUsageDay>();
    public DbSet<Admin.Domain.Usage.UsageRollup> UsageRollups => Set<Admin.Domain.Usage.UsageRollup>();
    public DbSet<Admin.Domain.Usage.UsageAlert> UsageAlerts => Set<Admin.Domain.Usage.UsageAlert>();
    public DbSet<RequestNumberCounter> RequestNumberCounters => Set<RequestNumberCounter>();

    private readonly List<DomainEvent> _raised = [];

    /// <summary>
    /// An event of something that is no aggregate of ours (an account, an e-mail to send): at the next
    /// SaveChanges it is audited and notified exactly like the events the aggregates raise.
    /// </summary>
    public void Raise(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        _raised.Add(domainEvent);
    }

    /// <summary>The events given to <see cref="Raise"/> since the last SaveChanges, once.</summary>
    internal IReadOnlyList<DomainEvent> TakeRaised()
    {
        var raised = _raised.ToList();
        _raised.Clear();
        return raised;
    }

    /// <summary>
    /// The provider's one statement that adds <c>count</c> to the year's counter (creating it at <c>count</c>) and returns
    /// its new value as a column named Value.
    /// </summary>
    protected internal abstract FormattableString ReserveRequestNumbers(int year, int count);

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await RequestNumbering.AssignAsync(this, ReserveRequestNumbers, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RequestNumbering.Assign(this, ReserveRequestNumbers);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AdminDbContext).Assembly);

        // Aggregates create their own ids. Telling EF the key is never generated makes a child added
        // to a loaded aggregate's collection an INSERT (not an UPDATE of a row that does not exist).
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(Entity).IsAssignableFrom(e.ClrType)))
        {
            builder.Entity(entity.ClrType).Ignore(nameof(Entity.DomainEvents));
            builder.Entity(entity.ClrType).Property(nameof(Entity.Id)).ValueGeneratedNever();
        }
    }
}

public sealed class SqliteAdminDbContext(DbContextOptions<SqliteAdminDbContext> options) : AdminDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; we only store UTC, so a binary form keeps order.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    // An upsert is one write: SQLite serializes writers, so two of them never read the same counter.
    protected internal override FormattableString ReserveRequestNumbers(int year, int count) =>
        $"""
        INSERT INTO "RequestNumberCounters" ("Year", "Last") VALUES ({year}, {count})
        ON CONFLICT ("Year") DO UPDATE SET "Last" = "Last" + {count}
        RETURNING "Last" AS "Value"
        """;
}

public sealed class SqlServerAdminDbContext(DbContextOptions<SqlServerAdminDbContext> options) : AdminDbContext(options)
{
    // HOLDLOCK: the key range stays locked until the statement ends, so two first requests of a year cannot both insert.
    protected internal override FormattableString ReserveRequestNumbers(int year, int count) =>
        $"""
        MERGE [RequestNumberCounters] WITH (HOLDLOCK) AS [c]
        USING (SELECT {year} AS [Year]) AS [s] ON [c].[Year] = [s].[Year]
        WHEN MATCHED THEN UPDATE SET [Last] = [c].[Last] + {count}
        WHEN NOT MATCHED THEN INSERT ([Year], [Last]) VALUES ({year}, {count})
        OUTPUT inserted.[Last] AS [Value];
        """;
}
