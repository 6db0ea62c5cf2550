using Admin.Domain.Common;
using FluentValidation;
using Mediator;

namespace Admin.Web.Infrastructure;

/// <summary>
/// Runs the command's validators before its handler. Handlers never see an invalid command: the
/// caller gets a failed result carrying every field error in French.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
    where TResponse : IFailureFactory<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            errors.AddRange(result.Errors.Select(f => new Error(
                string.IsNullOrEmpty(f.ErrorCode) ? "validation" : f.ErrorCode, f.ErrorMessage, f.PropertyName)));
        }

        return errors.Count > 0 ? TResponse.Failure(ErrorKind.Validation, errors) : await next(message, cancellationToken);
    }
}
