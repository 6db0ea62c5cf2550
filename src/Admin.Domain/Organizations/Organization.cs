using Admin.Domain.Common;

namespace Admin.Domain.Organizations;

/// <summary>
/// A public body (partner) identified by its SIRET, and the people who act for it. The organization
/// always keeps at least one applicant: the applicants are the ones who manage members.
/// </summary>
public sealed class Organization : Entity
{
    public const int NameMaxLength = 200;
    public const int SuspensionReasonMaxLength = 4000;

    private readonly List<Membership> _memberships = [];
    private readonly List<Invitation> _invitations = [];

    private Organization() { }

    public Siret Siret { get; private set; }
    public string Name { get; private set; } = "";
    public OrganizationKind Kind { get; private set; }
    public Address Address { get; private set; } = null!;
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// Suspended as a whole by staff: every authorization of the organization answers SUSPENDED while
    /// this is true, whatever its own status (which is left untouched, so resuming restores each one as it was).
    /// </summary>
    public bool IsSuspended { get; private set; }

    public DateTimeOffset? SuspendedAt { get; private set; }
    public string? SuspensionReason { get; private set; }

    public IReadOnlyCollection<Membership> Memberships => _memberships.AsReadOnly();
    public IReadOnlyCollection<Invitation> Invitations => _invitations.AsReadOnly();

    /// <summary>
    /// Concurrency token, moved by every change: two applicants removing each other at once cannot
    /// both succeed and leave the organization without an applicant.
    /// </summary>
    public int Version { get; private set; }

    /// <summary>Registers the organization; <paramref name="creatorUserId"/> becomes its first applicant.</summary>
    public static Result<Organization> Register(Siret siret, string? name, OrganizationKind kind, Address address,
        Guid creatorUserId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (siret.Value is null) throw new ArgumentException("An unparsed SIRET was given.", nameof(siret));

        var errors = DetailsErrors(name, kind);
        if (errors.Count > 0) return Result<Organization>.Failure(ErrorKind.Validation, errors);
        var cleanName = name!.Trim();

        var organization = new Organization
        {
            Siret = siret,
            Name = cleanName,
            Kind = kind,
            Address = address,
            CreatedAt = now,
        };
        organization._memberships.Add(new Membership(organization.Id, creatorUserId, MembershipRole.Applicant, now));
        organization.Raise(new OrganizationRegistered(organization.Id, creatorUserId, now, siret.Value, cleanName));
        return organization;
    }

    /// <summary>What is wrong with a name and kind, so a form can report them with the SIRET and address errors.</summary>
    public static IReadOnlyList<Error> DetailsErrors(string? name, OrganizationKind kind)
    {
        var errors = new List<Error>();
        var cleanName = name?.Trim() ?? "";
        if (cleanName.Length == 0) errors.Add(OrganizationErrors.NameRequired.ForField(nameof(Name)));
        else if (cleanName.Length > NameMaxLength) errors.Add(OrganizationErrors.NameTooLong.ForField(nameof(Name)));
        if (!Enum.IsDefined(kind)) errors.Add(OrganizationErrors.KindInvalid.ForField(nameof(Kind)));
        return errors;
    }

    public bool IsMember(Guid userId) => FindMembership(userId) is not null;

    public MembershipRole? RoleOf(Guid userId) => FindMembership(userId)?.Role;

    public bool CanManageMembers(Guid userId) => RoleOf(userId) == MembershipRole.Applicant;

    /// <summary>Applicants and technical contacts see and manage API keys; business contacts do not.</summary>
    public bool CanManageKeys(Guid userId) => RoleOf(userId) is MembershipRole.Applicant or MembershipRole.TechnicalContact;

