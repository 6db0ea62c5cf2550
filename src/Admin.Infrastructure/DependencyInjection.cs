using Admin.Infrastructure.Documents;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Outbox;
using Admin.Infrastructure.Persistence;
using Admin.Infrastructure.Persistence.Interceptors;
using Admin.Infrastructure.Seed;
using Admin.Infrastructure.Sirene;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Admin.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddAdminInfrastructure(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var dataDirectory = Path.GetFullPath(database.DataDirectory, environment.ContentRootPath);
        Directory.CreateDirectory(dataDirectory);
        services.AddSingleton(new DataPaths(dataDirectory));
        // Keys that protect cookies and tokens survive restarts (a volume in production).
        var dataProtection = services.AddDataProtection().SetApplicationName("api-particulier-admin");
        // Several nodes (Redis counters) share their keys in Redis, so a cookie issued by one is read by the other.
        var gateway = configuration.GetSection(Gateway.GatewayOptions.Section).Get<Gateway.GatewayOptions>() ?? new Gateway.GatewayOptions();
        if (gateway.Counters == Gateway.CountersMode.Redis && !string.IsNullOrWhiteSpace(gateway.Redis))
        {
            // The container's own connection (Gateway.GatewayServices registers it), disposed with it.
            services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>(sp =>
                new Microsoft.Extensions.Options.ConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o =>
                    o.XmlRepository = new Microsoft.AspNetCore.DataProtection.StackExchangeRedis.RedisXmlRepository(
                        () => sp.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>().GetDatabase(), "apip:data-protection-keys")));
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        }

        services.AddSingleton(TimeProvider.System);
        services.AddScoped<DomainEventsInterceptor>();
        Gateway.GatewayServices.AddGatewayServices(services, configuration);

        switch (database.Provider)
        {
            case DatabaseProvider.SqlServer:
                var sqlServer = configuration.GetConnectionString("SqlServer")
                    ?? throw new InvalidOperationException("ConnectionStrings:SqlServer is required when Database:Provider is SqlServer.");
                services.AddDbContext<AdminDbContext, SqlServerAdminDbContext>((sp, options) => options
                    .UseSqlServer(sqlServer, sql => sql.EnableRetryOnFailure())
                    .AddInterceptors(sp.GetRequiredService<DomainEventsInterceptor>(), sp.GetRequiredService<Gateway.GatewayChangesInterceptor>()));
                services.AddSingleton<JobStorage>(_ => new SqlServerStorage(sqlServer, new SqlServerStorageOptions
                {
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                }));
                break;
            default:
                var sqlite = configuration.GetConnectionString("Sqlite") ?? $"Data Source={Path.Combine(dataDirectory, "admin.db")}";
                services.AddDbContext<AdminDbContext, SqliteAdminDbContext>((sp, options) => options
                    .UseSqlite(sqlite)
                    .AddInterceptors(sp.GetRequiredService<DomainEventsInterceptor>(), sp.GetRequiredService<Gateway.GatewayChangesInterceptor>()));
                services.AddSingleton<JobStorage>(_ => new SQLiteStorage(Path.Combine(dataDirectory, "hangfire.db"), new SQLiteStorageOptions
                {
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                }));
                break;
        }

        // Hangfire: storage and activator come from this container, never from the static
        // JobStorage.Current, so two hosts in one process (tests) keep their own.
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new Jobs.HostLogProvider(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>())));
        if (configuration.GetValue("Jobs:RunServer", true))
        {
            services.AddHangfireServer((_, options) =>
            {
                options.WorkerCount = Math.Max(2, Environment.ProcessorCount);
                options.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
        }

        services.AddScoped<IOutboxTrigger, HangfireOutboxTrigger>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<Jobs.ApplicantReminderJob>();
        services.AddScoped<Jobs.ExpiryReminderJob>();
        services.AddOptions<Usage.UsageOptions>().Bind(configuration.GetSection(Usage.UsageOptions.Section));
        services.AddScoped<Usage.UsageRollupJob>();
        services.AddSingleton<Jobs.JobsOverview>();
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).PostConfigure(o =>
        {
            if (!string.IsNullOrWhiteSpace(o.PickupDirectory))
            {
                o.PickupDirectory = Path.GetFullPath(o.PickupDirectory, dataDirectory);
            }
        });
        services.AddSingleton<IEmailTransport, EmailTransport>();
        services.AddScoped<EmailLinks>();
        services.AddScoped<IEventNotifications, AccessRequestNotifications>();
        services.AddScoped<IEventNotifications, AccountNotifications>();
        services.AddScoped<IEventNotifications, InvitationNotifications>();
        services.AddScoped<IEventNotifications, MessageNotifications>();
        services.AddScoped<IEventNotifications, ApiKeyNotifications>();
        services.AddScoped<IEventNotifications, AuthorizationNotifications>();
        services.AddScoped<IEventNotifications, SuspensionNotifications>();
        services.AddScoped<IEventNotifications, UsageAlertNotifications>();
        services.AddScoped<IEventNotifications, UnusedKeyNotifications>();
        services.AddSingleton<IDocumentScanner, NoOpDocumentScanner>();
        AddEstablishmentDirectory(services, configuration);

        services.AddIdentity<AppUser, AppRole>(options =>
            {
                options.SignIn.RequireConfirmedEmail = true;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.Tokens.AuthenticatorTokenProvider = ReplayProtectedAuthenticatorTokenProvider.Name;
            })
            .AddEntityFrameworkStores<AdminDbContext>()
            .AddSignInManager<AdminSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<ReplayProtectedAuthenticatorTokenProvider>(ReplayProtectedAuthenticatorTokenProvider.Name)
            .AddErrorDescriber<FrenchIdentityErrorDescriber>();

        services.AddHealthChecks().AddDbContextCheck<AdminDbContext>("database", tags: ["ready"]);

        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DevelopmentSeeder>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    /// <summary>The SIRET lookup of the registration form: a typed client when <c>Sirene:BaseUrl</c> is set, none otherwise.</summary>
    private static void AddEstablishmentDirectory(IServiceCollection services, IConfiguration configuration)
    {
        var baseUrl = configuration.GetSection(SireneOptions.Section).Get<SireneOptions>()?.BaseUrl;
        if (string.IsNullOrWhiteSpace(baseUrl) || !Uri.TryCreate(baseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var address))
        {
            services.AddSingleton<IEstablishmentDirectory, NoEstablishmentDirectory>();
            return;
        }

        services.AddHttpClient<IEstablishmentDirectory, SireneDirectory>(client =>
        {
            client.BaseAddress = address;
            client.Timeout = SireneOptions.Timeout;
            client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        });
    }
}

/// <summary>Absolute folder for SQLite files, written e-mails and uploads (outside the web root).</summary>
public sealed record DataPaths(string Root)
{
    public string Uploads => Path.Combine(Root, "uploads");
}
