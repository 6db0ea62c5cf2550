namespace Admin.Domain.Common;

/// <summary>
/// A rule a user can break: a stable code (tests check it), a French message (users read it)
/// and, when the rule is about one field, that field's name so the form can show it next to it.
/// </summary>
public sealed record Error(string Code, string Message, string? Field = null)
{
    public Error ForField(string field) => this with { Field = field };
}

public enum ErrorKind
{
    Validation,
    NotFound,
    Forbidden,
    Conflict,
}
