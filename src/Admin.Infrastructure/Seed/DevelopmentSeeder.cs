using Admin.Domain.AccessRequests;
using Admin.Domain.ApiKeys;
using Admin.Domain.Gateways;
using Admin.Domain.Authorizations;
using Admin.Domain.Charters;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Domain.Messages;
using Admin.Domain.Users;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Keys;
using Admin.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Admin.Infrastructure.Seed;

/// <summary>
/// Demo data for Development only: one account per role (passwords and, for staff, fixed TOTP
/// secrets written in the README), the demo partner's organization with a request in every state,
/// and one e-mail the outbox gave up on. No other environment ever gets them.
/// </summary>
public sealed class DevelopmentSeeder(UserManager<AppUser> users, AdminDbContext db, TimeProvider time)
{
    public sealed record DemoAccount(string Email, string Password, string Role, string FirstName, string LastName, string? TotpSecret);

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("partenaire@demo.api-particulier.fr", "Partenaire-Demo-2026", Roles.Partner, "Paule", "Partenaire", null),
        new("instructeur@demo.api-particulier.fr", "Instructeur-Demo-2026", Roles.Instructor, "Isabelle", "Instructrice", "MFYGS4BNMRSW23ZNNFXHG5DSOVRXIZLV"),
        new("administrateur@demo.api-particulier.fr", "Administrateur-Demo-2026", Roles.Administrator, "Adrien", "Administrateur", "MFYGS4BNMRSW23ZNMFSG22LONFZXI4TB"),
        new("auditeur@demo.api-particulier.fr", "Auditeur-Demo-2026", Roles.Auditor, "Aude", "Auditrice", "MFYGS4BNMRSW23ZNMF2WI2LUMV2XELJS"),
    ];

    public const string DemoOrganizationSiret = "21690000000003";

    // The fixed demo secrets live in DemoSecrets; these names stay for the code that already uses them.
    public const string DemoProductionKey = DemoSecrets.ProductionKey;
    public const string DemoSandboxKey = DemoSecrets.SandboxKey;
    public const string DemoProductionGatewayCredential = DemoSecrets.ProductionGatewayCredential;
    public const string DemoSandboxGatewayCredential = DemoSecrets.SandboxGatewayCredential;

    public async Task SeedAsync()
    {
        foreach (var account in Accounts)
        {
            if (await users.FindByEmailAsync(account.Email) is not null) continue;

            var user = new AppUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                FirstName = account.FirstName,
                LastName = account.LastName,
                CreatedAt = time.GetUtcNow(),
            };
            Ensure(await users.CreateAsync(user, account.Password));
            Ensure(await users.AddToRoleAsync(user, account.Role));
            if (account.TotpSecret is { } secret)
            {
                // The key Identity's authenticator reads: sign in with `oathtool --totp -b SECRET`.
                Ensure(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", secret));
                Ensure(await users.SetTwoFactorEnabledAsync(user, true));
            }
        }

        await SeedDemoOrganizationAsync();
        await SeedFailedEmailAsync();
        await SeedGatewayClientsAsync();
    }

    /// <summary>
    /// "Commune de Démo" and seven requests: draft, submitted, changes requested, approved (with its
    /// authorization and a key in each state), a second approved one whose authorization is suspended,
    /// refused, and a draft the instructor prepared that awaits its take-over.
    /// </summary>
    private async Task SeedDemoOrganizationAsync()
    {
        var siret = Siret.Parse(DemoOrganizationSiret).Value;
        if (await db.Organizations.AnyAsync(o => o.Siret == siret)) return;

        var partner = (await users.FindByEmailAsync(Accounts[0].Email))!;
        var instructor = (await users.FindByEmailAsync(Accounts[1].Email))!;
        var staff = new StaffMember(instructor.Id, new HashSet<string> { Roles.Instructor }, new HashSet<Guid>());
        var now = time.GetUtcNow();
        var organization = Organization.Register(siret, "Commune de Démo", OrganizationKind.Commune,
            Address.Create("1 place de l'Hôtel de Ville", "69001", "Lyon").Value, partner.Id, now.AddDays(-60)).Value;
        db.Organizations.Add(organization);

        var charter = await db.CharterVersions.AsNoTracking().OrderByDescending(c => c.Major).ThenByDescending(c => c.Minor).FirstAsync();
        var offerable = (await db.Scopes.AsNoTracking().Where(s => !s.IsRetired).Select(s => s.Code).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var acceptance = CharterAcceptance.Record(charter, partner.Id, organization.Id, now.AddDays(-50), "192.0.2.10");
        db.CharterAcceptances.Add(acceptance);

        AccessRequest Complete(string name, string[] scopes, DateTimeOffset at)
        {
            var request = AccessRequest.Create(organization.Id, partner.Id, at);
            request.SaveProcedure(partner.Id, new Procedure(name, $"{name} : les familles n'ont plus à fournir de justificatif, le tarif est calculé en ligne.",
                "https://www.demo-commune.fr/demarches", "Attestation de quotient familial de la CAF", null, 12_000,
                ProcedureModalities.CitizenForm | ProcedureModalities.FranceConnect), at);
            request.SaveLegalBasis(partner.Id, new LegalBasis("Délibération du conseil municipal du 12 mars 2026", "https://www.demo-commune.fr/deliberations/2026-03-12", null), at);
            request.SaveScopes(partner.Id, scopes, offerable, at);
            request.SaveDataProtection(partner.Id, new DataProtection("Agents du service enfance", 24, null), at);
            var contact = new Contact("Paule", "Partenaire", "partenaire@demo.api-particulier.fr", "04 72 10 30 30");
            request.SaveContacts(partner.Id, new Contacts(contact, new Contact("Théo", "Technique", "technique@demo-commune.fr", "04 72 10 30 31"),
                new Contact("Dominique", "Délégué", "dpo@demo-commune.fr", "04 72 10 30 32")), at);
            request.SaveEngagements(partner.Id, acceptance, true, true, charter, at);
            db.AccessRequests.Add(request);
            return request;
        }

        var draft = AccessRequest.Create(organization.Id, partner.Id, now.AddDays(-2));
        draft.SaveProcedure(partner.Id, new Procedure("Inscription au conservatoire", null, null, null, null, null, ProcedureModalities.None), now.AddDays(-2));
        db.AccessRequests.Add(draft);

        var submitted = Complete("Tarification de la cantine scolaire", ["cnaf_quotient_familial", "cnaf_allocataires"], now.AddDays(-20));
        Ensure(submitted.Submit(partner.Id, charter, offerable, now.AddDays(-12)));

        var changes = Complete("Accueil périscolaire", ["cnaf_quotient_familial", "cnaf_enfants"], now.AddDays(-30));
        Ensure(changes.Submit(partner.Id, charter, offerable, now.AddDays(-25)));
        Ensure(changes.RequestChanges(staff, "Précisez pourquoi la liste des enfants est nécessaire au calcul du tarif.", now.AddDays(-20)));

        var approved = Complete("Aide aux vacances", ["cnaf_quotient_familial", "cnaf_allocataires", "cnaf_enfants"], now.AddDays(-45));
        Ensure(approved.Submit(partner.Id, charter, offerable, now.AddDays(-40)));
        // The default rate, and quotas large enough for a test run against the gateway.
        var grant = Grant.Create(["cnaf_quotient_familial", "cnaf_allocataires"], approved.Scopes, offerable, 20, 100_000, 2_000_000, null, now.AddDays(-35)).Value;
        var authorization = approved.Approve(staff, grant, null, now.AddDays(-35));
        Ensure(authorization);
        db.Authorizations.Add(authorization.Value);
        var (valid, restricted) = SeedKeys(organization, authorization.Value, partner.Id, now);
        SeedUsage(authorization.Value, valid, restricted, now);

        var meals = Complete("Portage de repas à domicile", ["cnaf_quotient_familial"], now.AddDays(-44));
        Ensure(meals.Submit(partner.Id, charter, offerable, now.AddDays(-42)));
        var mealsGrant = Grant.Create(["cnaf_quotient_familial"], meals.Scopes, offerable, 20, null, null, null, now.AddDays(-38)).Value;
        var suspended = Ensure(meals.Approve(staff, mealsGrant, null, now.AddDays(-38)));
        db.Authorizations.Add(suspended);
        db.ApiKeys.Add(Ensure(ApiKey.Issue(suspended, organization, partner.Id, "Logiciel du portage de repas", ApiKeyEnvironment.Production,
            ApiKeySecrets.FromSecret(DemoSecrets.SuspendedKey).Material, now.AddDays(-37))));
        Ensure(suspended.Suspend(instructor.Id, "Contrôle en cours : des appels en dehors des heures de service ont été signalés.", now.AddDays(-5)));

        var refused = Complete("Carte de transport scolaire", ["men_statut_scolarite"], now.AddDays(-50));
        Ensure(refused.Submit(partner.Id, charter, offerable, now.AddDays(-48)));
        Ensure(refused.Refuse(staff, "Le transport scolaire relève de la région : c'est à elle de déposer cette demande.", now.AddDays(-44)));

        // A partner who called for help: the instructor prepared this one, the demo partner has yet to take it over.
        var prepared = AccessRequest.PrepareFor(staff, organization, partner.Id, "Portail famille",
            "Inscriptions en ligne aux activités municipales, au tarif calculé selon le quotient familial.", ["cnaf_quotient_familial"], offerable, now.AddDays(-1));
        Ensure(prepared);
        db.AccessRequests.Add(prepared.Value);

        // Threads: an exchange answered on the submitted request, an unanswered question on the one sent back.
        db.RequestMessages.Add(Ensure(RequestMessage.FromStaff(submitted, staff,
            "Bonjour, la tarification concerne-t-elle aussi l'accueil du mercredi ?", now.AddDays(-10))));
        db.RequestMessages.Add(Ensure(RequestMessage.FromMember(submitted, organization, partner.Id,
            "Oui, le même barème s'applique au mercredi et aux vacances.", now.AddDays(-9))));
        db.RequestMessages.Add(Ensure(RequestMessage.FromMember(changes, organization, partner.Id,
            "Faut-il joindre la délibération sur les tarifs périscolaires ?", now.AddDays(-3))));

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The approved request's keys, each with its fixed demo secret: valid (production and sandbox), revoked,
    /// expired (renewed with no overlap) and its successor, restricted to <see cref="DemoSecrets.IpRestrictedRange"/>.
    /// </summary>
    private (ApiKey Valid, ApiKey Restricted) SeedKeys(Organization organization, Authorization authorization, Guid partnerId, DateTimeOffset now)
    {
        var valid = Ensure(ApiKey.Issue(authorization, organization, partnerId, "Logiciel de gestion des aides", ApiKeyEnvironment.Production,
            ApiKeySecrets.FromSecret(DemoSecrets.ProductionKey).Material, now.AddDays(-30)));
        var revoked = Ensure(ApiKey.Issue(authorization, organization, partnerId, "Ancienne clé de test", ApiKeyEnvironment.Production,
            ApiKeySecrets.FromSecret(DemoSecrets.RevokedKey).Material, now.AddDays(-34)));
        Ensure(revoked.RevokeAsMember(organization, partnerId, "Clé remplacée : elle avait été collée dans un ticket de support.", now.AddDays(-31)));
        var expired = Ensure(ApiKey.Issue(authorization, organization, partnerId, "Serveur de la médiathèque", ApiKeyEnvironment.Production,
            ApiKeySecrets.FromSecret(DemoSecrets.ExpiredKey).Material, now.AddDays(-33)));
        var restricted = Ensure(expired.Renew(authorization, organization, partnerId, RenewalOverlap.Now,
            ApiKeySecrets.FromSecret(DemoSecrets.IpRestrictedKey).Material, now.AddDays(-32)));
        Ensure(restricted.SetAllowedIps(organization, partnerId, DemoSecrets.IpRestrictedRange, now.AddDays(-32)));
        var sandbox = Ensure(ApiKey.Issue(authorization, organization, partnerId, "Intégration (bac à sable)", ApiKeyEnvironment.Sandbox,
            ApiKeySecrets.FromSecret(DemoSecrets.SandboxKey).Material, now.AddDays(-29)));
        db.ApiKeys.AddRange(valid, revoked, expired, restricted, sandbox);
        return (valid, restricted);
    }

    /// <summary>
    /// A month of usage for the usage pages: the valid key called on working days during office hours (Paris)
    /// through the JSON API and forward-auth, with a few refusals; the IP-restricted key refused from a
    /// wrong address. Stops an hour before now, so that what a demo or a test does now is counted apart.
    /// Pseudo-random with a fixed seed: the same demo every time.
    /// </summary>
    private void SeedUsage(Authorization authorization, ApiKey valid, ApiKey restricted, DateTimeOffset now)
    {
        var random = new Random(2026);
        var until = Admin.Domain.Usage.KeyUsageHour.HourOf(now).AddHours(-1);
        var rows = new List<Admin.Domain.Usage.KeyUsageHour>();
        for (var hour = Admin.Domain.Usage.KeyUsageHour.HourOf(valid.CreatedAt).AddHours(1); hour < until; hour = hour.AddHours(1))
        {
            var paris = ParisTime.ToParis(hour);
            if (paris.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || paris.Hour < 8 || paris.Hour > 18) continue;
            // Refused calls consume no units.
            void Add(ApiKey key, string route, string scope, string code, int calls)
            {
                if (calls > 0) rows.Add(new(key.Id, authorization.Id, authorization.OrganizationId, hour, route, scope, code, calls, code == "VALID" ? calls : 0));
            }

            Add(valid, "", "cnaf_quotient_familial", "VALID", random.Next(10, 60));
            Add(valid, "/api/v2/composition-familiale-v2", "", "VALID", random.Next(0, 25));
            Add(valid, "", "cnaf_enfants", "INSUFFICIENT_SCOPE", random.Next(0, 10) < 2 ? random.Next(1, 4) : 0);
            Add(valid, "", "cnaf_quotient_familial", "RATE_LIMITED", random.Next(0, 10) == 0 ? random.Next(1, 15) : 0);
            Add(restricted, "", "cnaf_quotient_familial", random.Next(0, 3) == 0 ? "IP_NOT_ALLOWED" : "VALID", random.Next(0, 8));
        }

        db.KeyUsageHours.AddRange(rows);
        db.KeyClientAddresses.AddRange(
            new Admin.Domain.Usage.KeyClientAddress(valid.Id, "203.0.113.7", until),
            new Admin.Domain.Usage.KeyClientAddress(valid.Id, "2001:db8::17", until.AddDays(-2)),
            new Admin.Domain.Usage.KeyClientAddress(restricted.Id, "198.51.100.23", until.AddDays(-1)));
        valid.MarkUsed(until);
        restricted.MarkUsed(until.AddDays(-1));
    }

    /// <summary>A gateway credential per environment with the fixed demo secrets, created by the demo administrator.</summary>
    private async Task SeedGatewayClientsAsync()
    {
        var administrator = (await users.FindByEmailAsync(Accounts[2].Email))!;
        var now = time.GetUtcNow();
        foreach (var (name, environment, secret) in new[]
        {
            ("Passerelle de démonstration (production)", ApiKeyEnvironment.Production, DemoSecrets.ProductionGatewayCredential),
            ("Passerelle de démonstration (bac à sable)", ApiKeyEnvironment.Sandbox, DemoSecrets.SandboxGatewayCredential),
        })
        {
            var material = GatewayCredentialSecrets.FromSecret(secret).Material;
            if (await db.GatewayClients.AnyAsync(c => c.Hash == material.Hash)) continue;
            db.GatewayClients.Add(Ensure(GatewayClient.Create(name, environment, material, administrator.Id, now.AddDays(-40))));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>One e-mail the outbox gave up on, so /admin/courriels shows what it lists.</summary>
    private async Task SeedFailedEmailAsync()
    {
        const string kind = "demo.failed_email";
        if (await db.OutboxMessages.AnyAsync(m => m.Kind == kind)) return;

        var now = time.GetUtcNow();
        var message = EmailComposer.Compose(kind, "inconnu@mairie-fermee.example", "Invitation à rejoindre Commune de Démo",
            ["Message de démonstration : le serveur de messagerie a refusé ce destinataire."], null, now);
        message.MarkFailed("SmtpCommandException: 550 5.1.1 Mailbox unavailable (démonstration)", permanent: true, now);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }

    private static void Ensure(Result result)
    {
        if (result.IsFailure)
        {
            throw new InvalidOperationException("Seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }

    private static T Ensure<T>(Result<T> result)
    {
        Ensure((Result)result);
        return result.Value;
    }
}
