using System.Security.Cryptography;
using System.Text;
using Admin.Domain.Common;

namespace Admin.Domain.Scopes;

/// <summary>
/// Changes to the catalogue, raised by the administration handlers (a scope is no aggregate with
/// events of its own). A scope is keyed by its code; the audit trail wants a Guid, so each code has a
/// fixed one derived from it (<see cref="AggregateIdOf"/>): every change to one scope shares it.
/// </summary>
public abstract record ScopeEvent(string Code, Guid? ActorId, DateTimeOffset OccurredAt) : DomainEvent(AggregateIdOf(Code), ActorId, OccurredAt)
{
    public sealed override string AggregateType => "Scope";

    public static Guid AggregateIdOf(string code) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("scope:" + code)).AsSpan(0, 16));
}

public sealed record ScopeAdded(string Code, Guid? ActorId, DateTimeOffset OccurredAt, string ProviderCode, string Label, string? Description)
    : ScopeEvent(Code, ActorId, OccurredAt)
{
    public override string Action => "scope.added";
}

/// <summary>The name or description changed; the previous ones stay here for the trail.</summary>
public sealed record ScopeDescribed(string Code, Guid? ActorId, DateTimeOffset OccurredAt, string PreviousLabel, string? PreviousDescription,
    string Label, string? Description) : ScopeEvent(Code, ActorId, OccurredAt)
{
    public override string Action => "scope.described";
}

public sealed record ScopeRetired(string Code, Guid? ActorId, DateTimeOffset OccurredAt) : ScopeEvent(Code, ActorId, OccurredAt)
{
    public override string Action => "scope.retired";
    public override string? FromState => "Offered";
    public override string? ToState => "Retired";
}
