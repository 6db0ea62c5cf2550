using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Features.ApiKeys;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Authorizations;

/// <summary>
/// "Prolonger l'habilitation": from 90 days before its expiry, an applicant of the organization (not a
/// contact, not staff) answers four yes/no questions. All "yes" prolongs the authorization and its keys
/// by up to 18 months from the answer; any "no" reopens the request for review, the keys working
/// meanwhile (docs/decisions/0016). Audited; e-mailed (AuthorizationNotifications).
/// </summary>
public static class Prolong
{
    public sealed record Command(Guid AuthorizationId, bool? SameOrganization, bool? SamePurpose, bool? SameContacts, bool? SameScopes)
        : ICommand<Result<Outcome>>;

    /// <summary>Prolonged (the new expiry), or the request reopened for review.</summary>
    public sealed record Outcome(bool Prolonged, DateOnly ExpiresOn, Guid RequestId);

    public sealed record Query(Guid AuthorizationId) : IQuery<Result<Form>>;

    /// <summary>The questionnaire, or why it cannot be answered yet (<see cref="Refusal"/>), with what was ticked.</summary>
    public sealed record Form(KeyPage.View Page, string? Refusal,
        bool? SameOrganization = null, bool? SamePurpose = null, bool? SameContacts = null, bool? SameScopes = null)
    {
        public bool CanAnswer => Refusal is null;
    }

    internal sealed class Handler(AdminDbContext db, AccessService access, ICurrentUser user, TimeProvider time)
        : ICommandHandler<Command, Result<Outcome>>
    {
        public async ValueTask<Result<Outcome>> Handle(Command command, CancellationToken ct)
        {
            var allowed = await ApplicantAsync(access, command.AuthorizationId, ct);
            if (allowed.IsFailure) return Result<Outcome>.From(allowed);
            var answers = ProlongationAnswers.From(command.SameOrganization, command.SamePurpose, command.SameContacts, command.SameScopes);
            if (answers.IsFailure) return Result<Outcome>.From(answers);

            var authorization = allowed.Value.Authorization;
            if (allowed.Value.Organization.IsSuspended) return Result<Outcome>.Failure(ErrorKind.Conflict, [AuthorizationErrors.ProlongationNotPossible]);
            var request = await db.AccessRequests.SingleAsync(r => r.Id == authorization.AccessRequestId, ct);
            var now = time.GetUtcNow();
            var answered = request.AnswerProlongation(user.Id, answers.Value, authorization, now);
            if (answered.IsFailure) return Result<Outcome>.From(answered);
            if (answered.Value)
            {
                foreach (var key in await db.ApiKeys.Where(k => k.AuthorizationId == authorization.Id).ToListAsync(ct))
                    key.FollowProlongation(authorization);
            }

            var saved = await db.SaveChangesOrConflictAsync(ct, AuthorizationErrors.ProlongationNotPossible);
            return saved.IsSuccess ? new Outcome(answered.Value, authorization.ExpiresOn, request.Id) : Result<Outcome>.From(saved);
        }
    }

    internal sealed class QueryHandler(AdminDbContext db, AccessService access, TimeProvider time) : IQueryHandler<Query, Result<Form>>
    {
        public async ValueTask<Result<Form>> Handle(Query query, CancellationToken ct)
        {
            var allowed = await ApplicantAsync(access, query.AuthorizationId, ct);
            if (allowed.IsFailure) return Result<Form>.From(allowed);
            var now = time.GetUtcNow();
            var page = await KeyPage.BuildAsync(db, allowed.Value, asStaff: false, now, ct);
            var request = await db.AccessRequests.AsNoTracking().Where(r => r.Id == allowed.Value.Authorization.AccessRequestId).Select(r => r.Status).SingleAsync(ct);
            var refusal = request != Admin.Domain.AccessRequests.AccessRequestStatus.Approved || allowed.Value.Organization.IsSuspended
                ? AuthorizationErrors.ProlongationNotPossible
                : allowed.Value.Authorization.ProlongationRefusal(now);
            return new Form(page, refusal?.Message);
        }
    }

    /// <summary>Only an applicant of the authorization's organization answers: 404 for another organization, 403 otherwise.</summary>
    private static async Task<Result<AuthorizationAccess>> ApplicantAsync(AccessService access, Guid authorizationId, CancellationToken ct)
    {
        var allowed = await access.ForAuthorizationAsync(authorizationId, Need.Read, ct);
        if (allowed.IsFailure) return allowed;
        return allowed.Value.Role == MembershipRole.Applicant ? allowed : Result<AuthorizationAccess>.From(Result.Forbidden());
    }
}
