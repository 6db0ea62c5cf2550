using Admin.Domain.Organizations;

namespace Admin.Web.Features.Organizations;

public sealed record SelectOption(string Value, string Text);

/// <summary>A DSFR select rendered by Views/Organizations/_Select.cshtml, errors and typed value included.</summary>
public sealed record SelectField(string Name, string Label, IReadOnlyList<SelectOption> Options, string? Value,
    string? Hint = null, string? Id = null, bool LabelForScreenReadersOnly = false, bool Required = true)
{
    public string ElementId => Id ?? Name.Replace('.', '_');
}

/// <summary>The lists offered in the forms, with the domain's French labels.</summary>
public static class FormOptions
{
    public static IReadOnlyList<SelectOption> Kinds { get; } =
        [.. Enum.GetValues<OrganizationKind>().Select(k => new SelectOption(k.ToString(), k.FrenchLabel()))];

    public static IReadOnlyList<SelectOption> Roles { get; } =
        [.. Enum.GetValues<MembershipRole>().Select(r => new SelectOption(r.ToString(), r.FrenchLabel()))];
}
