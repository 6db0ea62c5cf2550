using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Admin.Web.Features.AccessRequests.Documents;
using Admin.Web.Features.AccessRequests.Steps;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>
/// The request wizard: six steps saved as typed, the summary, the sending, and the legal-basis
/// document. Another organization's request is answered 404, as if it did not exist.
/// </summary>
[Authorize(Policy = Policies.Partner), Route("demandes/{id:guid}")]
public sealed class AccessRequestStepsController(IMediator mediator) : Controller
{
    /// <summary>Upload limit of the transport, above the 10 MB of a document, so the handler can say "too large" in French.</summary>
    private const long UploadRequestLimit = 32 * 1024 * 1024;

    public const string ContinueIntent = "continue";
    public const string DraftIntent = "draft";

    /// <param name="verifier">"1": the step opened from the summary shows its errors as saved.</param>
    [HttpGet("etapes/{step}")]
    public async Task<IActionResult> Show(Guid id, string step, string? verifier, CancellationToken ct)
    {
        if (StepRoutes.FromSlug(step) is not { } known) return NotFound();
        var page = await mediator.Send(new ShowStep.Query(id, known, WithErrors: verifier == "1"), ct);
        return this.Page(page, p =>
        {
            if (p.Extras.Errors.Count > 0) ModelState.AddErrors(Result.Invalid([.. p.Extras.Errors]), StepForm.Prefix);
            return View(known.ToString(), p);
        });
    }

    [HttpPost("etapes/demarche")]
    public Task<IActionResult> SaveProcedure(Guid id, [Bind(Prefix = StepForm.Prefix)] ProcedureForm form, string? intent, CancellationToken ct) =>
        SaveAsync(id, form, intent, ct);

    [HttpPost("etapes/cadre-juridique")]
    [RequestSizeLimit(UploadRequestLimit), RequestFormLimits(MultipartBodyLengthLimit = UploadRequestLimit)]
    public Task<IActionResult> SaveLegalBasis(Guid id, [Bind(Prefix = StepForm.Prefix)] LegalBasisForm form, string? intent, CancellationToken ct) =>
        SaveAsync(id, form, intent, ct);

    [HttpPost("etapes/donnees")]
    public Task<IActionResult> SaveScopes(Guid id, [Bind(Prefix = StepForm.Prefix)] ScopesForm form, string? intent, CancellationToken ct) =>
        SaveAsync(id, form, intent, ct);

    [HttpPost("etapes/donnees-personnelles")]
    public Task<IActionResult> SaveDataProtection(Guid id, [Bind(Prefix = StepForm.Prefix)] DataProtectionForm form, string? intent, CancellationToken ct) =>
        SaveAsync(id, form, intent, ct);

