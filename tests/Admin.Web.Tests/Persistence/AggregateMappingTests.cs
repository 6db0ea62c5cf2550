using Admin.Domain.AccessRequests;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Persistence;

public sealed class AggregateMappingTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [Fact]
    public async Task Organization_with_members_and_draft_request_round_trip_through_the_database()
    {
        var applicant = await app.PartnerWithOrganizationAsync("Ville de Lyon");
        var member = await app.MemberOfAsync(applicant, Admin.Domain.Organizations.MembershipRole.TechnicalContact);
        var draft = await app.DraftAsync(applicant);
        await app.WithDbAsync(async db =>
        {
            var request = await db.AccessRequests.SingleAsync(r => r.Id == draft.Id);
            request.SaveProcedure(applicant.User.Id, new Procedure("Cantine", "Tarifs", "https://lyon.fr", "Avis CAF", new DateOnly(2027, 1, 1), 1000,
                ProcedureModalities.CitizenForm | ProcedureModalities.FranceConnect), DateTimeOffset.UtcNow);
            request.SaveScopes(applicant.User.Id, ["cnaf_quotient_familial", "cnaf_enfants"], new HashSet<string> { "cnaf_quotient_familial", "cnaf_enfants" }, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        var (organization, stored) = await app.WithDbAsync(async db =>
            (await db.Organizations.AsNoTracking().Include(o => o.Memberships).SingleAsync(o => o.Id == applicant.Organization.Id),
             await db.AccessRequests.AsNoTracking().SingleAsync(r => r.Id == draft.Id)));

        Assert.Equal("Ville de Lyon", organization.Name);
        Assert.Equal(applicant.Organization.Siret, organization.Siret);
        Assert.Equal("Paris", organization.Address.City);
        Assert.Contains(organization.Memberships, m => m.UserId == member.User.Id);
        Assert.Equal("Cantine", stored.Procedure.Name);
        Assert.Equal(new DateOnly(2027, 1, 1), stored.Procedure.ExpectedGoLive);
        Assert.Equal(ProcedureModalities.CitizenForm | ProcedureModalities.FranceConnect, stored.Procedure.Modalities);
        Assert.Equal(["cnaf_enfants", "cnaf_quotient_familial"], stored.Scopes.Order());
        Assert.Equal(AccessRequestStatus.Draft, stored.Status);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == draft.Id && a.Action.StartsWith("access_request."))));
    }

    [Fact]
    public async Task Approved_request_round_trips_with_its_submission_snapshot_approved_content_and_authorization()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var approved = await app.ApprovedAsync(applicant, "Cantine de Lyon");

        var (stored, authorization) = await app.WithDbAsync(async db =>
            (await db.AccessRequests.AsNoTracking().SingleAsync(r => r.Id == approved.Id),
             await db.Authorizations.AsNoTracking().SingleAsync(a => a.AccessRequestId == approved.Id)));

        var submission = Assert.Single(stored.Submissions);
        Assert.Equal((1, Admin.Domain.AccessRequests.SubmissionOutcome.Approved), (submission.Number, submission.Outcome));
        Assert.Equal("Cantine de Lyon", submission.Content.Procedure.Name);
        Assert.Equal(approved.Content().Fields(), submission.Content.Fields());
        Assert.Equal(approved.Content().Fields(), stored.ApprovedContent!.Fields());
        Assert.Equal(authorization.Id, stored.AuthorizationId);
        Assert.Equal(stored.GrantedScopes.Order(), authorization.Scopes.Order());
        Assert.Equal((Admin.Domain.Authorizations.AuthorizationStatus.Active, 20), (authorization.Status, authorization.RatePerSecond));
        Assert.Equal(Admin.Domain.Common.ParisTime.EndOfDay(authorization.ExpiresOn), authorization.ExpiresAt);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == authorization.Id && a.Action == "authorization.granted")));
    }

    [Fact]
    public async Task Two_applicants_removing_each_other_at_once_cannot_both_succeed()
    {
        var first = await app.PartnerWithOrganizationAsync();
        var second = await app.MemberOfAsync(first, Admin.Domain.Organizations.MembershipRole.Applicant);

        await using var scope1 = app.Services.CreateAsyncScope();
        await using var scope2 = app.Services.CreateAsyncScope();
        var db1 = scope1.ServiceProvider.GetRequiredService<Admin.Infrastructure.Persistence.AdminDbContext>();
        var db2 = scope2.ServiceProvider.GetRequiredService<Admin.Infrastructure.Persistence.AdminDbContext>();
        var org1 = await db1.Organizations.Include(o => o.Memberships).SingleAsync(o => o.Id == first.Organization.Id);
        var org2 = await db2.Organizations.Include(o => o.Memberships).SingleAsync(o => o.Id == first.Organization.Id);
        Assert.True(org1.RemoveMember(first.User.Id, second.User.Id, DateTimeOffset.UtcNow).IsSuccess);
        Assert.True(org2.RemoveMember(second.User.Id, first.User.Id, DateTimeOffset.UtcNow).IsSuccess);

        Assert.True((await Admin.Infrastructure.Persistence.SaveChangesExtensions.SaveChangesOrConflictAsync(db1, CancellationToken.None)).IsSuccess);
        var lost = await Admin.Infrastructure.Persistence.SaveChangesExtensions.SaveChangesOrConflictAsync(db2, CancellationToken.None,
            Admin.Domain.Organizations.OrganizationErrors.ChangedMeanwhile);

        Assert.Equal("organization.changed_meanwhile", Assert.Single(lost.Errors).Code);
        var stored = await app.WithDbAsync(db => db.Organizations.AsNoTracking().Include(o => o.Memberships).SingleAsync(o => o.Id == first.Organization.Id));
        Assert.Equal([first.User.Id], stored.Memberships.Where(m => m.Role == Admin.Domain.Organizations.MembershipRole.Applicant).Select(m => m.UserId));
    }

    [Fact]
    public async Task Concurrent_save_of_the_same_request_version_fails_instead_of_overwriting()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var draft = await app.DraftAsync(applicant);

        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var db1 = first.ServiceProvider.GetRequiredService<Admin.Infrastructure.Persistence.AdminDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<Admin.Infrastructure.Persistence.AdminDbContext>();
        var r1 = await db1.AccessRequests.SingleAsync(r => r.Id == draft.Id);
        var r2 = await db2.AccessRequests.SingleAsync(r => r.Id == draft.Id);
        r1.SaveDataProtection(applicant.User.Id, new DataProtection("Service cantine", 12, null), DateTimeOffset.UtcNow);
        r2.SaveDataProtection(applicant.User.Id, new DataProtection("Autre service", 24, null), DateTimeOffset.UtcNow);

        await db1.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());

        var stored = await app.WithDbAsync(db => db.AccessRequests.AsNoTracking().SingleAsync(r => r.Id == draft.Id));
        Assert.Equal("Service cantine", stored.DataProtection.Recipients);
    }
}
