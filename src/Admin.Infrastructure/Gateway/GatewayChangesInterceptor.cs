using Admin.Domain.ApiKeys;
using Admin.Domain.Authorizations;
using Admin.Domain.Gateways;
using Admin.Domain.Organizations;
using Admin.Domain.Scopes;
using Admin.Infrastructure.Persistence.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Admin.Infrastructure.Gateway;

/// <summary>
/// Notes what a save changes that the gateway caches (keys, authorizations, organizations, routes,
/// credentials, the test-token and the catalogue it grants) and publishes it once it is committed:
/// after the save, or after the commit of the transaction around it, so no node reloads the old
/// state after its eviction.
/// </summary>
public sealed class GatewayChangesInterceptor(GatewayChangeBus bus) : AfterCommitInterceptor
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

    protected override void Discarded() => _pending.Clear();

    protected override void Committed()
    {
        if (_pending.Count == 0) return;
        var changes = _pending.Distinct().ToArray();
        _pending.Clear();
        bus.Publish(changes);
    }
}
