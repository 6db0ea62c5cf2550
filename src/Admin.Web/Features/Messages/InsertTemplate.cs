using Admin.Domain.Common;
using Admin.Domain.Messages;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Features.AccessRequests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Messages;

/// <summary>
/// A template written out for one request (its variables replaced), added after what the instructor
/// has typed so far: nothing typed is lost.
/// </summary>
public static class InsertTemplate
{
    public static readonly Error TemplateRequired = new("template.choose", "Choisissez un modèle à insérer.");

    /// <param name="Field">The form field the template goes into, for the error next to it.</param>
    public sealed record Query(Guid RequestId, Guid? TemplateId, string? TypedSoFar, string Field = "TemplateId") : IQuery<Result<string>>;

    /// <summary>The templates offered for one kind of text (a decision's message, the thread).</summary>
    public sealed record Options(TemplateKind Kind) : IQuery<IReadOnlyList<TemplateOption>>;

    internal sealed class OptionsHandler(MessageThreads threads) : IQueryHandler<Options, IReadOnlyList<TemplateOption>>
    {
        public async ValueTask<IReadOnlyList<TemplateOption>> Handle(Options query, CancellationToken ct) => await threads.TemplatesAsync(query.Kind, ct);
    }

    internal sealed class Handler(AdminDbContext db, AccessService access, EmailLinks links) : IQueryHandler<Query, Result<string>>
    {
        public async ValueTask<Result<string>> Handle(Query query, CancellationToken ct)
        {
            var allowed = await access.ForRequestAsync(query.RequestId, Need.Read, ct, tracking: false);
            if (allowed.IsFailure) return Result<string>.From(allowed);
            if (allowed.Value.Staff is not { CanReview: true }) return Result<string>.From(Result.Forbidden());

            var template = query.TemplateId is { } id
                ? await db.MessageTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && !t.IsRetired, ct)
                : null;
            if (template is null) return Result<string>.From(Result.Invalid(TemplateRequired.ForField(query.Field)));

            var request = allowed.Value.Request;
            var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == request.OrganizationId).Select(o => o.Name).SingleAsync(ct);
            var text = template.Render(new TemplateValues(organization, request.Number, RequestTitle.Of(request.Procedure.Name), links.RequestPage(request.Id)));
            var typed = query.TypedSoFar?.TrimEnd();
            return string.IsNullOrEmpty(typed) ? text : typed + "\n\n" + text;
        }
    }
}
