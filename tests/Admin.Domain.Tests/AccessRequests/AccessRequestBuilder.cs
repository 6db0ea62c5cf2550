using System.Runtime.CompilerServices;
using Admin.Domain.AccessRequests;
using Admin.Domain.Authorizations;
using Admin.Domain.Charters;
using Admin.Domain.Users;

namespace Admin.Domain.Tests.AccessRequests;

/// <summary>
/// Builds a request in any state by going through the real behaviours, so a test arranges only what
/// it is about: <c>AccessRequestBuilder.Submitted().WithScopes("cnaf_quotient_familial").Build()</c>.
/// </summary>
internal sealed class AccessRequestBuilder
{
    public static readonly Guid OrganizationId = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    public static readonly Guid Applicant = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid InstructorId = Guid.Parse("00000000-0000-0000-0000-0000000000f1");

    /// <summary>An instructor of no organization: may decide on any request.</summary>
    public static readonly StaffMember Instructor = new(InstructorId, new HashSet<string> { Roles.Instructor }, new HashSet<Guid>());

    private static readonly ConditionalWeakTable<AccessRequest, Authorization> Authorizations = new();

    public static readonly CharterVersion CurrentCharter = new(2, 1, "Charte d'utilisation", "…", TestClock.Now.AddMonths(-3));

    public const string RetiredScope = "dgfip_revenu_fiscal_reference";

    /// <summary>Catalogue minus retired scopes (DGFIP is retired).</summary>
    public static readonly IReadOnlySet<string> OfferableScopes = new HashSet<string>(StringComparer.Ordinal)
    {
        "cnaf_quotient_familial", "cnaf_allocataires", "cnaf_enfants", "men_statut_scolarite", "cnous_statut_boursier",
    };

    public static Procedure ValidProcedure => new(
        "Tarification de la restauration scolaire",
        "Calcul du tarif de la cantine selon le quotient familial, lors de l'inscription en ligne.",
        "https://www.paris.fr/pages/la-restauration-scolaire",
        "Attestation de quotient familial de la CAF",
        TestClock.Today.AddMonths(3), 45_000, ProcedureModalities.CitizenForm | ProcedureModalities.FranceConnect);

    public static LegalBasis ValidLegalBasis => new(
        "Délibération 2024 DASCO 112 du Conseil de Paris", "https://www.paris.fr/deliberations/2024-dasco-112", null);

    public static DataProtection ValidDataProtection => new("Agents de la direction des affaires scolaires", 24, null);

    public static Contact ValidContact => new("Camille", "Martin", "camille.martin@paris.fr", "01 42 76 40 40");

    public static Contacts ValidContacts => new(
        ValidContact,
        new Contact("Sacha", "Bernard", "sacha.bernard@paris.fr", "+33 1 42 76 50 50"),
        new Contact("Dominique", "Petit", "dpo@paris.fr", "01.42.76.60.60"));

    private enum Target { Draft, Submitted, ChangesRequested, Approved, Refused, Revoked, Archived }

    private readonly Target _target;
    private bool _complete;
    private bool _reopened;
    private Guid _organizationId = OrganizationId;
    private Procedure? _procedure;
    private LegalBasis? _legalBasis;
    private string[]? _scopes;
    private DataProtection? _dataProtection;
    private Contacts? _contacts;
    private CharterVersion? _acceptedCharter;
    private bool _charterRemoved;
    private bool _dpoInformed = true;
    private bool _citizenConsent = true;

    private AccessRequestBuilder(Target target) => _target = target;

    /// <summary>An empty draft unless <see cref="Complete"/> or a With… method fills it.</summary>
    public static AccessRequestBuilder Draft() => new(Target.Draft);

    public static AccessRequestBuilder Submitted() => new AccessRequestBuilder(Target.Submitted).Complete();
    public static AccessRequestBuilder ChangesRequested() => new AccessRequestBuilder(Target.ChangesRequested).Complete();
    public static AccessRequestBuilder Approved() => new AccessRequestBuilder(Target.Approved).Complete();
    public static AccessRequestBuilder Refused() => new AccessRequestBuilder(Target.Refused).Complete();
    public static AccessRequestBuilder Revoked() => new AccessRequestBuilder(Target.Revoked).Complete();

    /// <summary>Archived from Refused.</summary>
    public static AccessRequestBuilder Archived() => new AccessRequestBuilder(Target.Archived).Complete();

    /// <summary>Every section valid and every engagement taken.</summary>
    public AccessRequestBuilder Complete()
    {
        _complete = true;
        return this;
    }

    /// <summary>
    /// The request was approved then reopened for an update before reaching the target state
    /// (Draft, Submitted or ChangesRequested).
    /// </summary>
    public AccessRequestBuilder Reopened()
    {
        if (_target is not (Target.Draft or Target.Submitted or Target.ChangesRequested))
            throw new InvalidOperationException("A reopened request is a draft, submitted or sent back for changes.");
        _reopened = true;
        return Complete();
    }

