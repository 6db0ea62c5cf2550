using Admin.Domain.AccessRequests;
using Admin.Domain.Charters;
using Admin.Domain.Common;
using Admin.Infrastructure;
using Admin.Infrastructure.Documents;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Features.AccessRequests.Documents;
using Admin.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.AccessRequests.Steps;

/// <summary>
/// The applicant saves one step exactly as typed (autosave: incomplete content is kept). The
/// answer is the step's errors, fields relative to the form, so the page can show them.
/// </summary>
public static class SaveStep
{
    /// <param name="ClientIp">The connection's address, recorded with a charter acceptance.</param>
    public sealed record Command(Guid RequestId, StepForm Form, string? ClientIp) : ICommand<Result<IReadOnlyList<Error>>>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Form).NotNull().SetInheritanceValidator(StepFormValidators.AddTo);
        }
    }

    internal sealed class Handler(AccessService access, AdminDbContext db, ICurrentUser user, TimeProvider time,
        DataPaths paths, IDocumentScanner scanner) : ICommandHandler<Command, Result<IReadOnlyList<Error>>>
    {
        public async ValueTask<Result<IReadOnlyList<Error>>> Handle(Command command, CancellationToken ct)
        {
            var found = await access.ForRequestAsync(command.RequestId, Need.Edit, ct);
            if (found.IsFailure) return Result<IReadOnlyList<Error>>.From(found);
            var request = found.Value.Request;
            // Checked before anything is written, so a refused upload leaves no file behind.
            if (!request.IsEditable) return Result<IReadOnlyList<Error>>.From(Result.Conflict(AccessRequestErrors.NotEditable));

            var now = time.GetUtcNow();
            var upload = new LegalDocumentUpload(db, paths, scanner);
            IReadOnlyList<Error> uploadErrors = [];
            var saved = command.Form switch
            {
                ProcedureForm f => request.SaveProcedure(user.Id, f.ToDomain(), now),
                LegalBasisForm f => await SaveLegalBasisAsync(f),
                ScopesForm f => request.SaveScopes(user.Id, f.Scopes, await db.OfferableScopesAsync(ct), now),
                DataProtectionForm f => request.SaveDataProtection(user.Id, f.ToDomain(), now),
                ContactsForm f => request.SaveContacts(user.Id, f.ToDomain(), now),
                EngagementsForm f => await SaveEngagementsAsync(f),
                _ => throw new ArgumentOutOfRangeException(nameof(command), "Unknown step form."),
            };
            if (saved.IsFailure)
            {
                upload.Discard();
                return saved;
            }

            var stored = await db.SaveChangesOrConflictAsync(ct);
            if (stored.IsFailure)
            {
                upload.Discard();
                return Result<IReadOnlyList<Error>>.From(stored);
            }

            return Result.Ok<IReadOnlyList<Error>>([.. uploadErrors, .. saved.Value]);

            async Task<Result<IReadOnlyList<Error>>> SaveLegalBasisAsync(LegalBasisForm form)
            {
                // A copy, not the tracked instance: EF deletes an owned entity moved to a new owner,
                // which would drop the PDF already attached whenever no new one is accepted.
                var document = request.LegalBasis.Document is { } current ? current with { } : null;
                if (form.Document is { } file)
                {
                    var accepted = await upload.AcceptAsync(file, request, user.Id, now, ct);
                    if (accepted.IsSuccess) document = accepted.Value;
                    else uploadErrors = [.. accepted.Errors.Select(e => e.ForField(nameof(LegalBasisForm.Document)))];
                }

                return request.SaveLegalBasis(user.Id, new LegalBasis(form.Title, form.Url, document), now);
            }

            async Task<Result<IReadOnlyList<Error>>> SaveEngagementsAsync(EngagementsForm form)
            {
                var charter = await db.CurrentCharterAsync(ct);
                CharterAcceptance? acceptance = null;
                if (form.CharterAcceptance)
                {
                    if (request.Engagements.CharterAcceptanceId is { } existing && request.Engagements.CharterMajor is { } major
                        && charter.IsCoveredByAcceptanceOf(major))
                    {
                        acceptance = await db.CharterAcceptances.FindAsync([existing], ct);
                    }

                    if (acceptance is null)
                    {
                        acceptance = CharterAcceptance.Record(charter, user.Id, request.OrganizationId, now, command.ClientIp);
                        db.CharterAcceptances.Add(acceptance);
                    }
                }

                return request.SaveEngagements(user.Id, acceptance, form.DpoInformed, form.CitizenConsentCommitment, charter, now);
            }
        }
    }
}
