using Admin.Domain.Authorizations;
using Admin.Domain.Charters;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Domain.UseCases;
using Admin.Domain.Users;
using static Admin.Domain.AccessRequests.AccessRequestStatus;

namespace Admin.Domain.AccessRequests;

/// <summary>
/// A partner's request for access to API Particulier (demande d'habilitation): six sections filled
/// step by step, then the review lifecycle of the domain guide. Sections are saved as typed
/// (autosave) and checked for real only on <see cref="Submit"/>.
/// </summary>
public sealed class AccessRequest : Entity
{
    public const int MessageMaxLength = 4000;

    private readonly List<string> _scopes = [];
    private readonly List<string> _grantedScopes = [];
    private readonly List<string> _lockedScopes = [];
    private readonly List<Submission> _submissions = [];

    private AccessRequest() { }

    public Guid OrganizationId { get; private set; }

    /// <summary>
    /// Short reference staff and partners quote ("n° 3F2A9C1B7D04"): the first 12 hexadecimal digits
    /// of the id, 48 random bits (see docs/decisions/0008).
    /// </summary>
    public string Reference { get; private set; } = "";

    /// <summary>
    /// The number everyone quotes ("DA-2026-000123", <see cref="RequestNumber"/>); empty until the request is first saved,
    /// when the database's per-year counter gives it (<see cref="AssignNumber"/>).
    /// </summary>
    public string Number { get; private set; } = "";

    /// <summary>The instructor (or administrator) following the request, if someone took it.</summary>
    public Guid? AssignedTo { get; private set; }

    public DateTimeOffset? AssignedAt { get; private set; }

    /// <summary>
    /// The applicant who owns the request: told of its decisions, reminded. Its creator (for a
    /// draft prepared by staff, the member it was prepared for); changed only by
    /// <see cref="TransferTo(Guid, Organization, Guid, string?, DateTimeOffset)"/> or <see cref="TakeOver"/>.
    /// </summary>
    public Guid ApplicantId { get; private set; }

    /// <summary>The staff member who prepared this draft for the organization (a partner who called for help), if any.</summary>
    public Guid? PreparedBy { get; private set; }

    /// <summary>When a member took over the draft staff prepared; until then it awaits them.</summary>
    public DateTimeOffset? TakenOverAt { get; private set; }

    /// <summary>A draft staff prepared that no member has taken over yet: it cannot be sent before.</summary>
    public bool IsAwaitingTakeOver => PreparedBy is not null && TakenOverAt is null;

    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid UpdatedBy { get; private set; }

    /// <summary>Last submission (the queue's order); each one is kept in <see cref="Submissions"/>.</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>Last approval or refusal.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? ArchivedAt { get; private set; }

    public AccessRequestStatus Status { get; private set; }

    /// <summary>
    /// An approved request reopened for an update. Its authorization stays active meanwhile;
    /// approving the update supersedes it, refusing it returns the request to Approved.
    /// </summary>
    public bool IsReopening { get; private set; }

    /// <summary>The request this one was copied from, if any.</summary>
    public Guid? CopiedFromId { get; private set; }

    /// <summary>Last message of an instructor decision: changes asked, refusal or revocation reason.</summary>
    public string? DecisionMessage { get; private set; }

    /// <summary>
    /// Concurrency token, incremented by every behaviour: of two people acting on the same version,
    /// the second one's save fails instead of overwriting.
    /// </summary>
    public int Version { get; private set; }

    public Procedure Procedure { get; private set; } = null!;
    public LegalBasis LegalBasis { get; private set; } = null!;
    public IReadOnlyCollection<string> Scopes => _scopes.AsReadOnly();

    /// <summary>The use case the request was started from (null: "Demande libre").</summary>
    public Guid? UseCaseId { get; private set; }

    /// <summary>The use case's title when the request was started, shown to staff even if it is renamed or retired since.</summary>
    public string? UseCaseTitle { get; private set; }

    /// <summary>Scopes the use case fixed: every save of the scopes keeps them (see <see cref="SaveScopes"/>).</summary>
    public IReadOnlyCollection<string> LockedScopes => _lockedScopes.AsReadOnly();
    public DataProtection DataProtection { get; private set; } = null!;
    public Contacts Contacts { get; private set; } = null!;
    public Engagements Engagements { get; private set; } = null!;

