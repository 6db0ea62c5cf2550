using System.Diagnostics;
using System.Net;
using Microsoft.Playwright;
using Admin.Testing;

namespace Admin.EndToEnd.Tests.Support;

/// <summary>
/// The real application, started as its own process on 127.0.0.1 in Development (demo accounts
/// seeded) with a fresh data folder, its Hangfire server on, and e-mails written as .eml files.
/// Also holds one headless Debian Chromium for the journeys.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    private Process? _process;
    private readonly List<string> _output = [];
    private readonly bool _withBrowser = true;

    public AppServer()
    {
    }

    /// <summary>An application of one's own (not the shared one), with or without a browser.</summary>
    internal AppServer(bool withBrowser) => _withBrowser = withBrowser;

    public string BaseUrl { get; } = $"http://127.0.0.1:{LoopbackPort.Free()}";

    /// <summary>More settings for the application, as environment variables (<c>ProConnect__Authority</c>), set before <see cref="InitializeAsync"/>.</summary>
    public Dictionary<string, string> Settings { get; } = [];
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "apip-e2e", Guid.NewGuid().ToString("N"));
    public string EmailDirectory => Path.Combine(DataDirectory, "emails");
    public string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");
    public IPlaywright Playwright { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(ScreenshotDirectory);
        var webProject = Path.Combine(RepositoryRoot(), "src", "Admin.Web");
        var dll = Path.Combine(AppContext.BaseDirectory, "Admin.Web.dll");

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", BaseUrl, "--contentRoot", webProject }) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__DataDirectory"] = DataDirectory;
        start.Environment["Email__PickupDirectory"] = EmailDirectory;
        start.Environment["Email__PublicBaseUrl"] = BaseUrl;
        foreach (var (name, value) in Settings) start.Environment[name] = value;
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the application.");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        if (!_withBrowser) return;

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Runs the application's own command line (e.g. create-admin) on the same data folder; returns its output.</summary>
    public async Task<string> RunCommandAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(RepositoryRoot(), "src", "Admin.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Admin.Web.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__DataDirectory"] = DataDirectory;
        start.Environment["Jobs__RunServer"] = "false";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the command.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"Command failed ({process.ExitCode}): {output}{errors}");
        return output;
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "fr-FR",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>Waits for the background job to write the e-mail sent to <paramref name="to"/>.</summary>
    public async Task<MimeKit.MimeMessage> WaitForEmailAsync(string to, string subjectContains, TimeSpan timeout, string? bodyContains = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(EmailDirectory))
            {
                foreach (var file in Directory.GetFiles(EmailDirectory, "*.eml"))
                {
                    MimeKit.MimeMessage message;
                    try
                    {
                        message = await MimeKit.MimeMessage.LoadAsync(file);
                    }
                    catch (IOException)
                    {
                        continue; // being written or moved: next round
                    }

                    if (message.To.Mailboxes.Any(m => m.Address == to) && (message.Subject ?? "").Contains(subjectContains, StringComparison.Ordinal)
                        && (bodyContains is null || (message.TextBody ?? "").Contains(bodyContains, StringComparison.Ordinal)))
                    {
                        return message;
                    }
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No e-mail to {to} within {timeout.TotalSeconds} s. Application output:\n{Output}");
    }

    /// <summary>Ends the application as a crash would: SIGKILL, no shutdown, no last flush.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false }) return;
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// <summary>The application's SQLite file (read with the app stopped or alongside it: WAL mode).</summary>
    public string DatabaseFile => Path.Combine(DataDirectory, "admin.db");

    public string Output
    {
        get { lock (_output) return string.Join('\n', _output.TakeLast(80)); }
    }

    public async Task DisposeAsync()
    {
        if (_withBrowser && Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited) throw new InvalidOperationException($"The application exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                var response = await http.GetAsync(BaseUrl + "/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }

            await Task.Delay(250);
        }

        throw new TimeoutException($"/health/ready did not answer 200 within {timeout.TotalSeconds} s:\n{Output}");
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ApiParticulier.Admin.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppServer>
{
    public const string Name = "app";
}
