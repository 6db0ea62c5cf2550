using Admin.Domain.AccessRequests;
using Admin.Domain.Charters;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Web.Features.Access;

namespace Admin.Web.Features.AccessRequests.Steps;

/// <summary>What every step page shows around its form: title, stepper, and whether it can be edited.</summary>
public sealed record StepHeader(Guid RequestId, AccessRequestStep Step, string? ProcedureName, string? ReadOnlyReason)
{
    public bool CanEdit => ReadOnlyReason is null;
    public int Number => (int)Step;
    public string Title => Step.FrenchLabel();
    public string? NextTitle => Step.Next()?.FrenchLabel();
    public string? PreviousUrl => Step.Previous() is { } previous ? StepRoutes.StepUrl(RequestId, previous) : null;
    public string FormAction => StepRoutes.StepUrl(RequestId, Step);
    public string SummaryUrl => StepRoutes.SummaryUrl(RequestId);

    public static StepHeader For(RequestAccess member, AccessRequestStep step)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new StepHeader(member.Request.Id, step, member.Request.Procedure.Name, ReadOnlyReasonOf(member));
    }

    /// <summary>Why the signed-in member cannot change the request; null when they can.</summary>
    public static string? ReadOnlyReasonOf(RequestAccess member) =>
        !member.Request.IsEditable ? Domain.AccessRequests.AccessRequestErrors.NotEditable.Message
        : !member.IsApplicant ? member.Role is { } role
            ? $"Vous êtes {role.FrenchLabel().ToLowerInvariant()} de cette organisation : seul le demandeur peut modifier la demande."
            : "Seul un demandeur de l'organisation peut modifier la demande."
        : null;
}

public sealed record ScopeGroup(string ProviderName, IReadOnlyList<string> Codes);

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
    IReadOnlyList<string>? UnofferedScopes = null,
    CharterView? Charter = null,
    string? OutdatedAcceptanceLabel = null)
{
    public IReadOnlyList<ScopeGroup> Groups => ScopeGroups ?? [];
    public IReadOnlyList<string> Unoffered => UnofferedScopes ?? [];
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

    public static string YesNo(bool value) => value ? "Oui" : "Non";

    public static string FileSize(long bytes) => bytes >= 1024 * 1024
        ? string.Format(French, "{0:0.#} Mo", bytes / 1048576.0)
        : string.Format(French, "{0} Ko", Math.Max(1, bytes / 1024));
}