    /// <summary>Scopes granted by the last approval; empty until approved.</summary>
    public IReadOnlyCollection<string> GrantedScopes => _grantedScopes.AsReadOnly();

    /// <summary>Every submission, oldest first, with what the request said then and how its review went.</summary>
    public IReadOnlyList<Submission> Submissions => _submissions.AsReadOnly();

    public Submission? CurrentSubmission => _submissions.Count == 0 ? null : _submissions[^1];

    /// <summary>What the last approval approved; refusing an update restores it.</summary>
    public RequestContent? ApprovedContent { get; private set; }

    /// <summary>The authorization the first approval created; an approved update updates that same one.</summary>
    public Guid? AuthorizationId { get; private set; }

    public bool IsEditable => Status is Draft or ChangesRequested;

    /// <summary>As far as the request knows: approved, or approved and being updated.</summary>
    public bool HasActiveAuthorization => Status == Approved || IsReopening;

    public static AccessRequest Create(Guid organizationId, Guid createdBy, DateTimeOffset now)
    {
        var request = NewDraft(organizationId, createdBy, now, copiedFromId: null);
        request.Raise(new AccessRequestCreated(request.Id, createdBy, now, organizationId, null));
        return request;
    }

    /// <summary>
    /// A new draft started from a use case: named after it, its preselected and fixed scopes ticked
    /// (the fixed ones locked), the legal basis's address filled when the use case gives one. Scopes
    /// the catalogue does not offer (any more) are left out.
    /// </summary>
    /// <param name="offerableScopes">Codes of the catalogue minus the retired ones.</param>
    public static Result<AccessRequest> StartFrom(UseCase useCase, IReadOnlySet<string> offerableScopes, Guid organizationId, Guid createdBy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(useCase);
        ArgumentNullException.ThrowIfNull(offerableScopes);
        if (useCase.IsRetired) return Result<AccessRequest>.Failure(ErrorKind.Validation, [UseCaseErrors.NotOffered]);

        var request = NewDraft(organizationId, createdBy, now, copiedFromId: null);
        request.UseCaseId = useCase.Id;
        request.UseCaseTitle = useCase.Title;
        request.Procedure = new Procedure(useCase.Title, null, null, null, null, null, ProcedureModalities.None);
        if (useCase.LegalBasisUrl is { } url) request.LegalBasis = new LegalBasis(null, url, null);
        request._lockedScopes.AddRange(useCase.FixedScopes.Where(offerableScopes.Contains));
        request._scopes.AddRange(useCase.PreselectedScopes.Where(offerableScopes.Contains));
        request.Raise(new AccessRequestCreated(request.Id, createdBy, now, organizationId, null, useCase.Code));
        return request;
    }

    /// <summary>
    /// A new draft with the same content, to file a similar request. The engagements are not
    /// copied: whoever submits the copy must accept the charter and attest again.
    /// </summary>
    public AccessRequest CopyAsNewDraft(Guid userId, DateTimeOffset now)
    {
        var copy = NewDraft(OrganizationId, userId, now, copiedFromId: Id);
        copy.Procedure = Procedure with { };
        copy.LegalBasis = LegalBasis.Copy();
        copy._scopes.AddRange(_scopes);
        copy.UseCaseId = UseCaseId;
        copy.UseCaseTitle = UseCaseTitle;
        copy._lockedScopes.AddRange(_lockedScopes);
        copy.DataProtection = DataProtection with { };
        copy.Contacts = Contacts.Copy();
        copy.Raise(new AccessRequestCreated(copy.Id, userId, now, OrganizationId, Id));
        return copy;
    }

    /// <summary>A copy of what the request says now.</summary>
    public RequestContent Content() => new(Procedure with { }, LegalBasis.Copy(), [.. _scopes], DataProtection with { }, Contacts.Copy(),
        Engagements.CharterMajor, Engagements.CharterMinor);

    // Sections. Each save keeps what was typed, even incomplete, and answers the section's errors
    // (fields relative to the section) so the form can show them; it fails only when the request
    // cannot be edited any more.

