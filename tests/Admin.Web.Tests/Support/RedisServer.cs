using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Admin.Testing;

namespace Admin.Web.Tests.Support;

/// <summary>
/// Debian's real redis-server on a free loopback port, without persistence, started for a test class
/// (installed by the test command when missing) and stopped with it; it can be stopped and started
/// again on the same port to play an outage.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;

    public int Port { get; } = LoopbackPort.Free();
    public string Configuration => $"127.0.0.1:{Port}";

    public Task InitializeAsync() => StartAsync();

    public async Task StartAsync()
    {
        var binary = File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : "redis-server";
        _process = Process.Start(new ProcessStartInfo(binary, $"--port {Port} --bind 127.0.0.1 --save \"\" --appendonly no --daemonize no --loglevel warning")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start (scripts/test.sh installs it).");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException("redis-server did not listen on port " + Port);
    }

    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public Task DisposeAsync() => StopAsync();
}

/// <summary>One node of a several-node installation: a shared SQLite file, shared Redis counters, and a clock shared by the nodes.</summary>
public sealed class GatewayNodeFactory(string dataDirectory, string redis, Microsoft.Extensions.Time.Testing.FakeTimeProvider clock) : AdminWebFactory(dataDirectory)
{
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => clock;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Gateway:Counters", "Redis");
        builder.UseSetting("Gateway:Redis", redis);
        builder.ConfigureServices(services =>
        {
            Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.RemoveAll<TimeProvider>(services);
            Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<TimeProvider>(services, clock);
        });
    }
}
