using Admin.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;

namespace Admin.Web.Tests.Jobs;

public sealed class HostLogProviderTests
{
    [Fact]
    public void Loggers_come_from_the_host_while_it_lives_and_log_nothing_once_its_factory_is_disposed()
    {
        var factory = LoggerFactory.Create(b => b.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Information).AddProvider(new CountingProvider()));
        var provider = new HostLogProvider(factory);

        var alive = provider.GetLogger("Hangfire.Test");
        Assert.True(alive.Log(Hangfire.Logging.LogLevel.Info, () => "vivant"));
        factory.Dispose();

        var afterDispose = provider.GetLogger("Hangfire.AutomaticRetryAttribute");
        Assert.False(afterDispose.Log(Hangfire.Logging.LogLevel.Error, () => "rien"));
    }

    private sealed class CountingProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger();
        public void Dispose() { }

        private sealed class Logger : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;
            public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter) { }
        }
    }
}
