using Admin.Domain.Scopes;

namespace Admin.Domain.Tests.Scopes;

public class ScopeEventsTests
{
    private static readonly Guid Actor = Guid.NewGuid();

    [Fact]
    public void Every_change_to_one_scope_shares_an_aggregate_id_derived_from_its_code()
    {
        var added = new ScopeAdded("cnaf_enfants", Actor, TestClock.Now, "cnaf", "Enfants", null);
        var described = new ScopeDescribed("cnaf_enfants", Actor, TestClock.Now, "Enfants", null, "Enfants du foyer", "Les enfants.");
        var retired = new ScopeRetired("cnaf_enfants", Actor, TestClock.Now);

        Assert.Equal(ScopeEvent.AggregateIdOf("cnaf_enfants"), added.AggregateId);
        Assert.Equal([added.AggregateId], new[] { described.AggregateId, retired.AggregateId }.Distinct());
        Assert.NotEqual(ScopeEvent.AggregateIdOf("cnaf_adresse"), added.AggregateId);
    }

    [Fact]
    public void The_aggregate_id_of_a_code_never_changes_so_past_audit_rows_stay_attached()
    {
        // The first 16 bytes of SHA-256("scope:cnaf_quotient_familial"), as stored in the audit trail.
        Assert.Equal(Guid.Parse("e5955305-2ac4-fc26-5fe9-4f9eb0364535"), ScopeEvent.AggregateIdOf("cnaf_quotient_familial"));
    }

    [Fact]
    public void Each_event_names_its_action_on_the_scope_aggregate()
    {
        var added = new ScopeAdded("cnaf_enfants", Actor, TestClock.Now, "cnaf", "Enfants", null);
        var described = new ScopeDescribed("cnaf_enfants", Actor, TestClock.Now, "Enfants", null, "Enfants du foyer", null);

        Assert.Equal(("Scope", "scope.added", (string?)null, (string?)null), (added.AggregateType, added.Action, added.FromState, added.ToState));
        Assert.Equal(("Scope", "scope.described", (string?)null, (string?)null), (described.AggregateType, described.Action, described.FromState, described.ToState));
    }

    [Fact]
    public void Retiring_moves_the_scope_from_offered_to_retired()
    {
        var retired = new ScopeRetired("cnaf_enfants", Actor, TestClock.Now);

        Assert.Equal(("Scope", "scope.retired", "Offered", "Retired"), (retired.AggregateType, retired.Action, retired.FromState, retired.ToState));
        Assert.Equal((Actor, TestClock.Now), (retired.ActorId, retired.OccurredAt));
    }
}
