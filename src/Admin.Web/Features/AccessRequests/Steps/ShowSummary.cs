using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Mediator;

namespace Admin.Web.Features.AccessRequests.Steps;

/// <summary>The whole request before it is sent: each section's content and what it still lacks.</summary>
public static class ShowSummary
{
    public sealed record Query(Guid RequestId) : IQuery<Result<SummaryPage>>;

    internal sealed class Handler(AccessService access, AdminDbContext db, TimeProvider time) : IQueryHandler<Query, Result<SummaryPage>>
    {
        public async ValueTask<Result<SummaryPage>> Handle(Query query, CancellationToken ct)
        {
            var found = await access.ForRequestAsync(query.RequestId, Need.Read, ct, tracking: false);
            if (found.IsFailure) return Result<SummaryPage>.From(found);
            var member = found.Value;

            var charter = await db.CurrentCharterAsync(ct);
            var offerable = await db.OfferableScopesAsync(ct);
            var now = time.GetUtcNow();
            var sections = AccessRequestStepLabels.All
                .Select(step => new SummarySection(step, StepRoutes.StepUrl(member.Request.Id, step),
                    member.Request.SectionErrors(step, charter, offerable, now)))
                .ToList();
            return new SummaryPage(member.Request, sections, StepHeader.ReadOnlyReasonOf(member), [], await db.ScopeLabelsAsync(ct));
        }
    }
}

public sealed record SummarySection(AccessRequestStep Step, string EditUrl, IReadOnlyList<Error> Missing)
{
    public string Title => Step.FrenchLabel();
    public bool IsComplete => Missing.Count == 0;
}

/// <param name="SubmitErrors">Why the last "Envoyer" was refused, if it was.</param>
/// <param name="ScopeLabels">The French name of each scope of the catalogue, by code.</param>
public sealed record SummaryPage(AccessRequest Request, IReadOnlyList<SummarySection> Sections, string? ReadOnlyReason, IReadOnlyList<Error> SubmitErrors,
    IReadOnlyDictionary<string, string> ScopeLabels)
{
    public string ScopeName(string code) => ScopeLabels.GetValueOrDefault(code) is { Length: > 0 } label ? label : code;

    public bool CanEdit => ReadOnlyReason is null;
    public bool IsComplete => Sections.All(s => s.IsComplete);
    public string SubmitUrl => StepRoutes.SubmitUrl(Request.Id);

    public string? DocumentUrl => Request.LegalBasis.Document is { } document ? StepRoutes.DocumentUrl(Request.Id, document.DocumentId) : null;

    /// <summary>The errors of the last refused "Envoyer", by step in the wizard's order (those of no step last).</summary>
    public IReadOnlyList<(AccessRequestStep? Step, IReadOnlyList<Error> Errors)> SubmitErrorsByStep =>
        [.. SubmitErrors.GroupBy(e => StepRoutes.StepOfField(e.Field)).OrderBy(g => g.Key is null).ThenBy(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<Error>)[.. g]))];
}
