using Admin.Domain.AccessRequests;
using Admin.Domain.Audit;

namespace Admin.Domain.Tests.Audit;

public class AuditEventTests
{
    [Fact]
    public void An_audit_row_copies_who_what_when_from_to_and_why_from_the_event()
    {
        var (requestId, actor) = (Guid.NewGuid(), Guid.NewGuid());
        var refused = new AccessRequestRefused(requestId, actor, TestClock.Now, AccessRequestStatus.Submitted, AccessRequestStatus.Refused, "Hors champ.", false);

        var row = AuditEvent.From(refused, "{\"x\":1}");

        Assert.Equal(("AccessRequest", requestId, "access_request.refused", actor, TestClock.Now),
            (row.AggregateType, row.AggregateId, row.Action, row.ActorId, row.OccurredAt));
        Assert.Equal(("Submitted", "Refused", "Hors champ.", "{\"x\":1}"), (row.FromState, row.ToState, row.Reason, row.Data));
    }
}