    public Result<IReadOnlyList<Error>> SaveProcedure(Guid actorUserId, Procedure procedure, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        if (!IsEditable) return NotEditable();
        Procedure = procedure;
        Touch(actorUserId, now);
        return Result<IReadOnlyList<Error>>.Success(Procedure.Validate(Today(now)));
    }

    public Result<IReadOnlyList<Error>> SaveLegalBasis(Guid actorUserId, LegalBasis legalBasis, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(legalBasis);
        if (!IsEditable) return NotEditable();
        LegalBasis = legalBasis;
        Touch(actorUserId, now);
        return Result<IReadOnlyList<Error>>.Success(LegalBasis.Validate());
    }

    /// <summary>
    /// The scopes as ticked, plus those the use case locked (a locked box is not posted, and a forged
    /// post cannot drop one) as long as the catalogue still offers them.
    /// </summary>
    /// <param name="offerableScopes">Codes of the catalogue minus the retired ones.</param>
    public Result<IReadOnlyList<Error>> SaveScopes(Guid actorUserId, IEnumerable<string> scopes, IReadOnlySet<string> offerableScopes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(offerableScopes);
        if (!IsEditable) return NotEditable();
        _scopes.Clear();
        _scopes.AddRange(CleanScopes([.. _lockedScopes.Where(offerableScopes.Contains), .. scopes]));
        Touch(actorUserId, now);
        return Result<IReadOnlyList<Error>>.Success(ScopeErrors(offerableScopes));
    }

