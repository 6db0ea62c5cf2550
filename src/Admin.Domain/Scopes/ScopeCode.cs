using System.Text.RegularExpressions;
using Admin.Domain.Common;

namespace Admin.Domain.Scopes;

/// <summary>A scope code as partners request it and gateways receive it: lower-case snake_case.</summary>
public readonly partial record struct ScopeCode
{
    private ScopeCode(string value) => Value = value;

    public string Value { get; }

    public static Result<ScopeCode> Parse(string? value) =>
        value is not null && value.Length <= 100 && Pattern().IsMatch(value)
            ? new ScopeCode(value)
            : Result<ScopeCode>.Failure(ErrorKind.Validation, [ScopeErrors.InvalidCode]);

    public override string ToString() => Value;

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex Pattern();
}

public static class ScopeErrors
{
    public static readonly Error InvalidCode = new("scope.invalid_code", "Le code d'un périmètre ne contient que des minuscules, des chiffres et des tirets bas.");
    public static readonly Error CodeTaken = new("scope.code_taken", "Ce code existe déjà dans le catalogue.");
    public static readonly Error UnknownProvider = new("scope.unknown_provider", "Choisissez l'un des fournisseurs de données du catalogue.");
    public static readonly Error LabelRequired = new("scope.label_required", "Saisissez le nom du périmètre en français.");
    public static readonly Error LabelTooLong = new("scope.label_too_long", $"Le nom ne peut pas dépasser {Scope.LabelMaxLength} caractères.");
    public static readonly Error DescriptionTooLong = new("scope.description_too_long", $"La description ne peut pas dépasser {Scope.DescriptionMaxLength} caractères.");
    public static readonly Error AlreadyRetired = new("scope.already_retired", "Ce périmètre est déjà retiré du catalogue.");
}
