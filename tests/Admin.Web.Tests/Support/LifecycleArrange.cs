using Admin.Domain.AccessRequests;
using Admin.Domain.Charters;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Support;

/// <summary>Requests in a given lifecycle state, built through the domain's own behaviours.</summary>
public static class LifecycleArrange
{
    public static Task<AccessRequest> SubmittedAsync(this AdminWebFactory app, PartnerArrangement applicant, string name = "Tarification de la cantine") =>
        app.RequestAsync(applicant, name, (_, _) => Result.Ok());

    public static Task<AccessRequest> ApprovedAsync(this AdminWebFactory app, PartnerArrangement applicant, string name = "Tarification de la cantine") =>
        app.RequestAsync(applicant, name, (request, now) => request.Approve(Guid.NewGuid(), request.Scopes.ToList(), now));

    public static Task<AccessRequest> RefusedAsync(this AdminWebFactory app, PartnerArrangement applicant, string name = "Tarification de la cantine") =>
        app.RequestAsync(applicant, name, (request, now) => request.Refuse(Guid.NewGuid(), "Cadre juridique insuffisant", now));

    private static async Task<AccessRequest> RequestAsync(this AdminWebFactory app, PartnerArrangement applicant, string name,
        Func<AccessRequest, DateTimeOffset, Admin.Domain.Common.Result> then)
    {
        var now = DateTimeOffset.UtcNow;
        return await app.WithDbAsync(async db =>
        {
            var charter = await db.CharterVersions.OrderByDescending(c => c.Major).ThenByDescending(c => c.Minor).FirstAsync();
            var offerable = (await db.Scopes.Where(s => !s.IsRetired).Select(s => s.Code).ToListAsync()).ToHashSet();
            var request = AccessRequest.Create(applicant.Organization.Id, applicant.User.Id, now);
            var user = applicant.User.Id;
            request.SaveProcedure(user, new Procedure(name, "Calcul du tarif selon le quotient familial", "https://mairie.example.fr/cantine",
                "Attestation de quotient familial", DateOnly.FromDateTime(now.UtcDateTime).AddMonths(3), 5000, ProcedureModalities.CitizenForm), now);
            request.SaveLegalBasis(user, new LegalBasis("Délibération du conseil municipal", "https://mairie.example.fr/deliberation", null), now);
            request.SaveScopes(user, ["cnaf_quotient_familial"], offerable, now);
            request.SaveDataProtection(user, new DataProtection("Service scolaire", 12, null), now);
            // Three instances: EF cannot share one owned object between three navigations.
            static Contact Contact() => new("Alex", "Durand", "alex.durand@mairie.example.fr", "01 23 45 67 89");
            request.SaveContacts(user, new Contacts(Contact(), Contact(), Contact()), now);
            var acceptance = CharterAcceptance.Record(charter, user, applicant.Organization.Id, now, "127.0.0.1");
            db.CharterAcceptances.Add(acceptance);
            request.SaveEngagements(user, acceptance, true, true, charter, now);
            Check(request.Submit(user, charter, offerable, now));
            Check(then(request, now));
            db.AccessRequests.Add(request);
            await db.SaveChangesAsync();
            return request;
        });
    }

    private static void Check(Admin.Domain.Common.Result result)
    {
        if (result.IsFailure) throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Code + " " + e.Field)));
    }

    private static class Result
    {
        public static Admin.Domain.Common.Result Ok() => Admin.Domain.Common.Result.Ok();
    }
}
