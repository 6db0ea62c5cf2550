using Admin.Domain.Audit;
using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;
using Mediator;

namespace Admin.Web.Features.Account;

/// <summary>Writes an account change (two-factor on or off, new recovery codes) to the audit trail.</summary>
public static class RecordAccountEvent
{
    public sealed record Command(Guid UserId, string Action) : ICommand<Result>;

    internal sealed class Handler(AdminDbContext db, TimeProvider time) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            db.AuditEvents.Add(new AuditEvent("User", command.UserId, command.Action, command.UserId, time.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
    }
}
