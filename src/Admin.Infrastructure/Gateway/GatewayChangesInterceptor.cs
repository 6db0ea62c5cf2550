using Admin.Domain.ApiKeys;
using Admin.Domain.Authorizations;
using Admin.Domain.Gateways;
using Admin.Domain.Organizations;
using Admin.Domain.Scopes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Admin.Infrastructure.Gateway;

/// <summary>
/// Notes what a save changes that the gateway caches (keys, authorizations, organizations, routes,
/// credentials, the test-token and the catalogue it grants) and publishes it once it is committed:
/// after the save, or after the commit of the transaction around it, so no node reloads the old
/// state after its eviction.
/// </summary>
public sealed class GatewayChangesInterceptor(GatewayChangeBus bus) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly List<GatewayChange> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) Capture(db);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db) Capture(db);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Flush();
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Flush();
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => DropUnlessInTransaction(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        DropUnlessInTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Flush();

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Flush();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => _pending.Clear();

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        _pending.Clear();
        return Task.CompletedTask;
    }

    private void DropUnlessInTransaction(DbContext? db)
    {
        if (db?.Database.CurrentTransaction is null) _pending.Clear();
    }

    private void Capture(DbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var added = entry.State == EntityState.Added;
            switch (entry.Entity)
            {
                case ApiKey key:
                    _pending.Add(added ? new GatewayChange(GatewayChangeKind.KeyCreated, key.Id, key.Hash) : new GatewayChange(GatewayChangeKind.Key, key.Id));
                    break;
                case Authorization authorization when !added:
                    _pending.Add(new GatewayChange(GatewayChangeKind.Authorization, authorization.Id));
                    break;
                case Organization organization when !added:
                    _pending.Add(new GatewayChange(GatewayChangeKind.Organization, organization.Id));
                    break;
                case GatewayRoute route:
                    _pending.Add(new GatewayChange(GatewayChangeKind.Routes, route.Id));
                    break;
                case GatewayClient client:
                    _pending.Add(new GatewayChange(GatewayChangeKind.Credential, client.Id, added ? client.Hash : null));
                    break;
                case TestToken token:
                    _pending.Add(new GatewayChange(GatewayChangeKind.TestToken, token.Id, token.Hash));
                    break;
                case Scope:
                    _pending.Add(new GatewayChange(GatewayChangeKind.TestToken, TestToken.FixedId));
                    break;
            }
        }
    }

    private void Flush()
    {
        if (_pending.Count == 0) return;
        var changes = _pending.Distinct().ToArray();
        _pending.Clear();
        bus.Publish(changes);
    }
}
