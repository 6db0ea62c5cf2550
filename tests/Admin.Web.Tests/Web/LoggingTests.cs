using System.Collections.Concurrent;
using Admin.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Admin.Web.Tests.Web;

public sealed class LoggingTests(LogCapturingFactory app) : IClassFixture<LogCapturingFactory>
{
    [Fact]
    public async Task Sign_up_sign_in_and_reset_log_neither_passwords_nor_emails_nor_tokens_raw_or_encoded()
    {
        var browser = new Browser(app.CreateBrowser());
        var email = $"secret.{Guid.NewGuid():N}@mairie-exemple.fr";
        const string password = "Tres-Secret-Passw0rd";

        await browser.SubmitAsync("/compte/inscription", Accounts.RegistrationForm(email, password));
        var mail = (await app.DeliverOutboxAsync()).Single(m => m.To == email);
        var link = Accounts.LinkIn(mail, "/compte/confirmer");
        await browser.GetAsync(link);
        await Accounts.SignInAsync(browser, email, password);
        await browser.SubmitAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["Email"] = email });
        var reset = Accounts.LinkIn((await app.DeliverOutboxAsync()).Single(m => m.To == email && m.Kind == "account.reset_password"),
            "/compte/nouveau-mot-de-passe");

        var logs = app.Lines.ToList();
        Assert.Contains(logs, l => l.Contains("Register.Command handled", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Contains("ForgotPassword.Command handled", StringComparison.Ordinal));
        var secrets = new[] { CodeIn(link), CodeIn(reset) }.SelectMany(code => new[] { code, Admin.Infrastructure.Email.EmailLinks.DecodeToken(code)! }).ToList();
        Assert.All(secrets, secret => Assert.True(secret.Length >= 20, "a token too short to be a token"));
        foreach (var line in logs)
        {
            Assert.DoesNotContain(password, line);
            Assert.DoesNotContain(email, line, StringComparison.OrdinalIgnoreCase);
            foreach (var secret in secrets) Assert.DoesNotContain(secret, line);
        }
    }

    [Fact]
    public async Task Changing_the_address_logs_neither_the_password_nor_the_addresses_nor_the_token()
    {
        var partner = await app.PartnerWithOrganizationAsync();
        var browser = await app.SignedInAsync(partner);
        var newEmail = $"nouvelle.{Guid.NewGuid():N}@mairie-exemple.fr";

        await browser.SubmitAsync("/compte", new Dictionary<string, string> { ["NewEmail"] = newEmail, ["Password"] = partner.Password }, "/compte/adresse");
        var link = Accounts.LinkIn((await app.DeliverOutboxAsync()).Single(m => m.To == newEmail), "/compte/adresse/confirmer");
        await new Browser(app.CreateBrowser()).GetAsync(link);

        var logs = app.Lines.ToList();
        Assert.Contains(logs, l => l.Contains("RequestEmailChange.Command handled", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Contains("ConfirmEmailChange.Command handled", StringComparison.Ordinal));
        Assert.Equal(newEmail, (await app.FindUserAsync(newEmail))?.Email);
        var secrets = new[] { CodeIn(link), Admin.Infrastructure.Email.EmailLinks.DecodeToken(CodeIn(link))!, partner.Password, partner.Email, newEmail };
        foreach (var line in logs)
        {
            foreach (var secret in secrets) Assert.DoesNotContain(secret, line, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string CodeIn(string link)
    {
        var code = link[(link.IndexOf("code=", StringComparison.Ordinal) + 5)..];
        return code.Split('&')[0];
    }
}

public sealed class LogCapturingFactory : AdminWebFactory
{
    public ConcurrentQueue<string> Lines { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(new CapturingProvider(Lines));
        }));
    }

    private sealed class CapturingProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);
        public void Dispose() { }
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{category} {formatter(state, exception)} {structured} {exception}");
        }
    }
}
