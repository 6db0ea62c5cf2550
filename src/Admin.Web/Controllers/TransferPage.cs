using Admin.Domain.Common;
using Admin.Web.Features.AccessRequests;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>
/// The transfer confirmation page (Views/AccessRequests/Transfer.cshtml), shown to an applicant on
/// /demandes/{id}/transferer and to an administrator on /admin/demandes/{id}/transfert.
/// </summary>
public sealed record TransferPage(Transfer.View View, Transfer.Form Form, bool ForStaff)
{
    public const string ViewPath = "~/Views/AccessRequests/Transfer.cshtml";

    public string Action => ForStaff ? $"/admin/demandes/{View.Request.Id}/transfert" : $"/demandes/{View.Request.Id}/transferer";

    public string Back => ForStaff ? $"/instruction/demandes/{View.Request.Id}" : $"/demandes/{View.Request.Id}";

    /// <summary>The page, or the request's page with a flash when it cannot be transferred any more (archived).</summary>
    public static async Task<IActionResult> ShowAsync(Controller controller, IMediator mediator, Guid id, string back, bool forStaff,
        CancellationToken ct)
    {
        var result = await mediator.Send(new Transfer.Query(id), ct);
        if (result.FailureKind == ErrorKind.Conflict) return controller.RedirectWithErrors(result, back);
        return controller.Page(result, view => controller.View(ViewPath, new TransferPage(view, new Transfer.Form(), forStaff)));
    }

    /// <summary>The form's answer, alike on both sides: the request's page with a flash, or the form again with its errors.</summary>
    public static async Task<IActionResult> PostAsync(Controller controller, IMediator mediator, Guid id, Transfer.Form? form, string back,
        bool forStaff, CancellationToken ct)
    {
        form ??= new Transfer.Form();
        var result = await mediator.Send(new Transfer.Command(id, form), ct);
        if (result.IsSuccess)
            return controller.RedirectWithFlash(back, "La demande est transférée : l'ancien et le nouveau demandeur sont prévenus par courriel.");
        if (controller.Refusal(result) is { } refusal) return refusal;
        if (result.FailureKind == ErrorKind.Conflict) return controller.RedirectWithErrors(result, back);

        var page = await mediator.Send(new Transfer.Query(id), ct);
        if (page.IsFailure) return controller.RedirectWithErrors(page, back);
        controller.ShowErrors(result, "Form");
        return controller.View(ViewPath, new TransferPage(page.Value, form, forStaff));
    }
}
