using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Admin.Web.Features.AccessRequests.Steps;

/// <summary>The wizard's addresses: one French slug per step, in the order of <see cref="AccessRequestStep"/>.</summary>
public static class StepRoutes
{
    private static readonly Dictionary<AccessRequestStep, string> Slugs = new()
    {
        [AccessRequestStep.Procedure] = "demarche",
        [AccessRequestStep.LegalBasis] = "cadre-juridique",
        [AccessRequestStep.Scopes] = "donnees",
        [AccessRequestStep.DataProtection] = "donnees-personnelles",
        [AccessRequestStep.Contacts] = "contacts",
        [AccessRequestStep.Engagements] = "engagements",
    };

    public static int Count => AccessRequestStepLabels.All.Count;

    public static string Slug(this AccessRequestStep step) => Slugs[step];

    public static AccessRequestStep? FromSlug(string? slug) =>
        Slugs.FirstOrDefault(kv => kv.Value == slug) is { Value: not null } match ? match.Key : null;

    public static AccessRequestStep? Next(this AccessRequestStep step) =>
        (int)step < Count ? step + 1 : null;

    public static AccessRequestStep? Previous(this AccessRequestStep step) =>
        (int)step > 1 ? step - 1 : null;

    public static string StepUrl(Guid requestId, AccessRequestStep step) => $"/demandes/{requestId}/etapes/{step.Slug()}";

    /// <summary>The step showing its errors (as the summary lists them), at the field of <paramref name="error"/> when it has one.</summary>
    public static string ErrorUrl(Guid requestId, AccessRequestStep step, Error? error = null) =>
        $"{StepUrl(requestId, step)}?{CheckParameter}=1{(FieldIdOf(step, error?.Field) is { } id ? "#" + id : "")}";

    /// <summary>The query parameter that makes a step show its errors when it is opened.</summary>
    public const string CheckParameter = "verifier";

    /// <summary>
    /// The id of a field's element on its step page: the error's field (relative to the section, or
    /// prefixed with the step as on submission) under the form's prefix, "Contacts.Dpo.Email" → "Form_Dpo_Email".
    /// </summary>
    public static string? FieldIdOf(AccessRequestStep step, string? field)
    {
        if (string.IsNullOrEmpty(field)) return null;
        var relative = field.StartsWith(step + ".", StringComparison.Ordinal) ? field[(step.ToString().Length + 1)..] : field;
        return TagBuilder.CreateSanitizedId($"{StepForm.Prefix}.{relative}", "_");
    }

    public static string SummaryUrl(Guid requestId) => $"/demandes/{requestId}/recapitulatif";

    public static string SubmitUrl(Guid requestId) => $"/demandes/{requestId}/soumettre";

    public static string RequestUrl(Guid requestId) => $"/demandes/{requestId}";

    public static string DocumentUrl(Guid requestId, Guid documentId) => $"/demandes/{requestId}/documents/{documentId}";

    /// <summary>The step a submission error belongs to, from its field ("Contacts.Dpo.Email" → Contacts).</summary>
    public static AccessRequestStep? StepOfField(string? field)
    {
        var head = field?.Split('.')[0];
        return Enum.TryParse<AccessRequestStep>(head, out var step) && Enum.IsDefined(step) ? step : null;
    }
}