    /// <summary>
    /// Invites someone by e-mail. The caller generates the raw token (sent in the link) and passes
    /// only its hash. <paramref name="existingUserId"/> is the account already registered with that
    /// address, if any, so that an existing member is not invited twice.
    /// </summary>
    public Result<Invitation> Invite(Guid actorUserId, string? email, MembershipRole role, string tokenHash,
        DateTimeOffset now, Guid? existingUserId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        if (!CanManageMembers(actorUserId)) return Forbidden<Invitation>();

        var parsed = EmailAddress.Parse(email);
        if (parsed.IsFailure)
            return Result<Invitation>.Failure(ErrorKind.Validation, [.. parsed.Errors.Select(e => e.ForField("Email"))]);
        if (!Enum.IsDefined(role))
            return Invalid<Invitation>(OrganizationErrors.RoleInvalid.ForField("Role"));

        var address = parsed.Value.Value;
        if (existingUserId is { } userId && IsMember(userId))
            return Invalid<Invitation>(OrganizationErrors.AlreadyMember.ForField("Email"));
        if (_invitations.Any(i => i.Email == address && i.IsPending(now)))
            return Invalid<Invitation>(OrganizationErrors.InvitationAlreadyPending.ForField("Email"));

        var invitation = new Invitation(Id, address, role, tokenHash, actorUserId, now);
        _invitations.Add(invitation);
        Changed(new MemberInvited(Id, actorUserId, now, invitation.Id, address, role));
        return invitation;
    }

    public Result RevokeInvitation(Guid actorUserId, Guid invitationId, DateTimeOffset now)
    {
        if (!CanManageMembers(actorUserId)) return Forbidden();

        var invitation = _invitations.FirstOrDefault(i => i.Id == invitationId);
        if (invitation is null || invitation.RevokedAt is not null)
            return Result.Failure(ErrorKind.NotFound, [OrganizationErrors.InvitationNotFound]);
        if (invitation.AcceptedAt is not null)
            return Result.Conflict(OrganizationErrors.InvitationAlreadyUsed);

        invitation.MarkRevoked(now);
        Changed(new InvitationRevoked(Id, actorUserId, now, invitation.Id, invitation.Email));
        return Result.Ok();
    }

    /// <summary>
    /// The invited person, signed in as <paramref name="userId"/>, follows the link. The account's
    /// address must be the invited one, so a forwarded link cannot be used by someone else.
    /// </summary>
    public Result AcceptInvitation(string tokenHash, Guid userId, string userEmail, DateTimeOffset now)
    {
        var invitation = _invitations.FirstOrDefault(i => string.Equals(i.TokenHash, tokenHash, StringComparison.Ordinal));
        if (invitation is null || invitation.RevokedAt is not null)
            return Result.Failure(ErrorKind.NotFound, [OrganizationErrors.InvitationNotFound]);
        if (invitation.AcceptedAt is not null)
            return Result.Conflict(OrganizationErrors.InvitationAlreadyUsed);
        if (invitation.IsExpired(now))
            return Result.Conflict(OrganizationErrors.InvitationExpired);
        if (!string.Equals(invitation.Email, userEmail?.Trim(), StringComparison.OrdinalIgnoreCase))
            return Result.Failure(ErrorKind.Forbidden, [OrganizationErrors.InvitationEmailMismatch]);
        if (IsMember(userId))
            return Result.Conflict(OrganizationErrors.AlreadyMember);

        invitation.MarkAccepted(userId, now);
        _memberships.Add(new Membership(Id, userId, invitation.Role, now));
        Changed(new MemberJoined(Id, userId, now, invitation.Id, userId, invitation.Role));
        return Result.Ok();
    }

    public Result Leave(Guid userId, DateTimeOffset now)
    {
        var membership = FindMembership(userId);
        if (membership is null) return MemberNotFound();
        if (IsLastApplicant(membership)) return Result.Conflict(OrganizationErrors.LastApplicantCannotLeave);

        _memberships.Remove(membership);
        Changed(new MemberLeft(Id, userId, now, userId, membership.Role));
        return Result.Ok();
    }

    /// <summary>
    /// The member closes their account: their membership goes. The last applicant may go only while the
    /// organization holds no usable authorization (someone must answer for its keys and renewals);
    /// otherwise another applicant must be named first. An organization left without applicant is
    /// then one staff can still read and any future member can be invited to by staff.
    /// </summary>
    public Result RemoveClosedAccount(Guid userId, bool holdsUsableAuthorization, DateTimeOffset now)
    {
        var membership = FindMembership(userId);
        if (membership is null) return MemberNotFound();
        if (IsLastApplicant(membership) && holdsUsableAuthorization)
            return Result.Conflict(OrganizationErrors.LastApplicantOfActiveAuthorization(Name));

        _memberships.Remove(membership);
        Changed(new MemberAccountClosed(Id, userId, now, userId, membership.Role));
        return Result.Ok();
    }

