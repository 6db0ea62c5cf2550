using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Features.ApiKeys;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Usage;

/// <summary>
/// Which usage alerts of a key its holders receive by e-mail (quota alerts at 80 % and 100 %, refusal
/// alerts), chosen by the organization's applicant or technical contact; audited. The partner home shows
/// every alert whatever the choice.
/// </summary>
public static class AlertPreferences
{
    public sealed record Query(Guid AuthorizationId, Guid KeyId) : IQuery<Result<Form>>;

    public sealed record Command(Guid AuthorizationId, Guid KeyId, bool QuotaAlerts, bool RefusalAlerts) : ICommand<Result>;

    public sealed record Form(KeyPage.View Page, KeyPage.KeyRow Key, bool QuotaAlerts, bool RefusalAlerts);

    internal sealed class FormHandler(AdminDbContext db, AccessService access, TimeProvider time) : IQueryHandler<Query, Result<Form>>
    {
        public async ValueTask<Result<Form>> Handle(Query query, CancellationToken ct)
        {
            var found = await KeyPage.ForKeyAsync(db, access, query.AuthorizationId, query.KeyId, Need.IssueKeys, time.GetUtcNow(), ct);
            if (found.IsFailure) return Result<Form>.From(found);
            var choice = await db.ApiKeys.AsNoTracking().Where(k => k.Id == query.KeyId)
                .Select(k => new { k.QuotaAlerts, k.RefusalAlerts }).SingleAsync(ct);
            return new Form(found.Value.Page, found.Value.Key, choice.QuotaAlerts, choice.RefusalAlerts);
        }
    }

    internal sealed class Handler(AdminDbContext db, AccessService access, ICurrentUser user, TimeProvider time) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct) =>
            await KeyChange.ApplyAsync(db, access, command.AuthorizationId, command.KeyId,
                (key, organization) => key.ChooseAlerts(organization, user.Id, command.QuotaAlerts, command.RefusalAlerts, time.GetUtcNow()), ct);
    }
}
