using Admin.Domain.ApiKeys;
using Admin.Domain.Common;
using Admin.Infrastructure.Keys;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.ApiKeys;

/// <summary>
/// "Renouveler": the applicant or technical contact, having confirmed their identity in the last 10
/// minutes, replaces a key by a new one on the same authorization (its secret returned once, as at
/// creation) and chooses when the old one stops working: now, in 24 hours, 7 days or 30 days.
/// Audited; the applicant and the technical contact are e-mailed (ApiKeyNotifications).
/// </summary>
public static class RenewKey
{
    public static readonly Error ConfirmationRequired = new(IssueKey.ConfirmationRequiredCode, "Confirmez votre identité avant de renouveler une clé.");

    public sealed record Command(Guid AuthorizationId, Guid KeyId, RenewalOverlap? Overlap) : ICommand<Result<IssueKey.Issued>>;

    /// <summary>The renewal form: the key to renew, on its authorization's page.</summary>
    public sealed record Query(Guid AuthorizationId, Guid KeyId) : IQuery<Result<Form>>;

    public sealed record Form(KeyPage.View Page, KeyPage.KeyRow Key, RenewalOverlap? Overlap = RenewalOverlap.Hours24);

    internal sealed class Handler(AdminDbContext db, AccessService access, ICurrentUser user, TimeProvider time)
        : ICommandHandler<Command, Result<IssueKey.Issued>>
    {
        public async ValueTask<Result<IssueKey.Issued>> Handle(Command command, CancellationToken ct)
        {
            var allowed = await access.ForAuthorizationAsync(command.AuthorizationId, Need.IssueKeys, ct);
            if (allowed.IsFailure) return Result<IssueKey.Issued>.From(allowed);
            var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.KeyId && k.AuthorizationId == command.AuthorizationId, ct);
            if (key is null) return Result<IssueKey.Issued>.From(Result.NotFound());
            var now = time.GetUtcNow();
            if (!IdentityConfirmation.IsRecent(user.IdentityConfirmedAt, now))
                return Result<IssueKey.Issued>.Failure(ErrorKind.Forbidden, [ConfirmationRequired]);

            var generated = ApiKeySecrets.Generate(key.Environment);
            var renewed = key.Renew(allowed.Value.Authorization, allowed.Value.Organization, user.Id, command.Overlap, generated.Material, now);
            if (renewed.IsFailure) return Result<IssueKey.Issued>.From(renewed);

            var successor = renewed.Value;
            db.ApiKeys.Add(successor);
            var saved = await db.SaveChangesOrConflictAsync(ct, ApiKeyErrors.AlreadyRenewed);
            if (saved.IsFailure) return Result<IssueKey.Issued>.From(saved);
            return new IssueKey.Issued(successor.Id, successor.AuthorizationId, successor.Name, successor.Environment, successor.Prefix.Display,
                successor.ExpiresAt, generated.Secret, new IssueKey.Replaced(key.Prefix.Display, key.ExpiresAtWith(allowed.Value.Authorization)));
        }
    }

    internal sealed class FormHandler(AdminDbContext db, AccessService access, TimeProvider time) : IQueryHandler<Query, Result<Form>>
    {
        public async ValueTask<Result<Form>> Handle(Query query, CancellationToken ct)
        {
            var found = await KeyPage.ForKeyAsync(db, access, query.AuthorizationId, query.KeyId, Need.IssueKeys, time.GetUtcNow(), ct);
            return found.IsFailure ? Result<Form>.From(found) : new Form(found.Value.Page, found.Value.Key);
        }
    }
}
