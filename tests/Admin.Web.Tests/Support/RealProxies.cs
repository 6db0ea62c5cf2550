using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Admin.Testing;

namespace Admin.Web.Tests.Support;

/// <summary>
/// Debian's real nginx and Caddy on loopback, each run from the sample configuration of deploy/, in
/// front of a tiny upstream that echoes the X-Api-Particulier-* headers it receives, and delegating to
/// the back-office (the application on Kestrel, frozen clock) with a gateway credential of its own.
/// Installs nginx and caddy with apt-get when missing; stops every process it started on dispose.
/// </summary>
public sealed class RealProxies : IAsyncLifetime
{
    public const string Nginx = "nginx";
    public const string Caddy = "caddy";

    private readonly List<ProxyProcess> _proxies = [];
    private WebApplication? _upstream;

    public ClockedWebFactory App { get; } = new();
    public string BackOffice { get; private set; } = "";
    public string Upstream { get; private set; } = "";
    public string Credential { get; private set; } = "";
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "apip-proxies", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _urls = [];

    /// <summary>The base address of the gateway <paramref name="proxy"/> (nginx or caddy).</summary>
    public string Url(string proxy) => _urls[proxy];

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        EnsureInstalled();

        var backOfficePort = LoopbackPort.Free();
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, backOfficePort));
        App.StartServer();
        BackOffice = $"127.0.0.1:{backOfficePort}";
        Credential = await App.GatewayCredentialAsync();

        Upstream = $"127.0.0.1:{LoopbackPort.Free()}";
        _upstream = EchoUpstream(Upstream);
        await _upstream.StartAsync();

        _urls[Nginx] = await StartAsync(Nginx, Credential);
        _urls[Caddy] = await StartAsync(Caddy, Credential);
    }

    /// <summary>
    /// Another <paramref name="proxy"/> from the same configuration with this credential (e.g. a wrong one)
    /// and this back-office address (default: the application's); stopped with the fixture.
    /// </summary>
    public Task<string> StartAsync(string proxy, string credential, string? backOffice = null) =>
        proxy == Nginx ? StartNginxAsync(credential, backOffice ?? BackOffice) : StartCaddyAsync(credential, backOffice ?? BackOffice);

    /// <summary>A loopback address where nothing listens (a back-office that is down).</summary>
    public static string NothingListening() => $"127.0.0.1:{LoopbackPort.Free()}";

    private async Task<string> StartNginxAsync(string credential, string backOffice)
    {
        var prefix = Path.Combine(Directory, "nginx-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(Path.Combine(prefix, "tmp"));
        var listen = $"127.0.0.1:{LoopbackPort.Free()}";
        var template = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "deploy", "nginx", "api-gateway.conf.template"));
        var config = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(config, template
            .Replace("@LISTEN@", listen, StringComparison.Ordinal)
            .Replace("@BACKOFFICE@", backOffice, StringComparison.Ordinal)
            .Replace("@UPSTREAM@", Upstream, StringComparison.Ordinal)
            .Replace("@GATEWAY_CREDENTIAL@", credential, StringComparison.Ordinal));
        var start = new ProcessStartInfo(Binary(Nginx)) { WorkingDirectory = prefix };
        foreach (var argument in new[] { "-p", prefix, "-c", config, "-e", Path.Combine(prefix, "error.log"), "-g", "daemon off;" }) start.ArgumentList.Add(argument);
        return await StartAsync(Nginx, start, listen, Path.Combine(prefix, "error.log"));
    }

    private async Task<string> StartCaddyAsync(string credential, string backOffice)
    {
        var home = Path.Combine(Directory, "caddy-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(home);
        var listen = $"127.0.0.1:{LoopbackPort.Free()}";
        var start = new ProcessStartInfo(Binary(Caddy)) { WorkingDirectory = home };
        foreach (var argument in new[] { "run", "--config", Path.Combine(RepositoryRoot(), "deploy", "caddy", "Caddyfile"), "--adapter", "caddyfile" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = home;
        start.Environment["XDG_DATA_HOME"] = Path.Combine(home, "data");
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(home, "config");
        start.Environment["GATEWAY_LISTEN"] = listen;
        start.Environment["BACKOFFICE"] = backOffice;
        start.Environment["UPSTREAM"] = Upstream;
        start.Environment["GATEWAY_CREDENTIAL"] = credential;
        return await StartAsync(Caddy, start, listen, null);
    }

    private async Task<string> StartAsync(string name, ProcessStartInfo start, string listen, string? errorLog)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var proxy = new ProxyProcess(name, Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}."), errorLog);
        _proxies.Add(proxy);
        await proxy.WaitUntilListeningAsync(listen, TimeSpan.FromSeconds(20));
        return "http://" + listen;
    }

    /// <summary>Answers every path with 200 and the X-Api-* and Authorization headers it received, as JSON.</summary>
    private static WebApplication EchoUpstream(string address)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://" + address);
        var app = builder.Build();
        app.Run(context =>
        {
            var received = context.Request.Headers
                .Where(h => h.Key.StartsWith("X-Api-", StringComparison.OrdinalIgnoreCase) || h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            received["path"] = context.Request.Path + context.Request.QueryString;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(JsonSerializer.Serialize(received));
        });
        return app;
    }

    public async Task DisposeAsync()
    {
        foreach (var proxy in _proxies) await proxy.StopAsync();
        if (_upstream is not null) await _upstream.DisposeAsync();
        await App.DisposeAsync();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Debian's nginx and caddy, installed with apt-get (sudo when not root) when either is missing.</summary>
    private static void EnsureInstalled()
    {
        if (FindBinary(Nginx) is not null && FindBinary(Caddy) is not null) return;
        var sudo = Environment.UserName == "root" ? "" : "sudo ";
        var start = new ProcessStartInfo("sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"{sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive {sudo}apt-get install -y -qq nginx caddy");
        using var install = Process.Start(start) ?? throw new InvalidOperationException("Could not run apt-get.");
        var errors = install.StandardError.ReadToEndAsync();
        install.StandardOutput.ReadToEnd();
        install.WaitForExit();
        if (install.ExitCode != 0) throw new InvalidOperationException($"apt-get install nginx caddy failed ({install.ExitCode}): {errors.Result}");
    }

    private static string Binary(string name) => FindBinary(name) ?? throw new InvalidOperationException($"{name} is not installed.");

    private static string? FindBinary(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"])
            .Where(dir => dir.Length > 0)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ApiParticulier.Admin.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    /// <summary>One proxy process, its output kept for the failure message, killed with its workers on stop.</summary>
    private sealed class ProxyProcess
    {
        private readonly string _name;
        private readonly Process _process;
        private readonly string? _errorLog;
        private readonly List<string> _output = [];

        public ProxyProcess(string name, Process process, string? errorLog)
        {
            (_name, _process, _errorLog) = (name, process, errorLog);
            _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        private string Output
        {
            get
            {
                string text;
                lock (_output) text = string.Join('\n', _output.TakeLast(40));
                return _errorLog is not null && File.Exists(_errorLog) ? text + "\n" + File.ReadAllText(_errorLog) : text;
            }
        }

        public async Task WaitUntilListeningAsync(string listen, TimeSpan timeout)
        {
            var endpoint = IPEndPoint.Parse(listen);
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                if (_process.HasExited) throw new InvalidOperationException($"{_name} exited with code {_process.ExitCode}:\n{Output}");
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(endpoint);
                    return;
                }
                catch (SocketException)
                {
                    await Task.Delay(100);
                }
            }

            throw new TimeoutException($"{_name} did not listen on {listen} within {timeout.TotalSeconds} s:\n{Output}");
        }

        /// <summary>SIGTERM first (nginx's master reaps its workers, Caddy closes cleanly), then SIGKILL to the whole tree after 5 s.</summary>
        public async Task StopAsync()
        {
            if (!_process.HasExited)
            {
                _ = Terminate(_process.Id, SigTerm);
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await _process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }

            _process.Dispose();
        }

        private const int SigTerm = 15;

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        private static extern int Terminate(int pid, int signal);
    }
}
