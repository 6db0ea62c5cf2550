using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Features.AccessRequests.Steps;
using Admin.Web.Features.Organizations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Review;

/// <summary>
/// "Préparer une demande pour une organisation": an instructor or administrator (never an auditor,
/// nor a member of the organization) finds the organization by SIRET or name, chooses one of its
/// applicants, gives at least the procedure's name; the draft is created as prepared by them and the
/// applicant is e-mailed a link to take it over (AccessRequestNotifications).
/// </summary>
public static class PrepareDraft
{
    public const int SearchLimit = 20;
    public const int SearchMaxLength = 200;

    public sealed record OrganizationRow(Guid Id, string Name, string Siret, OrganizationKind Kind, bool IsMine);

    /// <summary>The organizations a search finds (none before something is typed).</summary>
    public sealed record SearchView(string? Search, IReadOnlyList<OrganizationRow> Organizations);

    public sealed record Search(string? Text) : IQuery<Result<SearchView>>;

    /// <summary>What the form posts; the organization comes from the address.</summary>
    public sealed record Form(Guid? ApplicantId = null, string? Name = null, string? Description = null, List<string>? Scopes = null);

    public sealed record FormView(Organization Organization, IReadOnlyList<SelectOption> Applicants, IReadOnlyList<ScopeGroup> ScopeGroups);

    public sealed record FormQuery(Guid OrganizationId) : IQuery<Result<FormView>>;

    /// <summary>Succeeds with the new draft's id.</summary>
    public sealed record Command(Guid OrganizationId, Form Form) : ICommand<Result<Guid>>;

    internal sealed class SearchHandler(AdminDbContext db, AccessService access) : IQueryHandler<Search, Result<SearchView>>
    {
        public async ValueTask<Result<SearchView>> Handle(Search query, CancellationToken ct)
        {
            var text = query.Text?.Trim() ?? "";
            if (text.Length == 0) return new SearchView(null, []);
            text = text[..Math.Min(text.Length, SearchMaxLength)];

            var pattern = ListQueries.ContainsPattern(text);
            var siret = ListQueries.SiretIn(text);
            var found = await db.Organizations.AsNoTracking()
                .Where(o => EF.Functions.Like(o.Name, pattern, ListQueries.LikeEscape) || (siret != null && o.Siret == siret))
                .OrderBy(o => o.Name)
                .Take(SearchLimit)
                .Select(o => new { o.Id, o.Name, o.Siret, o.Kind })
                .ToListAsync(ct);
            var mine = (await access.MembershipsAsync(ct)).Select(m => m.OrganizationId).ToHashSet();
            return new SearchView(text, [.. found.Select(o => new OrganizationRow(o.Id, o.Name, o.Siret.Value, o.Kind, mine.Contains(o.Id)))]);
        }
    }

    internal sealed class FormQueryHandler(AdminDbContext db, AccessService access) : IQueryHandler<FormQuery, Result<FormView>>
    {
        public async ValueTask<Result<FormView>> Handle(FormQuery query, CancellationToken ct)
        {
            var allowed = await access.ForOrganizationAsync(query.OrganizationId, Need.Prepare, ct, tracking: false);
            if (allowed.IsFailure) return Result<FormView>.From(allowed);
            var organization = allowed.Value.Organization;

            var applicantIds = organization.Memberships.Where(m => m.Role == MembershipRole.Applicant).Select(m => m.UserId).ToList();
            var applicants = await db.Users.AsNoTracking().Where(u => applicantIds.Contains(u.Id))
                .OrderBy(u => u.LastName).ThenBy(u => u.FirstName)
                .Select(u => new SelectOption(u.Id.ToString(), (u.FirstName + " " + u.LastName).Trim() + " (" + u.Email + ")"))
                .ToListAsync(ct);
            return new FormView(organization, applicants, await db.OfferableScopeGroupsAsync(ct));
        }
    }

    internal sealed class Handler(AdminDbContext db, AccessService access, TimeProvider time) : ICommandHandler<Command, Result<Guid>>
    {
        public async ValueTask<Result<Guid>> Handle(Command command, CancellationToken ct)
        {
            var allowed = await access.ForOrganizationAsync(command.OrganizationId, Need.Prepare, ct, tracking: false);
            if (allowed.IsFailure) return Result<Guid>.From(allowed);

            var form = command.Form;
            var prepared = AccessRequest.PrepareFor(await access.CurrentStaffAsync(ct), allowed.Value.Organization, form.ApplicantId ?? Guid.Empty,
                form.Name, form.Description, form.Scopes, await db.OfferableScopesAsync(ct), time.GetUtcNow());
            if (prepared.IsFailure) return Result<Guid>.From(prepared);

            db.AccessRequests.Add(prepared.Value);
            await db.SaveChangesAsync(ct);
            return prepared.Value.Id;
        }
    }
}
