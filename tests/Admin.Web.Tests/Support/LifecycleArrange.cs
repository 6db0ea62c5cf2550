using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Admin.Web.Features.AccessRequests.Steps;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Support;

/// <summary>Requests in a given lifecycle state, built through the domain's own behaviours.</summary>
public static class LifecycleArrange
{
    public static Task<AccessRequest> SubmittedAsync(this AdminWebFactory app, PartnerArrangement applicant, string name = "Tarification de la cantine") =>
        app.SubmittedThenAsync(applicant, name, (_, _) => Result.Ok());

    public static Task<AccessRequest> ApprovedAsync(this AdminWebFactory app, PartnerArrangement applicant, string name = "Tarification de la cantine") =>
        app.SubmittedThenAsync(applicant, name, (request, now) => request.Approve(Guid.NewGuid(), [.. request.Scopes], now));

    public static Task<AccessRequest> RefusedAsync(this AdminWebFactory app, PartnerArrangement applicant, string name = "Tarification de la cantine") =>
        app.SubmittedThenAsync(applicant, name, (request, now) => request.Refuse(Guid.NewGuid(), "Cadre juridique insuffisant", now));

    private static async Task<AccessRequest> SubmittedThenAsync(this AdminWebFactory app, PartnerArrangement applicant, string name,
        Func<AccessRequest, DateTimeOffset, Result> then)
    {
        var draft = await app.CompleteDraftAsync(applicant, name);
        return await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var request = await db.AccessRequests.SingleAsync(r => r.Id == draft.Id);
            var charter = await db.CurrentCharterAsync(CancellationToken.None);
            var offerable = await db.OfferableScopesAsync(CancellationToken.None);
            Check(request.Submit(applicant.User.Id, charter, offerable, now));
            Check(then(request, now));
            await db.SaveChangesAsync();
            return request;
        });
    }

    private static void Check(Result result)
    {
        if (result.IsFailure) throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Code + " " + e.Field)));
    }
}
