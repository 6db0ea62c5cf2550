using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace Admin.Infrastructure.Jobs;

/// <summary>
/// Hangfire's log provider is static (like JobStorage.Current): the last host built in the process
/// sets it. When that host is disposed while another one still runs (two test hosts, or a host
/// rebuilt), creating a logger from its disposed factory throws, and Hangfire's filters create
/// loggers while enqueuing a job: an enqueue would fail for a logging reason. This provider logs
/// through the host's factory while it lives, and logs nothing once it is gone.
/// </summary>
public sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
