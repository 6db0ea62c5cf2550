using Admin.Domain.AccessRequests;
using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Domain.Users;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.AccessRequests.Steps;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Support;

/// <summary>Requests in a given lifecycle state, built through the domain's own behaviours.</summary>
public static class LifecycleArrange
{
    public static Task<AccessRequest> SubmittedAsync(this AdminWebFactory app, PartnerArrangement applicant, string name = "Tarification de la cantine") =>
        app.SubmittedThenAsync(applicant, name, (_, _) => Result.Ok());

    /// <summary>Submitted with these scopes instead of the complete draft's.</summary>
    public static Task<AccessRequest> SubmittedWithScopesAsync(this AdminWebFactory app, PartnerArrangement applicant, string name, params string[] scopes) =>
        app.SubmittedThenAsync(applicant, name, (_, _, _, _) => Result.Ok(), scopes);

    /// <summary>Submitted, then sent back by an instructor with a message.</summary>
    public static Task<AccessRequest> ChangesRequestedAsync(this AdminWebFactory app, PartnerArrangement applicant, string name = "Tarification de la cantine") =>
        app.SubmittedThenAsync(applicant, name, (request, now) => request.RequestChanges(SomeInstructor, "Précisez la durée de conservation.", now));

    /// <summary>Submitted, then taken by the staff member with this id (an instructor of no organization).</summary>
    public static Task<AccessRequest> TakenAsync(this AdminWebFactory app, PartnerArrangement applicant, Guid staffUserId, string name = "Tarification de la cantine") =>
        app.SubmittedThenAsync(applicant, name, (request, now) =>
            request.Take(new StaffMember(staffUserId, new HashSet<string> { Roles.Instructor }, new HashSet<Guid>()), now));

    /// <summary>An instructor of no organization, as the domain sees them.</summary>
    public static StaffMember SomeInstructor => new(Guid.NewGuid(), new HashSet<string> { Roles.Instructor }, new HashSet<Guid>());

    /// <summary>Approved with every requested scope and the default limits; its authorization is stored too.</summary>
    public static Task<AccessRequest> ApprovedAsync(this AdminWebFactory app, PartnerArrangement applicant, string name = "Tarification de la cantine") =>
        app.SubmittedThenAsync(applicant, name, (db, request, offerable, now) =>
        {
            var grant = Grant.Create(request.Scopes, request.Scopes, offerable, null, null, null, null, now).Value;
            var approved = request.Approve(SomeInstructor, grant, null, now);
            if (approved.IsSuccess) db.Authorizations.Add(approved.Value);
            return approved;
        });

    public static Task<AccessRequest> RefusedAsync(this AdminWebFactory app, PartnerArrangement applicant, string name = "Tarification de la cantine") =>
        app.SubmittedThenAsync(applicant, name, (_, request, _, now) => request.Refuse(SomeInstructor, "Cadre juridique insuffisant", now));

    private static Task<AccessRequest> SubmittedThenAsync(this AdminWebFactory app, PartnerArrangement applicant, string name,
        Func<AccessRequest, DateTimeOffset, Result> then) =>
        app.SubmittedThenAsync(applicant, name, (_, request, _, now) => then(request, now));

    private static async Task<AccessRequest> SubmittedThenAsync(this AdminWebFactory app, PartnerArrangement applicant, string name,
        Func<AdminDbContext, AccessRequest, IReadOnlySet<string>, DateTimeOffset, Result> then, string[]? scopes = null)
    {
        var draft = await app.CompleteDraftAsync(applicant, name);
        return await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var request = await db.AccessRequests.SingleAsync(r => r.Id == draft.Id);
            var charter = await db.CurrentCharterAsync(CancellationToken.None);
            var offerable = await db.OfferableScopesAsync(CancellationToken.None);
            if (scopes is not null) Check(request.SaveScopes(applicant.User.Id, scopes, offerable, now));
            Check(request.Submit(applicant.User.Id, charter, offerable, now));
            Check(then(db, request, offerable, now));
            await db.SaveChangesAsync();
            return request;
        });
    }

    private static void Check(Result result)
    {
        if (result.IsFailure) throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Code + " " + e.Field)));
    }
}
