using Admin.Infrastructure.Jobs;
using Admin.Infrastructure;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Outbox;
using Admin.Infrastructure.Seed;
using Admin.Web.Infrastructure;
using FluentValidation;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

if (args is ["healthcheck", ..])
{
    // Used by the container's HEALTHCHECK: the image has no curl.
    return await HealthProbe.RunAsync(Environment.GetEnvironmentVariable("ASPNETCORE_URLS"));
}

// Fails fast when the machine lacks the Europe/Paris zone: every "today" of the app is a Paris day.
_ = Admin.Domain.Common.ParisTime.Zone;

var builder = WebApplication.CreateBuilder(args);

if (!builder.Environment.IsDevelopment())
{
    builder.Logging.ClearProviders().AddJsonConsole();
}

builder.Services.AddAdminInfrastructure(builder.Configuration, builder.Environment);

builder.Services.AddScoped<IUserClaimsPrincipalFactory<AppUser>, AdminClaimsPrincipalFactory>();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.Cookie.Name = "apip_admin";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    options.LoginPath = "/compte/connexion";
    options.LogoutPath = "/compte/deconnexion";
    options.AccessDeniedPath = "/erreur/403";
    options.ExpireTimeSpan = TimeSpan.FromHours(8);
    options.SlidingExpiration = true;
    options.Events.OnValidatePrincipal = SessionValidation.ValidatePrincipalAsync;
    // A signed-in user refused by a policy gets the 403 page itself (status 403, re-executed by the
    // status-code pages below), as a handler's refusal does, not a redirect to it.
    options.Events.OnRedirectToAccessDenied = context =>
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
});
ProConnect.AddProConnect(builder.Services, builder.Configuration);
builder.Services.AddAuthorization(options => options.AddAdminPolicies());
Admin.Web.Gateway.GatewayEndpoints.AddGatewayEndpoints(builder.Services);
Admin.Web.Infrastructure.GatewayOpenApi.AddGatewayOpenApi(builder.Services);
builder.Services.AddSingleton<IAuthorizationHandler, StaffTwoFactorRequirementHandler>();
builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, StaffTwoFactorResultHandler>();

// Behind a TLS-terminating reverse proxy, trust its X-Forwarded-* headers (HTTPS scheme, client IP).
if (builder.Configuration.GetValue("ReverseProxy:Trusted", false))
{
    builder.Services.Configure<ForwardedHeadersOptions>(options =>
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
    });
}

builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();
builder.Services.AddSingleton<IEmailThrottle, EmailThrottle>();
builder.Services.AddScoped<CurrentOrganizationCookie>();
builder.Services.AddScoped<Admin.Web.Features.Access.AccessService>();
builder.Services.AddScoped<Admin.Web.Features.Messages.MessageThreads>();
builder.Services.AddControllersWithViews(options =>
{
    options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
    options.ModelBindingMessageProvider.UseFrench();
    options.ModelBinderProviders.Insert(0, new CleanTextModelBinderProvider());
});
builder.Services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
// One message per field at a time: the first rule it breaks.
ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
ValidatorOptions.Global.LanguageManager.Culture = new System.Globalization.CultureInfo("fr");
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
});

var app = builder.Build();

if (args.Length > 0 && args[0] == "create-admin")
{
    return await AdminCommands.CreateAdministratorAsync(app, args);
}

if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
{
    using var scope = app.Services.CreateScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    scope.ServiceProvider.GetRequiredService<IRecurringJobManager>()
        .AddOrUpdate<OutboxDispatcher>(RecurringJobCatalogue.OutboxSweep.Id, d => d.DeliverPendingAsync(CancellationToken.None), RecurringJobCatalogue.OutboxSweep.Cron);
    scope.ServiceProvider.GetRequiredService<IRecurringJobManager>()
        .AddOrUpdate<Admin.Infrastructure.Jobs.ApplicantReminderJob>(RecurringJobCatalogue.ApplicantReminders.Id,
            j => j.RunAsync(CancellationToken.None), RecurringJobCatalogue.ApplicantReminders.Cron, new RecurringJobOptions { TimeZone = Admin.Domain.Common.ParisTime.Zone });
    scope.ServiceProvider.GetRequiredService<IRecurringJobManager>()
        .AddOrUpdate<Admin.Infrastructure.Jobs.ExpiryReminderJob>(RecurringJobCatalogue.ExpiryReminders.Id,
            j => j.RunAsync(CancellationToken.None), RecurringJobCatalogue.ExpiryReminders.Cron, new RecurringJobOptions { TimeZone = Admin.Domain.Common.ParisTime.Zone });
    scope.ServiceProvider.GetRequiredService<IRecurringJobManager>()
        .AddOrUpdate<Admin.Infrastructure.Usage.UsageRollupJob>(RecurringJobCatalogue.UsageRollup.Id,
            j => j.RunAsync(CancellationToken.None), RecurringJobCatalogue.UsageRollup.Cron, new RecurringJobOptions { TimeZone = Admin.Domain.Common.ParisTime.Zone });
}

// The gateway's hot path has its own error answers (ProblemDetails, never the HTML error and
// status-code pages) and no HSTS (gateways call it on the internal network): see Gateway/GatewayEndpoints.
var isPage = (HttpContext context) => !Admin.Web.Gateway.GatewayEndpoints.IsGatewayPath(context);
Admin.Web.Gateway.GatewayEndpoints.UseGatewayErrors(app);
app.UseWhen(isPage, pages =>
{
    if (app.Environment.IsDevelopment())
    {
        pages.UseDeveloperExceptionPage();
    }
    else
    {
        pages.UseExceptionHandler("/erreur/500");
        pages.UseHsts();
    }
});

if (app.Configuration.GetValue("ReverseProxy:Trusted", false))
{
    app.UseForwardedHeaders();
}

app.UseWhen(isPage, pages => pages.UseSecurityHeaders(ProConnect.FormTargets(app.Services.GetRequiredService<ProConnectOptions>())));
app.UseWhen(isPage, pages => pages.UseStatusCodePagesWithReExecute("/erreur/{0}"));
app.UseWhen(isPage, pages => pages.UseStaticFiles());
app.UseRouting();
// The gateway endpoints authenticate their credential themselves (Gateway/GatewayEndpoints): the pages'
// cookie authentication and policy evaluation never run on the hot path.
app.UseWhen(isPage, pages =>
{
    pages.UseAuthentication();
    pages.UseAuthorization();
});
// WebApplication puts UseAuthentication and UseAuthorization in front of the whole pipeline unless they were called on
// the application itself, which it learns from these two marks; the calls in the branch above do not set them (a branch
// has its own properties). Without them every gateway call would run the cookie authentication anyway (about a quarter
// of its time, bench/README.md). GatewayHostingTests checks that the gateway paths never reach authentication.
((IApplicationBuilder)app).Properties["__AuthenticationMiddlewareSet"] = true;
((IApplicationBuilder)app).Properties["__AuthorizationMiddlewareSet"] = true;

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
JobsDashboard.AddFailedEmails();
app.MapHangfireDashboard("/admin/jobs", new DashboardOptions
    {
        Authorization = [new HangfireDashboardAuthorization()],
        DashboardTitle = "API Particulier — tâches de fond",
        AppPath = "/instruction",
    }, app.Services.GetRequiredService<JobStorage>())
    .RequireAuthorization(Policies.Administrator);
app.MapControllers();
Admin.Web.Gateway.GatewayEndpoints.MapGatewayEndpoints(app);
Admin.Web.Infrastructure.GatewayOpenApi.MapGatewayOpenApi(app);

await app.RunAsync();
return 0;

public partial class Program;