    /// <summary>
    /// The contacts step; "C'est moi", "identique au contact métier" and "Remplir avec ce membre" fill one contact, then
    /// save as a draft.
    /// </summary>
    [HttpPost("etapes/contacts")]
    public async Task<IActionResult> SaveContacts(Guid id, [Bind(Prefix = StepForm.Prefix)] ContactsForm form, string? intent, CancellationToken ct)
    {
        if (FillContact.Parse(intent) is not var (target, source)) return await SaveAsync(id, form, intent, ct);

        ContactForm filled;
        if (source == FillContact.Member)
        {
            var chosen = Request.HasFormContentType ? Request.Form[FillContact.MemberField(target)].ToString() : null;
            var member = await mediator.Send(new FillContact.MemberQuery(id, target, chosen), ct);
            if (member.IsFailure)
            {
                if (this.Refusal(member) is { } refusal) return refusal;
                // What was typed is saved as a draft; the step comes back with the message beside the list.
                ModelState.AddErrors(member);
                var again = await SaveAsync(id, form, DraftIntent, ct);
                if (again is ViewResult) Response.StatusCode = StatusCodes.Status400BadRequest;
                return again;
            }

            filled = member.Value;
        }
        else
        {
            filled = source == FillContact.Me ? await mediator.Send(new FillContact.Query(), ct) : FillContact.Of(form, source);
        }

        // The posted values of that contact must leave ModelState, or its fields would show them again.
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith($"{StepForm.Prefix}.{target}.", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        var answer = await SaveAsync(id, FillContact.With(form, target, filled), DraftIntent, ct);
        TempData["Flash"] = source switch
        {
            FillContact.Me => "Le contact est rempli avec vos coordonnées ; vérifiez-les et complétez le téléphone s'il manque.",
            FillContact.Member => "Le contact est rempli avec les coordonnées du membre choisi ; vérifiez-les et complétez le téléphone s'il manque.",
            _ => "Le contact est repris ; vérifiez-le.",
        };
        return answer;
    }

    [HttpPost("etapes/engagements")]
    public Task<IActionResult> SaveEngagements(Guid id, [Bind(Prefix = StepForm.Prefix)] EngagementsForm form, string? intent, CancellationToken ct) =>
        SaveAsync(id, form, intent, ct);

    [HttpGet("recapitulatif")]
    public async Task<IActionResult> Summary(Guid id, CancellationToken ct)
    {
        var page = await mediator.Send(new ShowSummary.Query(id), ct);
        return this.Page(page, p => View(p));
    }

    [HttpPost("soumettre")]
    public async Task<IActionResult> Submit(Guid id, int version, CancellationToken ct)
    {
        var result = await mediator.Send(new Submit.Command(id, version), ct);
        if (result.IsSuccess)
        {
            TempData["Flash"] = "Votre demande a été envoyée. Vous allez recevoir un accusé de réception par courriel ; un instructeur va l'examiner.";
            return Redirect(StepRoutes.RequestUrl(id));
        }

        if (this.Refusal(result) is { } refusal) return refusal;
        var page = await mediator.Send(new ShowSummary.Query(id), ct);
        if (page.IsFailure) return this.Page(page, p => View(p));
        // The summary lists the errors beside its sections, not in ModelState.
        Response.StatusCode = ResultExtensions.StatusOf(result);
        return View(nameof(Summary), page.Value with { SubmitErrors = result.Errors });
    }

    [HttpGet("documents/{documentId:guid}")]
    public async Task<IActionResult> Document(Guid id, Guid documentId, CancellationToken ct)
    {
        var document = await mediator.Send(new DownloadDocument.Query(id, documentId), ct);
        return this.Page(document, d => this.PrivateDocument(d));
    }

    /// <summary>
    /// Saves what was posted, even when some of it did not bind (e.g. "abc" as a number: the other
    /// fields are saved, that one is shown again with its message). "Étape suivante" goes on to the
    /// next step (the summary after the last) even when the step still has errors: they are saved
    /// as typed and listed on the summary. Only a value that could not be saved keeps the partner on
    /// the step. "Draft" stays on the step and shows its errors.
    /// </summary>
    private async Task<IActionResult> SaveAsync(Guid id, StepForm form, string? intent, CancellationToken ct)
    {
        // Before the domain's errors are added: only model binding has filed any yet.
        var sawUnboundValue = !ModelState.IsValid;
        var result = await mediator.Send(new SaveStep.Command(id, form, ClientIp()), ct);
        if (this.Refusal(result) is { } refusal) return refusal;

        var isDraft = intent == DraftIntent;
        if (result.IsFailure)
        {
            // A validation failure carries the form's full field names; a conflict belongs to no field.
            this.ShowErrors(result);
        }
        else if (!isDraft && !sawUnboundValue && !form.LostSomething(result.Value))
        {
            if (result.Value.Count > 0)
            {
                TempData["Flash"] = $"L'étape « {form.Step.FrenchLabel()} » est enregistrée. "
                    + (result.Value.Count == 1 ? "Un point reste à compléter ; il est listé" : $"{result.Value.Count} points restent à compléter ; ils sont listés")
                    + " dans le récapitulatif.";
            }

            return Redirect(form.Step.Next() is { } next ? StepRoutes.StepUrl(id, next) : StepRoutes.SummaryUrl(id));
        }
        else
        {
            ModelState.AddErrors(Result.Invalid([.. result.Value]), StepForm.Prefix);
            if (isDraft) TempData["Flash"] = "Brouillon enregistré.";
            if (ModelState.IsValid) return Redirect(StepRoutes.StepUrl(id, form.Step));
            Response.StatusCode = isDraft ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        }

        var page = await mediator.Send(new ShowStep.Query(id, form.Step), ct);
        return this.Page(page, p => View(form.Step.ToString(), p.WithForm(form)));
    }

    /// <summary>The client address as recorded with a charter acceptance.</summary>
    private string? ClientIp() => ClientAddresses.Format(HttpContext.Connection.RemoteIpAddress);
}
