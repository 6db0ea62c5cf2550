using Admin.Domain.ApiKeys;
using Admin.Domain.Common;
using Admin.Domain.Gateways;
using Admin.Infrastructure.Keys;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Administration;

/// <summary>
/// Gateway credentials (passerelles), managed by administrators at /admin/passerelles: create one for
/// an environment (its secret returned once, only its SHA-256 and prefix saved), list them, revoke one.
/// </summary>
public static class GatewayClients
{
    public sealed record Row(Guid Id, string Name, ApiKeyEnvironment Environment, string VisiblePrefix, DateTimeOffset CreatedAt, string? CreatedByName,
        DateTimeOffset? LastUsedAt, GatewayClientStatus Status, DateTimeOffset? RevokedAt)
    {
        public string PrefixDisplay => VisiblePrefix + "…";
    }

    /// <summary>Every credential, active ones first, newest first.</summary>
    public sealed record List : IQuery<IReadOnlyList<Row>>;

    public sealed record Show(Guid Id) : IQuery<Result<Row>>;

    public sealed record Create(string? Name, ApiKeyEnvironment? Environment) : ICommand<Result<Created>>;

    /// <summary>The new credential with its secret: shown once, never stored, never logged (ToString leaves it out).</summary>
    public sealed record Created(Guid Id, string Name, ApiKeyEnvironment Environment, string Secret)
    {
        public override string ToString() => $"Created {{ Id = {Id} }}";
    }

    public sealed record Revoke(Guid Id) : ICommand<Result>;

    internal sealed class Handlers(AdminDbContext db, ICurrentUser user, TimeProvider time)
        : IQueryHandler<List, IReadOnlyList<Row>>, IQueryHandler<Show, Result<Row>>, ICommandHandler<Create, Result<Created>>,
          ICommandHandler<Revoke, Result>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(List query, CancellationToken ct) =>
            [.. (await RowsAsync(db.GatewayClients.AsNoTracking(), ct)).OrderBy(r => r.Status).ThenByDescending(r => r.CreatedAt)];

        public async ValueTask<Result<Row>> Handle(Show query, CancellationToken ct) =>
            (await RowsAsync(db.GatewayClients.AsNoTracking().Where(c => c.Id == query.Id), ct)).FirstOrDefault() is { } row
                ? row
                : Result<Row>.From(Result.NotFound());

        public async ValueTask<Result<Created>> Handle(Create command, CancellationToken ct)
        {
            var generated = GatewayCredentialSecrets.Generate();
            var created = GatewayClient.Create(command.Name, command.Environment, generated.Material, user.Id, time.GetUtcNow());
            if (created.IsFailure) return Result<Created>.From(created);

            var client = created.Value;
            db.GatewayClients.Add(client);
            await db.SaveChangesAsync(ct);
            return new Created(client.Id, client.Name, client.Environment, generated.Secret);
        }

        public async ValueTask<Result> Handle(Revoke command, CancellationToken ct)
        {
            var client = await db.GatewayClients.FirstOrDefaultAsync(c => c.Id == command.Id, ct);
            if (client is null) return Result.NotFound();
            var revoked = client.Revoke(user.Id, time.GetUtcNow());
            if (revoked.IsFailure) return revoked;
            return await db.SaveChangesOrConflictAsync(ct, GatewayClientErrors.AlreadyRevoked);
        }

        private async Task<IReadOnlyList<Row>> RowsAsync(IQueryable<GatewayClient> clients, CancellationToken ct)
        {
            var found = await clients.ToListAsync(ct);
            var creatorIds = found.Select(c => c.CreatedBy).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => creatorIds.Contains(u.Id))
                .Select(u => new { u.Id, Name = u.FirstName + " " + u.LastName }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            return [.. found.Select(c => new Row(c.Id, c.Name, c.Environment, c.VisiblePrefix, c.CreatedAt, names.GetValueOrDefault(c.CreatedBy),
                c.LastUsedAt, c.Status, c.RevokedAt))];
        }
    }
}
