using Admin.Domain.AccessRequests;
using Admin.Domain.Charters;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Web.Features.Access;

namespace Admin.Web.Features.AccessRequests.Steps;

/// <summary>One step in the stepper's list of links.</summary>
public sealed record StepLink(AccessRequestStep Step, string Url, bool IsCurrent, bool IsComplete)
{
    public int Number => (int)Step;
    public string Title => Step.FrenchLabel();
}

/// <summary>What every step page shows around its form: title, stepper (every step a link), and whether it can be edited.</summary>
/// <param name="Incomplete">The steps whose section still has errors, marked in the stepper.</param>
public sealed record StepHeader(Guid RequestId, AccessRequestStep Step, string? ProcedureName, string? ReadOnlyReason,
    IReadOnlySet<AccessRequestStep>? Incomplete = null)
{
    public bool CanEdit => ReadOnlyReason is null;
    public bool IsLast => Step.Next() is null;

    public IReadOnlyList<StepLink> Steps =>
        [.. AccessRequestStepLabels.All.Select(s => new StepLink(s, StepRoutes.StepUrl(RequestId, s), s == Step, Incomplete?.Contains(s) != true))];
    public int Number => (int)Step;
    public string Title => Step.FrenchLabel();
    public string? NextTitle => Step.Next()?.FrenchLabel();
    public string? PreviousUrl => Step.Previous() is { } previous ? StepRoutes.StepUrl(RequestId, previous) : null;
    public string FormAction => StepRoutes.StepUrl(RequestId, Step);
    public string SummaryUrl => StepRoutes.SummaryUrl(RequestId);

    public static StepHeader For(RequestAccess member, AccessRequestStep step, IReadOnlySet<AccessRequestStep>? incomplete = null)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new StepHeader(member.Request.Id, step, member.Request.Procedure.Name, ReadOnlyReasonOf(member), incomplete);
    }

    /// <summary>Why the signed-in member cannot change the request; null when they can.</summary>
    public static string? ReadOnlyReasonOf(RequestAccess member) =>
        !member.Request.IsEditable ? Domain.AccessRequests.AccessRequestErrors.NotEditable.Message
        : !member.IsApplicant ? member.Role is { } role
            ? $"Vous êtes {role.FrenchLabel().ToLowerInvariant()} de cette organisation : seul le demandeur peut modifier la demande."
            : "Seul un demandeur de l'organisation peut modifier la demande."
        : null;
}

/// <summary>A scope as the partner chooses it: its French name, its code in small type.</summary>
public sealed record ScopeOption(string Code, string Label);

public sealed record ScopeGroup(string ProviderName, IReadOnlyList<ScopeOption> Scopes)
{
    public IReadOnlyList<string> Codes => [.. Scopes.Select(s => s.Code)];
}

/// <summary>What the use case a request was started from puts on the wizard: its scopes first (some locked), its legal-basis hint.</summary>
public sealed record UseCaseGuide(string Title, IReadOnlyList<ScopeOption> Offered, IReadOnlySet<string> Locked, string? LegalBasisHint);

public sealed record CharterView(string Title, string Label, IReadOnlyList<string> Paragraphs)
{
    public static CharterView From(CharterVersion charter)
    {
        ArgumentNullException.ThrowIfNull(charter);
        return new CharterView(charter.Title, charter.Label, ParagraphsOf(charter.Body));
    }

    /// <summary>A charter text as paragraphs (separated by an empty line).</summary>
    public static IReadOnlyList<string> ParagraphsOf(string? body) =>
        (body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>The reference data a step needs besides its own fields (empty for the others).</summary>
public sealed record StepExtras(
    LegalDocument? CurrentDocument = null,
    IReadOnlyList<ScopeGroup>? ScopeGroups = null,
    IReadOnlyList<ScopeOption>? UnofferedScopes = null,
    CharterView? Charter = null,
    string? OutdatedAcceptanceLabel = null,
    UseCaseGuide? UseCase = null,
    IReadOnlyList<Error>? SectionErrors = null,
    IReadOnlyList<MemberOption>? OrganizationMembers = null)
{
    /// <summary>On the contacts step: the organization's members, to fill a contact with one of them.</summary>
    public IReadOnlyList<MemberOption> Members => OrganizationMembers ?? [];

    /// <summary>The section's errors as saved (fields relative to the section), shown when the step is opened to check it.</summary>
    public IReadOnlyList<Error> Errors => SectionErrors ?? [];

    public IReadOnlyList<ScopeGroup> Groups => ScopeGroups ?? [];
    public IReadOnlyList<ScopeOption> Unoffered => UnofferedScopes ?? [];
}

public interface IStepPage
{
    StepHeader Header { get; }
    StepExtras Extras { get; }

    /// <summary>The same page showing another form (what was just posted).</summary>
    IStepPage WithForm(StepForm form);
}

public sealed record StepPage<TForm>(StepHeader Header, TForm Form, StepExtras Extras) : IStepPage where TForm : StepForm
{
    public IStepPage WithForm(StepForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.ToPage(Header, Extras);
    }
}

/// <summary>French labels of the wizard's choices.</summary>
public static class StepLabels
{
    public static readonly IReadOnlyDictionary<ProcedureModalities, (string Label, string Hint)> Modalities =
        new Dictionary<ProcedureModalities, (string, string)>
        {
            [ProcedureModalities.AgentTypedParameters] = ("Saisie par un agent", "Un agent saisit les informations de l'usager dans votre logiciel."),
            [ProcedureModalities.CitizenForm] = ("Formulaire usager", "L'usager remplit lui-même un formulaire en ligne."),
            [ProcedureModalities.FranceConnect] = ("FranceConnect", "L'usager se connecte avec FranceConnect."),
        };

    public static readonly System.Globalization.CultureInfo French = new("fr-FR");

    private static readonly Dictionary<string, string> ContactRoles = new(StringComparer.Ordinal)
    {
        ["BusinessContact"] = "Contact métier",
        ["TechnicalContact"] = "Contact technique",
        ["Dpo"] = "Délégué à la protection des données",
    };

    /// <summary>The contact an error is about ("Contacts.Dpo.Email" → the DPO), or null.</summary>
    public static string? ContactOf(Error error) =>
        error?.Field?.Split('.').Select(part => ContactRoles.GetValueOrDefault(part)).FirstOrDefault(label => label is not null);

    /// <summary>The message, prefixed with the contact it is about when there are three alike.</summary>
    public static string Describe(Error error) =>
        ContactOf(error) is { } contact ? $"{contact} : {error.Message}" : error?.Message ?? "";

    /// <summary>The same for a form field's error in the error summary ("Form.Dpo.Email").</summary>
    public static string DescribeField(string field, string message) => Describe(new Error("", message, field));

    public static string YesNo(bool value) => value ? "Oui" : "Non";

    public static string FileSize(long bytes) => bytes >= 1024 * 1024
        ? string.Format(French, "{0:0.#} Mo", bytes / 1048576.0)
        : string.Format(French, "{0} Ko", Math.Max(1, bytes / 1024));
}
