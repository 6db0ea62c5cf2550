using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Admin.Infrastructure.Seed;

/// <summary>
/// Demo accounts, one per role, for Development only. Their passwords are written in the README;
/// no other environment ever gets them.
/// </summary>
public sealed class DevelopmentSeeder(UserManager<AppUser> users, AdminDbContext db, TimeProvider time)
{
    public static readonly IReadOnlyList<(string Email, string Password, string Role, string FirstName, string LastName)> Accounts =
    [
        ("partenaire@demo.api-particulier.fr", "Partenaire-Demo-2026", Roles.Partner, "Paule", "Partenaire"),
        ("instructeur@demo.api-particulier.fr", "Instructeur-Demo-2026", Roles.Instructor, "Isabelle", "Instructrice"),
        ("administrateur@demo.api-particulier.fr", "Administrateur-Demo-2026", Roles.Administrator, "Adrien", "Administrateur"),
        ("auditeur@demo.api-particulier.fr", "Auditeur-Demo-2026", Roles.Auditor, "Aude", "Auditrice"),
    ];

    public async Task SeedAsync()
    {
        foreach (var (email, password, role, firstName, lastName) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FirstName = firstName,
                LastName = lastName,
                CreatedAt = time.GetUtcNow(),
            };
            Ensure(await users.CreateAsync(user, password));
            Ensure(await users.AddToRoleAsync(user, role));
        }

        await SeedFailedEmailAsync();
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
}
