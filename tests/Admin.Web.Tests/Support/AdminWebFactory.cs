using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Outbox;
using Admin.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Support;

/// <summary>
/// The real application on a real SQLite file of its own (one per test class), with real
/// authentication and antiforgery. The Hangfire server is off: tests deliver the outbox themselves.
/// </summary>
public class AdminWebFactory : WebApplicationFactory<Program>
{
    public AdminWebFactory()
        : this(Path.Combine(Path.GetTempPath(), "apip-web-tests", Guid.NewGuid().ToString("N")))
    {
    }

    /// <summary>A node on the data directory (SQLite file) of another one: several nodes of one installation.</summary>
    protected AdminWebFactory(string dataDirectory)
    {
        DataDirectory = dataDirectory;
        Directory.CreateDirectory(DataDirectory);
    }

    public string DataDirectory { get; }
    public string EmailDirectory => Path.Combine(DataDirectory, "emails");
    protected virtual string EnvironmentName => "Testing";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Email:PickupDirectory", EmailDirectory);
        builder.UseSetting("Email:PublicBaseUrl", "http://localhost");
    }

    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("http://localhost"),
    });

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    public Task<T> WithDbAsync<T>(Func<AdminDbContext, Task<T>> action) =>
        WithScopeAsync(sp => action(sp.GetRequiredService<AdminDbContext>()));

    /// <summary>Delivers the outbox as the background job would, and returns the messages sent.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> DeliverOutboxAsync()
    {
        await WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<OutboxDispatcher>().DeliverPendingAsync(CancellationToken.None);
            return true;
        });
        return await WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync());
    }

    public Task<AppUser?> FindUserAsync(string email) =>
        WithScopeAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email));

    /// <summary>Creates a confirmed account with the given role directly (arrange step).</summary>
    public Task<AppUser> CreateUserAsync(string email, string password, string role, bool twoFactorKey = false) =>
        WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FirstName = "Test", LastName = role, CreatedAt = DateTimeOffset.UtcNow };
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, role));
            return user;
        });

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Whether the data directory outlives this node (another node opens it afterwards).</summary>
    protected virtual bool KeepsDataDirectory => false;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (KeepsDataDirectory) return;
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