    public Result<IReadOnlyList<Error>> SaveDataProtection(Guid actorUserId, DataProtection dataProtection, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dataProtection);
        if (!IsEditable) return NotEditable();
        DataProtection = dataProtection;
        Touch(actorUserId, now);
        return Result<IReadOnlyList<Error>>.Success(DataProtection.Validate());
    }

    public Result<IReadOnlyList<Error>> SaveContacts(Guid actorUserId, Contacts contacts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        if (!IsEditable) return NotEditable();
        Contacts = contacts;
        Touch(actorUserId, now);
        return Result<IReadOnlyList<Error>>.Success(Contacts.Validate());
    }

    /// <param name="charterAcceptance">The acceptance recorded for this organization, or null when the box is unchecked.</param>
    public Result<IReadOnlyList<Error>> SaveEngagements(Guid actorUserId, CharterAcceptance? charterAcceptance, bool dpoInformed,
        bool citizenConsentCommitment, CharterVersion currentCharter, DateTimeOffset now)
    {
        if (charterAcceptance is not null && charterAcceptance.OrganizationId != OrganizationId)
            throw new ArgumentException("The charter was accepted for another organization.", nameof(charterAcceptance));
        if (!IsEditable) return NotEditable();
        Engagements = new Engagements(charterAcceptance, dpoInformed, citizenConsentCommitment);
        Touch(actorUserId, now);
        return Result<IReadOnlyList<Error>>.Success(Engagements.Validate(currentCharter));
    }

    /// <summary>Errors of one section as it stands; fields relative to the section (e.g. "BusinessContact.Email").</summary>
    public IReadOnlyList<Error> SectionErrors(AccessRequestStep step, CharterVersion currentCharter, IReadOnlySet<string> offerableScopes, DateTimeOffset now) =>
        step switch
        {
            AccessRequestStep.Procedure => Procedure.Validate(Today(now)),
            AccessRequestStep.LegalBasis => LegalBasis.Validate(),
            AccessRequestStep.Scopes => ScopeErrors(offerableScopes),
            AccessRequestStep.DataProtection => DataProtection.Validate(),
            AccessRequestStep.Contacts => Contacts.Validate(),
            AccessRequestStep.Engagements => Engagements.Validate(currentCharter),
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };

    /// <summary>
    /// Errors of every section; each field is prefixed with its step ("Procedure.Name",
    /// "Contacts.Dpo.Email", "Engagements.CharterAcceptance"; for step 3 just "Scopes").
    /// </summary>
    public IReadOnlyList<Error> SubmissionErrors(CharterVersion currentCharter, IReadOnlySet<string> offerableScopes, DateTimeOffset now) =>
    [
        .. AccessRequestStepLabels.All.SelectMany(step =>
            SectionErrors(step, currentCharter, offerableScopes, now)
                .Select(e => e.Field == step.ToString() ? e : e.ForField(e.Field is null ? step.ToString() : $"{step}.{e.Field}"))),
    ];

    // Lifecycle

    public Result Submit(Guid applicantUserId, CharterVersion currentCharter, IReadOnlySet<string> offerableScopes, DateTimeOffset now)
    {
        if (!CanStart(AccessRequestTransition.Submit, out var refused)) return refused;
        if (IsAwaitingTakeOver) return Result.Conflict(AccessRequestErrors.TakeOverRequired);

        var errors = SubmissionErrors(currentCharter, offerableScopes, now);
        if (errors.Count > 0) return Result.Failure(ErrorKind.Validation, errors);

        var from = Status;
        Status = Submitted;
        SubmittedAt = now;
        _submissions.Add(new Submission(_submissions.Count + 1, applicantUserId, now, IsReopening, Content()));
        Touch(applicantUserId, now);
        Raise(new AccessRequestSubmitted(Id, applicantUserId, now, from, IsReopening));
        return Result.Ok();
    }

    public Result RequestChanges(StaffMember staff, string? message, DateTimeOffset now)
    {
        if (!MayDecide(staff, out var forbidden)) return forbidden;
        if (!CanStart(AccessRequestTransition.RequestChanges, out var refused)) return refused;
        if (!IsValidMessage(message, AccessRequestErrors.ChangesMessageRequired, "Message", out var text, out var invalid)) return invalid;

        var from = Status;
        Status = ChangesRequested;
        DecisionMessage = text;
        CurrentSubmission?.End(SubmissionOutcome.ChangesRequested, now);
        Touch(staff.UserId, now);
        Raise(new AccessRequestChangesRequested(Id, staff.UserId, now, from, text));
        return Result.Ok();
    }

    /// <summary>
    /// Grants <paramref name="grant"/> (scopes, limits, expiry). A first approval creates the
    /// authorization, which the caller adds to the same unit of work; the approval of an update
    /// changes <paramref name="current"/> in place, so the keys it carries keep working.
    /// </summary>
    /// <param name="current">The request's authorization when it is an update (reopened), null otherwise.</param>
    /// <param name="message">An optional word to the applicant (next steps), shown on the request and in the e-mail.</param>
    public Result<Authorization> Approve(StaffMember staff, Grant grant, Authorization? current, DateTimeOffset now, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (!MayDecide(staff, out var forbidden)) return Result<Authorization>.From(forbidden);
        if (!CanStart(AccessRequestTransition.Approve, out var refused)) return Result<Authorization>.From(refused);
        if (IsReopening != current is not null || (current is not null && current.Id != AuthorizationId))
            throw new ArgumentException("An update is approved with the request's own authorization, a first request without one.", nameof(current));
        if (!grant.Scopes.All(_scopes.Contains))
            return Result<Authorization>.Failure(ErrorKind.Validation, [AuthorizationErrors.GrantedScopesNotRequested.ForField("GrantedScopes")]);
        var note = SectionRules.Clean(message);
        if (note?.Length > MessageMaxLength)
            return Result<Authorization>.Failure(ErrorKind.Validation, [AccessRequestErrors.MessageTooLong.ForField("Message")]);

        var from = Status;
        var isUpdate = IsReopening;
        Status = Approved;
        IsReopening = false;
        DecisionMessage = note;
        _grantedScopes.Clear();
        _grantedScopes.AddRange(grant.Scopes);
        ApprovedContent = Content();
        CurrentSubmission?.End(SubmissionOutcome.Approved, now);
        DecidedAt = now;
        Touch(staff.UserId, now);

        Authorization authorization;
        if (current is null)
        {
            authorization = Authorization.Create(OrganizationId, Id, grant, staff.UserId, now);
            AuthorizationId = authorization.Id;
        }
        else
        {
            authorization = current;
            authorization.Update(grant, staff.UserId, now);
        }

        Raise(new AccessRequestApproved(Id, staff.UserId, now, from, [.. grant.Scopes], isUpdate, authorization.Id, note));
        return authorization;
    }

    /// <summary>
    /// Refusing an update (a reopened request) returns to Approved with the approved content
    /// restored: the current authorization and what it was granted for stay as they were.
    /// </summary>
    public Result Refuse(StaffMember staff, string? reason, DateTimeOffset now)
    {
        if (!MayDecide(staff, out var forbidden)) return forbidden;
        if (!CanStart(AccessRequestTransition.Refuse, out var refused)) return refused;
        if (!IsValidMessage(reason, AccessRequestErrors.RefusalReasonRequired, "Reason", out var text, out var invalid)) return invalid;

        var from = Status;
        var isUpdate = IsReopening;
        if (isUpdate) RestoreApprovedContent();
        Status = isUpdate ? Approved : Refused;
        IsReopening = false;
        DecisionMessage = text;
        CurrentSubmission?.End(SubmissionOutcome.Refused, now);
        DecidedAt = now;
        Touch(staff.UserId, now);
        Raise(new AccessRequestRefused(Id, staff.UserId, now, from, Status, text, isUpdate));
        return Result.Ok();
    }

    /// <summary>
    /// Ends the authorization. Possible while an update is under review: the update is closed
    /// (the approved content comes back) and the request is revoked.
    /// </summary>
    public Result Revoke(StaffMember staff, string? reason, Authorization authorization, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        if (!MayDecide(staff, out var forbidden)) return forbidden;
        if (!CanStart(AccessRequestTransition.Revoke, out var refused)) return refused;
        if (authorization.Id != AuthorizationId) throw new ArgumentException("Not this request's authorization.", nameof(authorization));
        if (!IsValidMessage(reason, AccessRequestErrors.RevocationReasonRequired, "Reason", out var text, out var invalid)) return invalid;

        var from = Status;
        if (IsReopening)
        {
            RestoreApprovedContent();
            if (CurrentSubmission is { Outcome: null } pending) pending.End(SubmissionOutcome.Closed, now);
        }

        Status = Revoked;
        IsReopening = false;
        DecisionMessage = text;
        RevokedAt = now;
        Touch(staff.UserId, now);
        authorization.Revoke(staff.UserId, text, now);
        Raise(new AccessRequestRevoked(Id, staff.UserId, now, from, text));
        return Result.Ok();
    }

    /// <summary>How long a request sent back for changes waits before its applicant is reminded.</summary>
    public static readonly TimeSpan ReminderDelay = TimeSpan.FromDays(15);

    /// <summary>Since when the request has waited for the applicant, when it does (sent back for changes).</summary>
    public DateTimeOffset? WaitingForApplicantSince =>
        Status == ChangesRequested && CurrentSubmission is { Outcome: SubmissionOutcome.ChangesRequested, EndedAt: { } at } ? at : null;

    /// <summary>
    /// The reminder to an applicant who has not answered a request for changes in
    /// <see cref="ReminderDelay"/>. The job sends it once per request for changes (it checks the trail).
    /// </summary>
    public Result RemindApplicant(DateTimeOffset now)
    {
        if (WaitingForApplicantSince is not { } since || now - since < ReminderDelay)
            return Result.Conflict(AccessRequestErrors.InvalidTransition(Status));
        Raise(new AccessRequestReminderSent(Id, null, now, since));
        return Result.Ok();
    }

    /// <summary>A staff message or another review step: the first one after a submission starts its review clock.</summary>
    public void NoteStaffAction(DateTimeOffset now)
    {
        if (Status is Submitted && CurrentSubmission is { Outcome: null } current) current.NoteStaffAction(now);
    }

    /// <summary>Starts an update of an approved request; its authorization stays active meanwhile.</summary>
    public Result Reopen(Guid applicantUserId, DateTimeOffset now)
    {
        if (!CanStart(AccessRequestTransition.Reopen, out var refused)) return refused;

        Status = Draft;
        IsReopening = true;
        Touch(applicantUserId, now);
        Raise(new AccessRequestReopened(Id, applicantUserId, now));
        return Result.Ok();
    }

    /// <summary>
    /// The applicant answers the prolongation questionnaire of the request's authorization, from 90 days
    /// before its expiry: all "yes" prolongs it (true); any "no" reopens the request for review (false),
    /// the authorization and its keys unchanged meanwhile. The caller makes the keys follow a prolongation.
    /// </summary>
    public Result<bool> AnswerProlongation(Guid applicantUserId, ProlongationAnswers answers, Authorization authorization, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(authorization);
        if (authorization.Id != AuthorizationId) throw new ArgumentException("Not this request's authorization.", nameof(authorization));
        if (Status != Approved) return Result<bool>.Failure(ErrorKind.Conflict, [AuthorizationErrors.ProlongationNotPossible]);
        if (authorization.ProlongationRefusal(now) is { } refusal) return Result<bool>.Failure(ErrorKind.Conflict, [refusal]);

        if (answers.AllYes)
        {
            authorization.Prolong(applicantUserId, answers, now);
            return true;
        }
        var reopened = Reopen(applicantUserId, now);
        if (reopened.IsFailure) return Result<bool>.From(reopened);
        authorization.RequestProlongationReview(applicantUserId, answers, now);
        return false;
    }

    /// <summary>An administrator archives a request (the applicant's own archive is the other overload).</summary>
    public Result Archive(StaffMember administrator, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        if (!administrator.IsAdministrator) return Result.Failure(ErrorKind.Forbidden, [AccessRequestErrors.AdministratorRequired]);
        return Archive(administrator.UserId, now);
    }

    /// <summary>The applicant archives their organization's request (the handler checked the role).</summary>
    public Result Archive(Guid actorId, DateTimeOffset now)
    {
        if (!CanStart(AccessRequestTransition.Archive, out var refused)) return refused;
        if (HasActiveAuthorization) return Result.Conflict(AccessRequestErrors.ActiveAuthorization);

        var from = Status;
        Status = Archived;
        ArchivedAt = now;
        Touch(actorId, now);
        Raise(new AccessRequestArchived(Id, actorId, now, from));
        return Result.Ok();
    }

    /// <summary>Once, by the persistence that holds the counter: a request never changes number.</summary>
    public void AssignNumber(int sequence)
    {
        if (Number.Length > 0) throw new InvalidOperationException($"The request already has the number {Number}.");
        Number = RequestNumber.Format(RequestNumber.YearOf(CreatedAt), sequence);
    }

    public static string ReferenceOf(Guid id) => id.ToString("N")[..12].ToUpperInvariant();

    /// <summary>A reference as typed ("n° 3f2a-9c1b 7d04"): its 12 hexadecimal digits, or null when it cannot be one.</summary>
    public static string? NormalizeReference(string? input)
    {
        var digits = new string((input ?? "").Where(char.IsAsciiHexDigit).ToArray()).ToUpperInvariant();
        return digits.Length is >= 4 and <= 12 ? digits : null;
    }

    /// <summary>
    /// An instructor or administrator prepares a draft for an organization (a partner who called for
    /// help): at least the procedure's name, optionally its description and scopes, checked as the
    /// wizard checks them. <paramref name="applicantId"/>, a member with the applicant role, is
    /// invited to take it over; never by a staff member of that organization.
    /// </summary>
    public static Result<AccessRequest> PrepareFor(StaffMember staff, Organization organization, Guid applicantId,
        string? procedureName, string? description, IEnumerable<string>? scopes, IReadOnlySet<string> offerableScopes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(offerableScopes);
        if (!staff.CanReview) return Result<AccessRequest>.Failure(ErrorKind.Forbidden, [AccessRequestErrors.PreparerRoleRequired]);
        if (staff.IsMemberOf(organization.Id)) return Result<AccessRequest>.Failure(ErrorKind.Forbidden, [AccessRequestErrors.PreparerConflictOfInterest]);

        var errors = new List<Error>();
        if (organization.RoleOf(applicantId) != MembershipRole.Applicant)
            errors.Add(AccessRequestErrors.NotAMemberApplicant.ForField("ApplicantId"));
        var procedure = new Procedure(procedureName, description, null, null, null, null, ProcedureModalities.None);
        errors.AddRange(procedure.Validate(Today(now))
            .Where(e => e.Field is nameof(Procedure.Name) || (e.Field is nameof(Procedure.Description) && procedure.Description is not null)));
        var request = NewDraft(organization.Id, staff.UserId, now, copiedFromId: null);
        request._scopes.AddRange(CleanScopes(scopes ?? []));
        errors.AddRange(request._scopes.Count == 0 ? [] : request.ScopeErrors(offerableScopes));
        if (errors.Count > 0) return Result<AccessRequest>.Failure(ErrorKind.Validation, errors);

        request.Procedure = procedure;
        request.ApplicantId = applicantId;
        request.PreparedBy = staff.UserId;
        request.Raise(new AccessRequestPrepared(request.Id, staff.UserId, now, organization.Id, applicantId));
        return request;
    }

    /// <summary>A member with the applicant role takes over the draft staff prepared and becomes its applicant.</summary>
    public Result TakeOver(Guid userId, Organization organization, DateTimeOffset now)
    {
        CheckIsOwn(organization);
        if (organization.RoleOf(userId) != MembershipRole.Applicant) return Result.Failure(ErrorKind.Forbidden, [AccessRequestErrors.ApplicantRoleRequired]);
        if (!IsAwaitingTakeOver || Status != Draft) return Result.Conflict(AccessRequestErrors.NotAwaitingTakeOver);

        var previous = ApplicantId;
        ApplicantId = userId;
        TakenOverAt = now;
        Touch(userId, now);
        Raise(new AccessRequestTakenOver(Id, userId, now, previous));
        return Result.Ok();
    }

    /// <summary>
    /// A member with the applicant role hands the request to another one (someone leaving their
    /// post). Any applicant of the organization may: each of them can already edit, send and archive it.
    /// </summary>
    public Result TransferTo(Guid actorId, Organization organization, Guid newApplicantId, string? message, DateTimeOffset now)
    {
        CheckIsOwn(organization);
        if (organization.RoleOf(actorId) != MembershipRole.Applicant) return Result.Failure(ErrorKind.Forbidden, [AccessRequestErrors.ApplicantRoleRequired]);
        return Transfer(actorId, organization, newApplicantId, message, now);
    }

    /// <summary>An administrator hands the request to another applicant of its organization.</summary>
    public Result TransferTo(StaffMember administrator, Organization organization, Guid newApplicantId, string? message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        CheckIsOwn(organization);
        if (!administrator.IsAdministrator) return Result.Failure(ErrorKind.Forbidden, [AccessRequestErrors.AdministratorTransfers]);
        return Transfer(administrator.UserId, organization, newApplicantId, message, now);
    }

    private Result Transfer(Guid actorId, Organization organization, Guid newApplicantId, string? message, DateTimeOffset now)
    {
        if (Status == Archived) return Result.Conflict(AccessRequestErrors.InvalidTransition(Status));
        if (newApplicantId == ApplicantId) return Result.Invalid(AccessRequestErrors.AlreadyTheApplicant.ForField("NewApplicantId"));
        if (organization.RoleOf(newApplicantId) != MembershipRole.Applicant)
            return Result.Invalid(AccessRequestErrors.NotAMemberApplicant.ForField("NewApplicantId"));
        var text = SectionRules.Clean(message);
        if (text is { Length: > MessageMaxLength }) return Result.Invalid(AccessRequestErrors.MessageTooLong.ForField("Message"));

        var previous = ApplicantId;
        ApplicantId = newApplicantId;
        Touch(actorId, now);
        Raise(new AccessRequestTransferred(Id, actorId, now, previous, newApplicantId, text));
        return Result.Ok();
    }

    private void CheckIsOwn(Organization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        if (organization.Id != OrganizationId) throw new ArgumentException("Not this request's organization.", nameof(organization));
    }

    /// <summary>An instructor takes the request for themselves: "Je prends cette demande".</summary>
    public Result Take(StaffMember staff, DateTimeOffset now) => AssignTo(staff, staff, now);

    /// <summary>An administrator gives the request to a reviewer (or a reviewer takes it: same person).</summary>
    public Result AssignTo(StaffMember actor, StaffMember assignee, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(assignee);
        if (!MayDecide(actor, out var forbidden)) return forbidden;
        if (actor.UserId != assignee.UserId && !actor.IsAdministrator)
            return Result.Failure(ErrorKind.Forbidden, [AccessRequestErrors.AdministratorAssigns]);
        if (!assignee.CanReview || assignee.IsMemberOf(OrganizationId))
            return Result.Invalid(AccessRequestErrors.AssigneeCannotReview.ForField("AssigneeId"));
        if (Status is not (Submitted or ChangesRequested)) return Result.Conflict(AccessRequestErrors.InvalidTransition(Status));
        if (AssignedTo == assignee.UserId) return Result.Ok();

        // Not a change of the request itself: the version stays, so a partner editing meanwhile is not refused.
        var previous = AssignedTo;
        AssignedTo = assignee.UserId;
        AssignedAt = now;
        NoteStaffAction(now);
        Raise(new AccessRequestAssigned(Id, actor.UserId, now, assignee.UserId, previous));
        return Result.Ok();
    }

    private static AccessRequest NewDraft(Guid organizationId, Guid createdBy, DateTimeOffset now, Guid? copiedFromId)
    {
        var request = NewDraftWithoutReference(organizationId, createdBy, now, copiedFromId);
        request.Reference = ReferenceOf(request.Id);
        return request;
    }

    private static AccessRequest NewDraftWithoutReference(Guid organizationId, Guid createdBy, DateTimeOffset now, Guid? copiedFromId) => new()
    {
        OrganizationId = organizationId,
        ApplicantId = createdBy,
        CreatedBy = createdBy,
        CreatedAt = now,
        UpdatedAt = now,
        UpdatedBy = createdBy,
        Status = Draft,
        CopiedFromId = copiedFromId,
        Procedure = Procedure.Empty(),
        LegalBasis = LegalBasis.Empty(),
        DataProtection = DataProtection.Empty(),
        Contacts = Contacts.Empty(),
        Engagements = Engagements.Empty(),
    };

    private static IEnumerable<string> CleanScopes(IEnumerable<string> scopes) =>
        scopes.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal);

    private IReadOnlyList<Error> ScopeErrors(IReadOnlySet<string> offerableScopes)
    {
        ArgumentNullException.ThrowIfNull(offerableScopes);
        if (_scopes.Count == 0) return [AccessRequestErrors.NoScope.ForField("Scopes")];
        return [.. _scopes.Where(s => !offerableScopes.Contains(s)).Select(s => AccessRequestErrors.ScopeNotOffered(s).ForField("Scopes"))];
    }

    /// <summary>Instructors and administrators decide, never auditors nor a member of the organization.</summary>
    private bool MayDecide(StaffMember staff, out Result forbidden)
    {
        ArgumentNullException.ThrowIfNull(staff);
        forbidden = !staff.CanReview ? Result.Failure(ErrorKind.Forbidden, [AccessRequestErrors.ReviewerRoleRequired])
            : staff.IsMemberOf(OrganizationId) ? Result.Failure(ErrorKind.Forbidden, [AccessRequestErrors.ConflictOfInterest])
            : Result.Ok();
        return forbidden.IsSuccess;
    }

    private void RestoreApprovedContent()
    {
        var approved = ApprovedContent ?? throw new InvalidOperationException("An approved request keeps its approved content.");
        Procedure = approved.Procedure with { };
        LegalBasis = approved.LegalBasis.Copy();
        _scopes.Clear();
        _scopes.AddRange(approved.Scopes);
        DataProtection = approved.DataProtection with { };
        Contacts = approved.Contacts.Copy();
    }

    private bool CanStart(AccessRequestTransition transition, out Result refused)
    {
        refused = Result.Conflict(AccessRequestErrors.InvalidTransition(Status));
        return AccessRequestLifecycle.IsAllowed(Status, IsReopening, transition);
    }

    private static bool IsValidMessage(string? input, Error required, string field, out string text, out Result invalid)
    {
        text = SectionRules.Clean(input) ?? "";
        invalid = text.Length == 0 ? Result.Invalid(required.ForField(field))
            : text.Length > MessageMaxLength ? Result.Invalid(AccessRequestErrors.MessageTooLong.ForField(field))
            : Result.Ok();
        return invalid.IsSuccess;
    }

    private void Touch(Guid actorId, DateTimeOffset now)
    {
        UpdatedAt = now;
        UpdatedBy = actorId;
        Version++;
    }

    private static DateOnly Today(DateTimeOffset now) => ParisTime.Today(now);

    private static Result<IReadOnlyList<Error>> NotEditable() =>
        Result<IReadOnlyList<Error>>.Failure(ErrorKind.Conflict, [AccessRequestErrors.NotEditable]);
}