    /// <summary>Whether the account's closing needs another applicant named first (see <see cref="RemoveClosedAccount"/>).</summary>
    public bool ClosingAccountNeedsAnotherApplicant(Guid userId, bool holdsUsableAuthorization) =>
        holdsUsableAuthorization && FindMembership(userId) is { } membership && IsLastApplicant(membership);

    public Result ChangeRole(Guid actorUserId, Guid memberUserId, MembershipRole newRole, DateTimeOffset now)
    {
        if (!CanManageMembers(actorUserId)) return Forbidden();
        if (!Enum.IsDefined(newRole)) return Result.Invalid(OrganizationErrors.RoleInvalid.ForField("Role"));

        var membership = FindMembership(memberUserId);
        if (membership is null) return MemberNotFound();
        if (membership.Role == newRole) return Result.Ok();
        if (IsLastApplicant(membership)) return Result.Conflict(OrganizationErrors.LastApplicantCannotLeave);

        var previousRole = membership.Role;
        membership.ChangeRole(newRole);
        Changed(new MemberRoleChanged(Id, actorUserId, now, memberUserId, previousRole, newRole));
        return Result.Ok();
    }

    public Result RemoveMember(Guid actorUserId, Guid memberUserId, DateTimeOffset now)
    {
        if (!CanManageMembers(actorUserId)) return Forbidden();

        var membership = FindMembership(memberUserId);
        if (membership is null) return MemberNotFound();
        if (IsLastApplicant(membership)) return Result.Conflict(OrganizationErrors.LastApplicantCannotLeave);

        _memberships.Remove(membership);
        Changed(new MemberRemoved(Id, actorUserId, now, memberUserId, membership.Role));
        return Result.Ok();
    }

    /// <summary>Staff (an instructor or administrator, checked by the caller) suspend the whole organization, with a reason.</summary>
    public Result Suspend(Guid staffUserId, string? reason, DateTimeOffset now)
    {
        if (IsSuspended) return Result.Conflict(OrganizationErrors.AlreadySuspended);
        var text = reason?.Trim() ?? "";
        if (text.Length == 0) return Result.Invalid(OrganizationErrors.SuspensionReasonRequired.ForField("Reason"));
        if (text.Length > SuspensionReasonMaxLength) return Result.Invalid(OrganizationErrors.SuspensionReasonTooLong.ForField("Reason"));

        IsSuspended = true;
        SuspendedAt = now;
        SuspensionReason = text;
        Changed(new OrganizationSuspended(Id, staffUserId, now, text));
        return Result.Ok();
    }

    public Result Resume(Guid staffUserId, DateTimeOffset now)
    {
        if (!IsSuspended) return Result.Conflict(OrganizationErrors.NotSuspended);
        IsSuspended = false;
        SuspendedAt = null;
        SuspensionReason = null;
        Changed(new OrganizationResumed(Id, staffUserId, now));
        return Result.Ok();
    }

    private Membership? FindMembership(Guid userId) => _memberships.FirstOrDefault(m => m.UserId == userId);

    private bool IsLastApplicant(Membership membership) =>
        membership.Role == MembershipRole.Applicant && _memberships.Count(m => m.Role == MembershipRole.Applicant) == 1;

    private static Result Forbidden() => Result.Failure(ErrorKind.Forbidden, [OrganizationErrors.NotAllowedToManageMembers]);

    private static Result<T> Forbidden<T>() => Result<T>.Failure(ErrorKind.Forbidden, [OrganizationErrors.NotAllowedToManageMembers]);

    private static Result<T> Invalid<T>(Error error) => Result<T>.Failure(ErrorKind.Validation, [error]);

    private static Result MemberNotFound() => Result.Failure(ErrorKind.NotFound, [OrganizationErrors.MemberNotFound]);

    private void Changed(DomainEvent change)
    {
        Version++;
        Raise(change);
    }
}
