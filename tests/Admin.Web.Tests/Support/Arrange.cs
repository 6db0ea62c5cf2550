using Admin.Domain.AccessRequests;
using Admin.Domain.Organizations;
using Admin.Domain.Users;
using Admin.Infrastructure.Identity;

namespace Admin.Web.Tests.Support;

public sealed record PartnerArrangement(AppUser User, Organization Organization, string Email, string Password);

/// <summary>Arrange steps shared by the partner-side tests: accounts, organizations, drafts.</summary>
public static class Arrange
{
    private static int _siretCounter = 100;

    /// <summary>A Luhn-valid SIRET unique within the test run.</summary>
    public static string NewSiret()
    {
        var body = "21" + Interlocked.Increment(ref _siretCounter).ToString("D11") ;
        for (var check = 0; check < 10; check++)
        {
            var candidate = body + check;
            if (Siret.Parse(candidate).IsSuccess) return candidate;
        }

        throw new InvalidOperationException("No Luhn digit found.");
    }

    /// <summary>A confirmed partner account that is the applicant of a new organization.</summary>
    public static async Task<PartnerArrangement> PartnerWithOrganizationAsync(this AdminWebFactory app, string? name = null,
        OrganizationKind kind = OrganizationKind.Commune)
    {
        var email = $"demandeur.{Guid.NewGuid():N}@mairie-exemple.fr";
        var user = await app.CreateUserAsync(email, Accounts.StrongPassword, Roles.Partner);
        var organization = Organization.Register(Siret.Parse(NewSiret()).Value, name ?? "Commune de Test", kind,
            Address.Create("1 place de la Mairie", "75001", "Paris").Value, user.Id, DateTimeOffset.UtcNow).Value;
        await app.WithDbAsync(async db =>
        {
            db.Organizations.Add(organization);
            return await db.SaveChangesAsync();
        });
        return new PartnerArrangement(user, organization, email, Accounts.StrongPassword);
    }

    /// <summary>A confirmed partner account added to an existing organization with the given role.</summary>
    public static async Task<PartnerArrangement> MemberOfAsync(this AdminWebFactory app, PartnerArrangement applicant, MembershipRole role)
    {
        var email = $"membre.{Guid.NewGuid():N}@mairie-exemple.fr";
        var user = await app.CreateUserAsync(email, Accounts.StrongPassword, Roles.Partner);
        await app.WithDbAsync(async db =>
        {
            var organization = await db.Organizations.FindAsync(applicant.Organization.Id)
                ?? throw new InvalidOperationException("Organization not found.");
            await db.Entry(organization).Collection(o => o.Memberships).LoadAsync();
            await db.Entry(organization).Collection(o => o.Invitations).LoadAsync();
            var token = Guid.NewGuid().ToString("N");
            var invitation = organization.Invite(applicant.User.Id, email, role, token, DateTimeOffset.UtcNow);
            if (invitation.IsFailure) throw new InvalidOperationException(invitation.Errors[0].Code);
            var accepted = organization.AcceptInvitation(token, user.Id, email, DateTimeOffset.UtcNow);
            if (accepted.IsFailure) throw new InvalidOperationException(accepted.Errors[0].Code);
            return await db.SaveChangesAsync();
        });
        return new PartnerArrangement(user, applicant.Organization, email, Accounts.StrongPassword);
    }

    /// <summary>An empty draft of the organization, created by its applicant.</summary>
    public static async Task<AccessRequest> DraftAsync(this AdminWebFactory app, PartnerArrangement applicant)
    {
        var request = AccessRequest.Create(applicant.Organization.Id, applicant.User.Id, DateTimeOffset.UtcNow);
        await app.WithDbAsync(async db =>
        {
            db.AccessRequests.Add(request);
            return await db.SaveChangesAsync();
        });
        return request;
    }

    public static async Task<Browser> SignedInAsync(this AdminWebFactory app, PartnerArrangement partner)
    {
        var browser = new Browser(app.CreateBrowser());
        var page = await Accounts.SignInAsync(browser, partner.Email, partner.Password);
        if (page.Location is null) throw new InvalidOperationException("Sign-in failed: " + page.Text[..Math.Min(300, page.Text.Length)]);
        return browser;
    }
}
