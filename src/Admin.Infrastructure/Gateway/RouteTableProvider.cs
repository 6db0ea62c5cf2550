using Admin.Domain.Gateways;
using Admin.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Infrastructure.Gateway;

/// <summary>
/// The route table the gateway matches against, held whole in memory and rebuilt from the database
/// when it changes (<see cref="GatewayChangeKind.Routes"/>); loaded on first use.
/// </summary>
public sealed class RouteTableProvider(IServiceScopeFactory scopes)
{
    private volatile RouteTable? _table;
    private long _generation;

    public ValueTask<RouteTable> GetAsync(CancellationToken ct) =>
        _table is { } table ? ValueTask.FromResult(table) : new ValueTask<RouteTable>(LoadAsync(ct));

    public void Apply(GatewayChange change)
    {
        if (change.Kind != GatewayChangeKind.Routes) return;
        Interlocked.Increment(ref _generation);
        _table = null;
    }

    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _table = null;
    }

    private async Task<RouteTable> LoadAsync(CancellationToken ct)
    {
        var generation = Interlocked.Read(ref _generation);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdminDbContext>();
        var routes = await db.GatewayRoutes.AsNoTracking().ToListAsync(ct);
        var table = new RouteTable(routes.Select(r => r.ToRule()));
        if (Interlocked.Read(ref _generation) == generation) _table = table;
        return table;
    }
}
