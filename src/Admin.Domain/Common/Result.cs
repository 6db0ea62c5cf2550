namespace Admin.Domain.Common;

/// <summary>
/// Lets generic code (the validation behaviour) build a failed result of any result type.
/// </summary>
public interface IFailureFactory<out TSelf>
{
    static abstract TSelf Failure(ErrorKind kind, IReadOnlyList<Error> errors);
}

public class Result : IFailureFactory<Result>
{
    protected Result(ErrorKind? failure, IReadOnlyList<Error> errors)
    {
        FailureKind = failure;
        Errors = errors;
    }

    public ErrorKind? FailureKind { get; }
    public IReadOnlyList<Error> Errors { get; }
    public bool IsSuccess => FailureKind is null;
    public bool IsFailure => !IsSuccess;

    public static Result Ok() => new(null, []);
    public static Result Invalid(params Error[] errors) => new(ErrorKind.Validation, errors);
    public static Result NotFound() => new(ErrorKind.NotFound, [CommonErrors.NotFound]);
    public static Result Forbidden() => new(ErrorKind.Forbidden, [CommonErrors.Forbidden]);
    public static Result Conflict(Error error) => new(ErrorKind.Conflict, [error]);
    public static Result Failure(ErrorKind kind, IReadOnlyList<Error> errors) => new(kind, errors);

    public static Result<T> Ok<T>(T value) => Result<T>.Success(value);
}

public sealed class Result<T> : Result, IFailureFactory<Result<T>>
{
    private readonly T? _value;

    private Result(T value) : base(null, []) => _value = value;
    private Result(ErrorKind kind, IReadOnlyList<Error> errors) : base(kind, errors) { }

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException("A failed result has no value.");

    public static Result<T> Success(T value) => new(value);
    public static new Result<T> Failure(ErrorKind kind, IReadOnlyList<Error> errors) => new(kind, errors);
    public static Result<T> From(Result failed) =>
        failed.IsFailure ? new(failed.FailureKind!.Value, failed.Errors) : throw new InvalidOperationException("Not a failure.");

    public static implicit operator Result<T>(T value) => Success(value);
}

public static class CommonErrors
{
    public static readonly Error NotFound = new("common.not_found", "La ressource demandée est introuvable.");
    public static readonly Error Forbidden = new("common.forbidden", "Vous n'avez pas les droits nécessaires pour cette action.");
    public static readonly Error ConcurrentChange = new("common.concurrent_change", "Cette demande a été modifiée entre-temps. Rechargez la page pour voir la dernière version.");
}
