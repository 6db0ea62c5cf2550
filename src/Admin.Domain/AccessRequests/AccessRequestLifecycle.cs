using static Admin.Domain.AccessRequests.AccessRequestStatus;

namespace Admin.Domain.AccessRequests;

public enum AccessRequestTransition
{
    Submit = 1,
    RequestChanges = 2,
    Approve = 3,
    Refuse = 4,
    Revoke = 5,
    Reopen = 6,
    Archive = 7,
}

/// <summary>
/// Which states each transition may start from (docs: domain guide, "Request lifecycle"). The
/// aggregate enforces it; screens use it to show only the buttons that can work.
/// </summary>
public static class AccessRequestLifecycle
{
    private static readonly Dictionary<AccessRequestTransition, AccessRequestStatus[]> AllowedFromStates = new()
    {
        [AccessRequestTransition.Submit] = [Draft, ChangesRequested],
        [AccessRequestTransition.RequestChanges] = [Submitted],
        [AccessRequestTransition.Approve] = [Submitted, ChangesRequested],
        [AccessRequestTransition.Refuse] = [Submitted, ChangesRequested],
        [AccessRequestTransition.Revoke] = [Approved],
        [AccessRequestTransition.Reopen] = [Approved],
        [AccessRequestTransition.Archive] = [Draft, Refused, Revoked],
    };

    public static IReadOnlyList<AccessRequestStatus> AllowedFrom(AccessRequestTransition transition) => AllowedFromStates[transition];

    /// <summary>
    /// Whether the state allows the transition. Archiving a draft that reopens an approved request
    /// is still refused by the aggregate: its authorization is active.
    /// </summary>
    public static bool IsAllowed(AccessRequestStatus from, AccessRequestTransition transition) =>
        AllowedFromStates[transition].Contains(from);

    /// <summary>
    /// As <see cref="IsAllowed(AccessRequestStatus, AccessRequestTransition)"/>, for a request that may be an
    /// update of an approved one: its authorization can be revoked whatever the update's state.
    /// </summary>
    public static bool IsAllowed(AccessRequestStatus from, bool isReopening, AccessRequestTransition transition) =>
        transition == AccessRequestTransition.Revoke ? from == Approved || isReopening : IsAllowed(from, transition);
}
