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
        app.SubmittedThenAsync(applicant, name, (db, request, offerable, now) => Approve(db, request, offerable, null, now));

    private static Result Approve(AdminDbContext db, AccessRequest request, IReadOnlySet<string> offerable, Authorization? current, DateTimeOffset now)
    {
        var grant = Grant.Create(request.Scopes, request.Scopes, offerable, null, null, null, null, now).Value;
        var approved = request.Approve(SomeInstructor, grant, current, now);
        if (approved.IsSuccess && current is null) db.Authorizations.Add(approved.Value);
        return approved;
    }

    /// <summary>Submitted with <paramref name="scopes"/>, approved with all of them and these limits; its authorization is stored too.</summary>
    public static Task<AccessRequest> ApprovedWithLimitsAsync(this AdminWebFactory app, PartnerArrangement applicant, string[] scopes,
        int? ratePerSecond, long? dailyQuota, long? monthlyQuota) =>
        app.SubmittedThenAsync(applicant, "Démarche passerelle", (db, request, offerable, now) =>
        {
            var grant = Grant.Create(scopes, request.Scopes, offerable, ratePerSecond, dailyQuota, monthlyQuota, null, now).Value;
            var approved = request.Approve(SomeInstructor, grant, null, now);
            if (approved.IsSuccess) db.Authorizations.Add(approved.Value);
            return approved;
        }, scopes);

    public static Task<AccessRequest> RefusedAsync(this AdminWebFactory app, PartnerArrangement applicant, string name = "Tarification de la cantine") =>
        app.SubmittedThenAsync(applicant, name, (_, request, _, now) => request.Refuse(SomeInstructor, "Cadre juridique insuffisant", now));

    /// <summary>Submitted with three distinct contacts (<see cref="BusinessEmail"/>, <see cref="TechnicalEmail"/>, <see cref="DpoEmail"/>).</summary>
    public static Task<AccessRequest> SubmittedWithContactsAsync(this AdminWebFactory app, PartnerArrangement applicant) =>
        app.SubmittedThenAsync(applicant, "Tarification de la cantine", (_, _, _, _) => Result.Ok(), contacts: DistinctContacts);

    public const string BusinessEmail = "claire.metier@ville-exemple.fr";
    public const string TechnicalEmail = "theo.technique@ville-exemple.fr";
    public const string DpoEmail = "dpo@ville-exemple.fr";

    private static Contacts DistinctContacts => new(
        new Contact("Claire", "Métier", BusinessEmail, "01 23 45 67 89"),
        new Contact("Théo", "Technique", TechnicalEmail, "01 23 45 67 80"),
        new Contact("Dominique", "Protection", DpoEmail, "01 23 45 67 81"));

    /// <summary>One more behaviour on a stored request (loaded with its authorization, if any), saved at once.</summary>
    public static Task<AccessRequest> ThenAsync(this AdminWebFactory app, Guid requestId,
        Func<AdminDbContext, AccessRequest, Authorization?, DateTimeOffset, Task<Result>> then) =>
        app.WithDbAsync(async db =>
        {
            var request = await db.AccessRequests.SingleAsync(r => r.Id == requestId);
            var authorization = request.AuthorizationId is { } id ? await db.Authorizations.FindAsync(id) : null;
            Check(await then(db, request, authorization, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            return request;
        });

    /// <summary>Approves with every requested scope and the default limits, adding the authorization to <paramref name="db"/>.</summary>
    public static async Task<Result> ApproveEverythingAsync(this AdminDbContext db, AccessRequest request, Authorization? current, DateTimeOffset now)
    {
        var offerable = await db.OfferableScopesAsync(CancellationToken.None);
        return Approve(db, request, offerable, current, now);
    }

    /// <summary>The applicant sends the (reopened or changed) request again.</summary>
    public static async Task<Result> SubmitAgainAsync(this AdminDbContext db, AccessRequest request, Guid applicantId, DateTimeOffset now) =>
        request.Submit(applicantId, await db.CurrentCharterAsync(CancellationToken.None), await db.OfferableScopesAsync(CancellationToken.None), now);

    private static Task<AccessRequest> SubmittedThenAsync(this AdminWebFactory app, PartnerArrangement applicant, string name,
        Func<AccessRequest, DateTimeOffset, Result> then) =>
        app.SubmittedThenAsync(applicant, name, (_, request, _, now) => then(request, now));

    private static async Task<AccessRequest> SubmittedThenAsync(this AdminWebFactory app, PartnerArrangement applicant, string name,
        Func<AdminDbContext, AccessRequest, IReadOnlySet<string>, DateTimeOffset, Result> then, string[]? scopes = null, Contacts? contacts = null)
    {
        var draft = await app.CompleteDraftAsync(applicant, name, contacts);
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
