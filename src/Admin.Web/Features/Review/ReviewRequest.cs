using Admin.Domain.AccessRequests;
using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Domain.Users;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Features.AccessRequests;
using Admin.Web.Features.Messages;
using Admin.Domain.Messages;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Review;

/// <summary>
/// The staff review page (/instruction/demandes/{id}): every section, the charter acceptance record,
/// the legal document, scopes by provider, the organization and its members, the timeline, what
/// changed since the previous submission, and the decisions this staff member may take.
/// </summary>
public static class ReviewRequest
{
    public sealed record Query(Guid RequestId) : IQuery<Result<View>>;

    public sealed record Member(string Name, string Email, MembershipRole Role);

    public sealed record ScopeItem(string Code, string Label);

    public sealed record ScopeGroup(string ProviderCode, string ProviderName, IReadOnlyList<ScopeItem> Scopes);

    public sealed record CharterRecord(int Major, int Minor, string AcceptedBy, DateTimeOffset AcceptedAt, string? ClientIp);

    public sealed record Change(string Label, string? Before, string? After, bool IsScope);

    public sealed record View(
        AccessRequest Request,
        Organization Organization,
        IReadOnlyList<Member> Members,
        IReadOnlyList<ScopeGroup> Scopes,
        CharterRecord? Charter,
        IReadOnlyList<Details.TimelineEntry> Timeline,
        string? ComparedWith,
        IReadOnlyList<Change>? Changes,
        string? AssigneeName,
        Authorization? Authorization,
        StaffMember Staff,
        DateOnly LatestExpiry,
        MessageThread Thread,
        IReadOnlyDictionary<string, string> ScopeLabels,
        string? ApplicantName = null)
    {
        /// <summary>A scope as staff read it: its French name, or its code when the catalogue has none.</summary>
        public string ScopeName(string code) => ScopeLabels.GetValueOrDefault(code) is { Length: > 0 } label ? label : code;

        public string Title => RequestTitle.Of(Request.Procedure.Name);
        public bool MayDecide => Staff.CanReview && !Staff.IsMemberOf(Request.OrganizationId);
        public bool CanRequestChanges => MayDecide && AccessRequestLifecycle.IsAllowed(Request.Status, Request.IsReopening, AccessRequestTransition.RequestChanges);
        public bool CanApprove => MayDecide && AccessRequestLifecycle.IsAllowed(Request.Status, Request.IsReopening, AccessRequestTransition.Approve);
        public bool CanRefuse => MayDecide && AccessRequestLifecycle.IsAllowed(Request.Status, Request.IsReopening, AccessRequestTransition.Refuse);
        public bool CanRevoke => MayDecide && Request.AuthorizationId is not null && AccessRequestLifecycle.IsAllowed(Request.Status, Request.IsReopening, AccessRequestTransition.Revoke);
        public bool CanTake => MayDecide && Request.Status is AccessRequestStatus.Submitted or AccessRequestStatus.ChangesRequested && Request.AssignedTo != Staff.UserId;
        public bool IsConflictOfInterest => Staff.CanReview && Staff.IsMemberOf(Request.OrganizationId);
        public bool CanTransfer => Staff.IsAdministrator && Request.Status != AccessRequestStatus.Archived;
    }

    internal sealed class Handler(AdminDbContext db, AccessService access, MessageThreads threads, TimeProvider time) : IQueryHandler<Query, Result<View>>
    {
        public async ValueTask<Result<View>> Handle(Query query, CancellationToken ct)
        {
            var allowed = await access.ForRequestAsync(query.RequestId, Need.Read, ct, tracking: false);
            if (allowed.IsFailure) return Result<View>.From(allowed);
            var request = allowed.Value.Request;
            var staff = await access.CurrentStaffAsync(ct);

            var organization = await db.Organizations.AsNoTracking().Include(o => o.Memberships).SingleAsync(o => o.Id == request.OrganizationId, ct);
            var memberIds = organization.Memberships.Select(m => m.UserId).ToList();
            var people = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id) || u.Id == request.AssignedTo || u.Id == request.ApplicantId)
                .ToDictionaryAsync(u => u.Id, u => (Name: (u.FirstName + " " + u.LastName).Trim(), Email: u.Email ?? ""), ct);
            var members = organization.Memberships
                .Where(m => people.ContainsKey(m.UserId))
                .Select(m => new Member(people[m.UserId].Name, people[m.UserId].Email, m.Role))
                .OrderBy(m => m.Role).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();

            var catalogue = await db.Scopes.AsNoTracking().ToDictionaryAsync(s => s.Code, s => (s.ProviderCode, s.ProviderName, s.Label), ct);
            var labels = catalogue.ToDictionary(kv => kv.Key, kv => kv.Value.Label, StringComparer.Ordinal);
            var scopes = request.Scopes
                .GroupBy(code => catalogue.TryGetValue(code, out var p) ? (p.ProviderCode, p.ProviderName) : ("?", "Donnée inconnue du catalogue"))
                .OrderBy(g => g.Key.Item1, StringComparer.Ordinal)
                .Select(g => new ScopeGroup(g.Key.Item1, g.Key.Item2,
                    [.. g.Order(StringComparer.Ordinal).Select(code => new ScopeItem(code, labels.GetValueOrDefault(code) is { Length: > 0 } l ? l : code))]))
                .ToList();

