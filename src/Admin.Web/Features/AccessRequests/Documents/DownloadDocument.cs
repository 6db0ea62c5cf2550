using Admin.Domain.Common;
using Admin.Infrastructure;
using Admin.Infrastructure.Documents;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.AccessRequests.Documents;

/// <summary>
/// A document of a request, for the members of its organization and for staff (through the staff
/// route, behind the staff two-factor policy); anyone else is told it does not exist.
/// </summary>
public static class DownloadDocument
{
    public sealed record Query(Guid RequestId, Guid DocumentId, bool AsStaff = false) : IQuery<Result<DocumentContent>>;

    public sealed record DocumentContent(Stream Content, string FileName, string ContentType);

    internal sealed class Handler(AccessRequestAccess access, AdminDbContext db, DataPaths paths, ICurrentUser user)
        : IQueryHandler<Query, Result<DocumentContent>>
    {
        public async ValueTask<Result<DocumentContent>> Handle(Query query, CancellationToken ct)
        {
            var allowed = query.AsStaff
                ? user.IsStaff && await db.AccessRequests.AnyAsync(r => r.Id == query.RequestId, ct)
                : await access.FindAsync(query.RequestId, ct, tracking: false) is not null;
            if (!allowed) return Result<DocumentContent>.From(Result.NotFound());

            var document = await db.Documents.AsNoTracking()
                .FirstOrDefaultAsync(d => d.Id == query.DocumentId && d.AccessRequestId == query.RequestId, ct);
            var content = document is null ? null : DocumentFiles.OpenRead(paths, document.Id);
            return content is null
                ? Result<DocumentContent>.From(Result.NotFound())
                : new DocumentContent(content, document!.FileName, document.ContentType);
        }
    }
}
