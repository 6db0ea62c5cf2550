using Admin.Domain.Common;

namespace Admin.Domain.Scopes;

/// <summary>
/// A data field of the catalogue that a key may receive, with the French name partners and staff
/// see. Retired scopes stay in the catalogue because historic authorizations reference them, but new
/// requests cannot ask for them nor can an approval grant them.
/// </summary>
public sealed class Scope
{
    public const int LabelMaxLength = 200;
    public const int DescriptionMaxLength = 500;

    private Scope() { }

    public Scope(ScopeCode code, string providerCode, string providerName, bool isRetired, string label = "", string? description = null)
    {
        Code = code.Value;
        ProviderCode = providerCode;
        ProviderName = providerName;
        IsRetired = isRetired;
        Label = label;
        Description = description;
    }

    public string Code { get; private set; } = "";
    public string ProviderCode { get; private set; } = "";
    public string ProviderName { get; private set; } = "";
    public bool IsRetired { get; private set; }

    /// <summary>The French name ("Quotient familial"); empty only for a scope seeded before names existed.</summary>
    public string Label { get; private set; } = "";

    /// <summary>A short explanation for staff and partners; optional.</summary>
    public string? Description { get; private set; }

    /// <summary>A new, offered scope of an existing provider, named and checked.</summary>
    public static Result<Scope> Add(string? code, Scope sameProvider, string? label, string? description)
    {
        ArgumentNullException.ThrowIfNull(sameProvider);
        var parsed = ScopeCode.Parse(code?.Trim());
        var errors = new List<Error>();
        if (parsed.IsFailure) errors.Add(ScopeErrors.InvalidCode.ForField("Code"));
        errors.AddRange(DescriptionErrors(label, description));
        return errors.Count > 0
            ? Result<Scope>.Failure(ErrorKind.Validation, errors)
            : new Scope(parsed.Value, sameProvider.ProviderCode, sameProvider.ProviderName, isRetired: false, label!.Trim(), Clean(description));
    }

    /// <summary>Renames or re-describes the scope (its code never changes: keys and gateways know it).</summary>
    public Result Describe(string? label, string? description)
    {
        var errors = DescriptionErrors(label, description);
        if (errors.Count > 0) return Result.Failure(ErrorKind.Validation, errors);
        Label = label!.Trim();
        Description = Clean(description);
        return Result.Ok();
    }

    /// <summary>From now on the scope can be neither requested nor granted.</summary>
    public Result Retire()
    {
        if (IsRetired) return Result.Conflict(ScopeErrors.AlreadyRetired);
        IsRetired = true;
        return Result.Ok();
    }

    /// <summary>The seeded name, only where staff never gave one.</summary>
    public void NameIfUnnamed(string label)
    {
        if (Label.Length == 0) Label = label;
    }

    private static List<Error> DescriptionErrors(string? label, string? description)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(label)) errors.Add(ScopeErrors.LabelRequired.ForField("Label"));
        else if (label.Trim().Length > LabelMaxLength) errors.Add(ScopeErrors.LabelTooLong.ForField("Label"));
        if (description?.Trim().Length > DescriptionMaxLength) errors.Add(ScopeErrors.DescriptionTooLong.ForField("Description"));
        return errors;
    }

    private static string? Clean(string? description) => string.IsNullOrWhiteSpace(description) ? null : description.Trim();
}