            CharterRecord? charter = null;
            if (request.Engagements.CharterAcceptanceId is { } acceptanceId
                && await db.CharterAcceptances.AsNoTracking().FirstOrDefaultAsync(a => a.Id == acceptanceId, ct) is { } acceptance)
            {
                var by = await db.Users.AsNoTracking().Where(u => u.Id == acceptance.UserId)
                    .Select(u => (u.FirstName + " " + u.LastName).Trim() + " (" + u.Email + ")").FirstOrDefaultAsync(ct);
                charter = new CharterRecord(acceptance.Major, acceptance.Minor, by ?? "compte supprimé", acceptance.AcceptedAt, acceptance.ClientIp);
            }

            var (comparedWith, changes) = Compare(request, labels);
            var authorization = request.AuthorizationId is { } authorizationId
                ? await db.Authorizations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == authorizationId, ct)
                : null;
            var timeline = await Details.TimelineAsync(db, request.Id, ct);
            var assignee = request.AssignedTo is { } assigned && people.TryGetValue(assigned, out var a) ? a.Name : null;
            var mayWrite = staff.CanReview && !staff.IsMemberOf(request.OrganizationId) && request.Status != AccessRequestStatus.Archived;
            var thread = await threads.ReadAsync(request, staff.UserId, MessageSide.Staff, mayWrite, ct);
            return new View(request, organization, members, scopes, charter, timeline, comparedWith, changes, assignee, authorization, staff,
                Grant.LatestExpiry(time.GetUtcNow()), thread, labels,
                people.TryGetValue(request.ApplicantId, out var applicant) ? $"{applicant.Name} ({applicant.Email})" : null);
        }

        /// <summary>
        /// A resubmission is compared with the previous submission; an update (reopened request) with
        /// what was approved. A first submission has nothing to compare with.
        /// </summary>
        private static (string?, IReadOnlyList<Change>?) Compare(AccessRequest request, IReadOnlyDictionary<string, string> labels)
        {
            var submissions = request.Submissions;
            if (submissions.Count == 0) return (null, null);
            var current = submissions[^1].Content;
            if (request.IsReopening && request.ApprovedContent is { } approved)
                return ("la version validée", Labelled(RequestContent.Compare(approved, current), labels));
            if (submissions.Count >= 2)
                return ($"l'envoi n° {submissions[^2].Number} du {FrenchDay(submissions[^2].SubmittedAt)}", Labelled(RequestContent.Compare(submissions[^2].Content, current), labels));
            return (null, null);
        }

        private static string FrenchDay(DateTimeOffset at) => Admin.Infrastructure.Email.FrenchDates.Day(at);

        private static IReadOnlyList<Change> Labelled(IReadOnlyList<FieldChange> changes, IReadOnlyDictionary<string, string> labels) =>
            [.. changes.Select(c => new Change(FieldLabels.For(c.Field, labels), c.Before, c.After, c.IsScope))];
    }
}

/// <summary>The French name of each field of a request, as the diff shows it.</summary>
public static class FieldLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Procedure.Name"] = "Démarche : nom",
        ["Procedure.Description"] = "Démarche : description",
        ["Procedure.PublicUrl"] = "Démarche : adresse en ligne",
        ["Procedure.Simplification"] = "Démarche : justificatifs supprimés",
        ["Procedure.ExpectedGoLive"] = "Démarche : mise en service prévue",
        ["Procedure.YearlyVolume"] = "Démarche : volume annuel",
        ["Procedure.Modalities"] = "Démarche : modalités d'accès",
        ["LegalBasis.Title"] = "Cadre juridique : intitulé",
        ["LegalBasis.Url"] = "Cadre juridique : adresse du texte",
        ["LegalBasis.Document"] = "Cadre juridique : document joint",
        ["DataProtection.Recipients"] = "Données personnelles : destinataires",
        ["DataProtection.RetentionMonths"] = "Données personnelles : durée de conservation (mois)",
        ["DataProtection.RetentionJustification"] = "Données personnelles : justification de la durée",
        ["Engagements.Charter"] = "Charte acceptée (version)",
    };

    private static readonly Dictionary<string, string> Roles = new(StringComparer.Ordinal)
    {
        ["BusinessContact"] = "contact métier",
        ["TechnicalContact"] = "contact technique",
        ["Dpo"] = "délégué à la protection des données",
    };

    private static readonly Dictionary<string, string> ContactFields = new(StringComparer.Ordinal)
    {
        ["FirstName"] = "prénom",
        ["LastName"] = "nom",
        ["Email"] = "adresse électronique",
        ["Phone"] = "téléphone",
    };

    /// <param name="scopeLabels">The catalogue's French names, for the scopes added or removed.</param>
    public static string For(string field, IReadOnlyDictionary<string, string>? scopeLabels = null)
    {
        if (Labels.TryGetValue(field, out var label)) return label;
        if (field.StartsWith("Scopes[", StringComparison.Ordinal))
        {
            var code = field[7..^1];
            return scopeLabels?.GetValueOrDefault(code) is { Length: > 0 } scopeName && scopeName != code ? $"Donnée « {scopeName} » ({code})" : "Donnée " + code;
        }
        var parts = field.Split('.');
        if (parts is ["Contacts", var role, var name] && Roles.TryGetValue(role, out var r) && ContactFields.TryGetValue(name, out var n))
            return $"Contacts : {n} du {r}";
        return field;
    }
}
