using System.Diagnostics;
using Admin.Domain.Common;
using Mediator;

namespace Admin.Web.Infrastructure;

/// <summary>
/// Logs the message type, its duration and its outcome — never the message itself, which may
/// carry passwords, keys or personal data.
/// </summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var name = typeof(TMessage).FullName?.Replace(typeof(TMessage).Namespace + ".", "", StringComparison.Ordinal).Replace('+', '.');
        try
        {
            var response = await next(message, cancellationToken);
            var outcome = response is Result { IsFailure: true } failed ? failed.FailureKind.ToString() : "Ok";
            logger.LogInformation("{Message} handled in {ElapsedMs:0.0} ms: {Outcome}", name,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, outcome);
            return response;
        }
        catch (Exception ex)
        {
            logger.LogError("{Message} failed after {ElapsedMs:0.0} ms with {Exception}", name,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name);
            throw;
        }
    }
}
