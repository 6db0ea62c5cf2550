using System.Globalization;
using Admin.Domain.Organizations;
using Admin.Domain.Users;
using Admin.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Admin.Bench;

/// <summary>What the benchmarks share: the app on a SQLite file of its own, a fixed instructor who acts, seeding helpers.</summary>
internal static class Bench
{
    public static void Ensure(Admin.Domain.Common.Result result)
    {
        if (result.IsFailure) throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Code)));
    }

    public static T Ensure<T>(Admin.Domain.Common.Result<T> result)
    {
        Ensure((Admin.Domain.Common.Result)result);
        return result.Value;
    }

    public static string SiretFor(int i)
    {
        var body = "21" + (500_000_000 + i).ToString("D11", CultureInfo.InvariantCulture);
        for (var check = 0; check < 10; check++)
        {
            if (Siret.Parse(body + check).IsSuccess) return body + check;
        }

        throw new InvalidOperationException("No Luhn digit.");
    }

    /// <summary>The application on a SQLite file of its own; "who acts" is a fixed instructor.</summary>
    public sealed class App : WebApplicationFactory<Program>
    {
        private readonly string _data = Path.Combine(Path.GetTempPath(), "apip-bench", Guid.NewGuid().ToString("N"));

        public App() =>
            // The test host finds the web project by this variable (a test project gets it from its manifest).
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ADMIN_WEB", Path.Combine(ReadmeFigures.RepositoryRoot(), "src", "Admin.Web"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(_data);
            builder.UseEnvironment("Benchmark");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:DataDirectory", _data);
            builder.UseSetting("Jobs:RunServer", "false");
            builder.UseSetting("Email:PickupDirectory", "");
            // The app's logs at Information (one line per message) would be part of what is timed.
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<ICurrentUser>();
                services.AddScoped<ICurrentUser, User>();
            });
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
        }
    }

    public sealed class User : ICurrentUser
    {
        public static readonly Guid UserId = Guid.Parse("00000000-0000-0000-0000-00000000be0c");

        public Guid Id => UserId;
        public bool IsAuthenticated => true;
        public bool IsInRole(string role) => role == Roles.Instructor;
        public bool IsStaff => true;
        public string? ClientAddress => null;
    }
}