    /// <summary>The request (and its authorization) belong to this organization instead of <see cref="OrganizationId"/>.</summary>
    public AccessRequestBuilder ForOrganization(Guid organizationId) { _organizationId = organizationId; return this; }
    public AccessRequestBuilder WithProcedure(Procedure procedure) { _procedure = procedure; return this; }
    public AccessRequestBuilder WithLegalBasis(LegalBasis legalBasis) { _legalBasis = legalBasis; return this; }
    public AccessRequestBuilder WithScopes(params string[] scopes) { _scopes = scopes; return this; }
    public AccessRequestBuilder WithDataProtection(DataProtection dataProtection) { _dataProtection = dataProtection; return this; }
    public AccessRequestBuilder WithContacts(Contacts contacts) { _contacts = contacts; return this; }
    public AccessRequestBuilder WithCharterAccepted(CharterVersion charter) { _acceptedCharter = charter; return this; }
    public AccessRequestBuilder WithoutCharterAcceptance() { _charterRemoved = true; return this; }
    public AccessRequestBuilder WithoutDpoInformed() { _dpoInformed = false; return this; }
    public AccessRequestBuilder WithoutCitizenConsent() { _citizenConsent = false; return this; }

    /// <summary>Of this organization (a real one, for the rules that read its members) instead of <see cref="OrganizationId"/>.</summary>

    public AccessRequest Build()
    {
        var now = TestClock.Now;
        var request = AccessRequest.Create(_organizationId, Applicant, now);
        FillSections(request, now);

        if (_reopened)
        {
            Ensure(request.Submit(Applicant, CurrentCharter, OfferableScopes, now));
            Approve(request, now);
            Ensure(request.Reopen(Applicant, now));
        }

        switch (_target)
        {
            case Target.Draft:
                break;
            case Target.Submitted:
                Ensure(request.Submit(Applicant, CurrentCharter, OfferableScopes, now));
                break;
            case Target.ChangesRequested:
                Ensure(request.Submit(Applicant, CurrentCharter, OfferableScopes, now));
                Ensure(request.RequestChanges(Instructor, "Précisez la durée de conservation.", now));
                break;
            case Target.Approved:
                Ensure(request.Submit(Applicant, CurrentCharter, OfferableScopes, now));
                Approve(request, now);
                break;
            case Target.Refused:
            case Target.Archived:
                Ensure(request.Submit(Applicant, CurrentCharter, OfferableScopes, now));
                Ensure(request.Refuse(Instructor, "Le cadre juridique ne couvre pas cette démarche.", now));
                if (_target == Target.Archived) Ensure(request.Archive(Applicant, now));
                break;
            case Target.Revoked:
                Ensure(request.Submit(Applicant, CurrentCharter, OfferableScopes, now));
                Approve(request, now);
                Ensure(request.Revoke(Instructor, "Usage non conforme à la charte.", AuthorizationOf(request), now));
                break;
        }

        request.ClearDomainEvents();
        if (Authorizations.TryGetValue(request, out var authorization)) authorization.ClearDomainEvents();
        return request;
    }

    /// <summary>The authorization the request's approval created (approved, revoked or reopened requests).</summary>
    public static Authorization AuthorizationOf(AccessRequest request) =>
        Authorizations.TryGetValue(request, out var authorization) ? authorization : throw new InvalidOperationException("This request was never approved.");

    /// <summary>The request's authorization when it is being updated, else null: what <c>Approve</c> takes.</summary>
    public static Authorization? CurrentAuthorizationOf(AccessRequest request) =>
        request.IsReopening ? AuthorizationOf(request) : null;

    /// <summary>A valid grant of <paramref name="scopes"/> (all requested ones by default), default limits and expiry.</summary>
    public static Grant GrantOf(AccessRequest request, params string[] scopes) =>
        Grant.Create(scopes.Length > 0 ? scopes : request.Scopes, request.Scopes, OfferableScopes, null, null, null, null, TestClock.Now).Value;

    /// <summary>Approves with every requested scope, as the builder and tests arrange it; keeps the authorization.</summary>
    public static Authorization Approve(AccessRequest request, DateTimeOffset now, StaffMember? staff = null)
    {
        var result = request.Approve(staff ?? Instructor, GrantOf(request), CurrentAuthorizationOf(request), now);
        Ensure(result);
        Authorizations.AddOrUpdate(request, result.Value);
        return result.Value;
    }

    private void FillSections(AccessRequest request, DateTimeOffset now)
    {
        var procedure = _procedure ?? (_complete ? ValidProcedure : null);
        if (procedure is not null) Ensure(request.SaveProcedure(Applicant, procedure, now));

        var legalBasis = _legalBasis ?? (_complete ? ValidLegalBasis : null);
        if (legalBasis is not null) Ensure(request.SaveLegalBasis(Applicant, legalBasis, now));

        var scopes = _scopes ?? (_complete ? ["cnaf_quotient_familial", "cnaf_allocataires"] : null);
        if (scopes is not null) Ensure(request.SaveScopes(Applicant, scopes, OfferableScopes, now));

        var dataProtection = _dataProtection ?? (_complete ? ValidDataProtection : null);
        if (dataProtection is not null) Ensure(request.SaveDataProtection(Applicant, dataProtection, now));

        var contacts = _contacts ?? (_complete ? ValidContacts : null);
        if (contacts is not null) Ensure(request.SaveContacts(Applicant, contacts, now));

        if (_complete || _acceptedCharter is not null)
        {
            var charter = _charterRemoved ? null : _acceptedCharter ?? CurrentCharter;
            var acceptance = charter is null ? null : CharterAcceptance.Record(charter, Applicant, _organizationId, now, "192.0.2.10");
            Ensure(request.SaveEngagements(Applicant, acceptance, _dpoInformed, _citizenConsent, CurrentCharter, now));
        }
    }

    private static void Ensure(Admin.Domain.Common.Result result)
    {
        if (result.IsFailure)
            throw new InvalidOperationException("Builder step failed: " + string.Join(", ", result.Errors.Select(e => $"{e.Field}: {e.Code}")));
    }
}
