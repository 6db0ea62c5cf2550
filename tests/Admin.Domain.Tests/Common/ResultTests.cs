using Admin.Domain.Common;

namespace Admin.Domain.Tests.Common;

public class ResultTests
{
    private static readonly Error Problem = new("test.problem", "Un problème.");

    [Fact]
    public void A_success_has_no_error_and_carries_its_value()
    {
        Result<int> result = 42;

        Assert.Equal((true, false, (ErrorKind?)null, 42), (result.IsSuccess, result.IsFailure, result.FailureKind, result.Value));
        Assert.Empty(result.Errors);
        Assert.Equal(42, Result.Ok(42).Value);
        Assert.True(Result.Ok().IsSuccess);
    }

    [Fact]
    public void A_failure_has_a_kind_and_errors_but_no_value()
    {
        var result = Result<int>.Failure(ErrorKind.Conflict, [Problem]);

        Assert.Equal((false, true, (ErrorKind?)ErrorKind.Conflict), (result.IsSuccess, result.IsFailure, result.FailureKind));
        Assert.Equal([Problem], result.Errors);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void Each_factory_gives_its_kind_and_error()
    {
        Assert.Equal((ErrorKind.Validation, "test.problem"), KindAndCode(Result.Invalid(Problem)));
        Assert.Equal((ErrorKind.NotFound, "common.not_found"), KindAndCode(Result.NotFound()));
        Assert.Equal((ErrorKind.Forbidden, "common.forbidden"), KindAndCode(Result.Forbidden()));
        Assert.Equal((ErrorKind.Conflict, "test.problem"), KindAndCode(Result.Conflict(Problem)));
        Assert.Equal((ErrorKind.NotFound, "test.problem"), KindAndCode(Result.Failure(ErrorKind.NotFound, [Problem])));
    }

    [Fact]
    public void A_failure_converts_to_a_typed_failure_and_a_success_cannot()
    {
        var typed = Result<string>.From(Result.Conflict(Problem));

        Assert.Equal((ErrorKind.Conflict, "test.problem"), KindAndCode(typed));
        Assert.Throws<InvalidOperationException>(() => Result<string>.From(Result.Ok()));
    }

    [Fact]
    public void An_error_placed_on_a_field_keeps_its_code_and_message()
    {
        var placed = Problem.ForField("Name");

        Assert.Equal(("test.problem", "Un problème.", "Name"), (placed.Code, placed.Message, placed.Field));
        Assert.Null(Problem.Field);
    }

    [Fact]
    public void Common_errors_have_a_french_message()
    {
        Assert.All([CommonErrors.NotFound, CommonErrors.Forbidden, CommonErrors.ConcurrentChange], e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        Assert.Equal("common.concurrent_change", CommonErrors.ConcurrentChange.Code);
    }

    private static (ErrorKind, string) KindAndCode(Result result) => (result.FailureKind!.Value, Assert.Single(result.Errors).Code);
}
