using Admin.Domain.Charters;
using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.AccessRequests.Steps;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Administration;

/// <summary>
/// Publishes the next charter version, in two steps: unconfirmed, the command is checked and answers
/// the version it would publish (1.3 → 1.4 for a minor change, 2.0 for a major one) for the
/// confirmation page; confirmed, it publishes. After a major version, every request needs the new
/// charter accepted before it is sent (<c>CharterVersion.IsCoveredByAcceptanceOf</c>); the wizard's
/// engagements step says so.
/// </summary>
public static class PublishCharter
{
    public sealed record Command(string? Title, string? Body, CharterChange? Change, bool Confirmed = false) : ICommand<Result<Outcome>>;

    /// <summary>The version published, or to be published when <see cref="Published"/> is false.</summary>
    public sealed record Outcome(string Label, string CurrentLabel, bool RequiresNewAcceptance, bool Published);

    internal sealed class Handler(AdminDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<Command, Result<Outcome>>
    {
        public async ValueTask<Result<Outcome>> Handle(Command command, CancellationToken ct)
        {
            var current = await db.CurrentCharterAsync(ct);
            var now = time.GetUtcNow();
            var next = current.Next(command.Change, command.Title, command.Body, now);
            if (next.IsFailure) return Result<Outcome>.From(next);

            var version = next.Value;
            var requiresNewAcceptance = !version.IsCoveredByAcceptanceOf(current.Major);
            if (!command.Confirmed) return new Outcome(version.Label, current.Label, requiresNewAcceptance, Published: false);

            db.CharterVersions.Add(version);
            db.Raise(new CharterPublished(version.Id, user.Id, now, version.Label, version.Title, requiresNewAcceptance));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another administrator published the same number meanwhile (unique major.minor).
                return Result<Outcome>.Failure(ErrorKind.Conflict, [CharterErrors.PublishedMeanwhile]);
            }

            return new Outcome(version.Label, current.Label, requiresNewAcceptance, Published: true);
        }
    }
}
