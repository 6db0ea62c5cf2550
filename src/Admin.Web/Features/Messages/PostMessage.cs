using Admin.Domain.Common;
using Admin.Domain.Messages;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Messages;

/// <summary>
/// Writes a message in a request's thread: as a member of its organization (partner page) or as
/// staff (review page). The other side is told by e-mail (MessageNotifications).
/// </summary>
public static class PostMessage
{
    public sealed record Command(Guid RequestId, MessageSide As, string? Body) : ICommand<Result>;

    internal sealed class Handler(AdminDbContext db, AccessService access, ICurrentUser user, MessageThreads threads, TimeProvider time)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var allowed = await access.ForRequestAsync(command.RequestId, Need.Read, ct, tracking: false);
            if (allowed.IsFailure) return allowed;
            var request = allowed.Value.Request;
            var now = time.GetUtcNow();

            Result<RequestMessage> written;
            if (command.As == MessageSide.Staff)
            {
                if (allowed.Value.Staff is not { } staff) return Result.Forbidden();
                written = RequestMessage.FromStaff(request, staff, command.Body, now);
            }
            else
            {
                var organization = await db.Organizations.AsNoTracking().Include(o => o.Memberships).SingleAsync(o => o.Id == request.OrganizationId, ct);
                written = RequestMessage.FromMember(request, organization, user.Id, command.Body, now);
            }

            if (written.IsFailure) return written;
            db.RequestMessages.Add(written.Value);
            await db.SaveChangesAsync(ct);
            // Writing answers what came before: the writer has read the thread up to their own message.
            await threads.MarkReadAsync(user.Id, request.Id, now, ct);
            return Result.Ok();
        }
    }
}
