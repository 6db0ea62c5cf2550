using System.Security.Cryptography;
using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Seed;
using Microsoft.AspNetCore.Identity;

namespace Admin.Web.Infrastructure;

/// <summary>
/// Command-line tasks run with the application's own configuration, e.g.
/// <c>dotnet Admin.Web.dll create-admin --email admin@exemple.gouv.fr --first-name Ada --last-name Lovelace</c>.
/// </summary>
public static class AdminCommands
{
    public static async Task<int> CreateAdministratorAsync(WebApplication app, string[] args)
    {
        var email = Option(args, "--email");
        if (string.IsNullOrWhiteSpace(email))
        {
            await Console.Error.WriteLineAsync("Usage: create-admin --email <address> [--first-name <name>] [--last-name <name>]");
            return 2;
        }

        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            await Console.Error.WriteLineAsync($"An account already exists for {email}.");
            return 1;
        }

        // A one-time password, printed once: no default password exists anywhere.
        var password = GeneratePassword();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FirstName = Option(args, "--first-name") ?? "",
            LastName = Option(args, "--last-name") ?? "",
            CreatedAt = TimeProvider.System.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, Roles.Administrator);
        }

        if (!created.Succeeded)
        {
            await Console.Error.WriteLineAsync("Failed: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            return 1;
        }

        Console.WriteLine($"Administrator {email} created. One-time password (shown once): {password}");
        Console.WriteLine("Two-factor set-up is required at first sign-in; change the password from the account page.");
        return 0;
    }

    internal static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 20);
        // Guarantee each class the password policy requires.
        return new string(chars) + "Aa9";
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
