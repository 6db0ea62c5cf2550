using Admin.Domain.Common;
using Admin.Infrastructure;
using Admin.Infrastructure.Documents;
using Admin.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.AccessRequests.Documents;

/// <summary>A document of a request, for the members of its organization; anyone else is told it does not exist.</summary>
public static class DownloadDocument
{
    public sealed record Query(Guid RequestId, Guid DocumentId) : IQuery<Result<DocumentContent>>;

    public sealed record DocumentContent(Stream Content, string FileName, string ContentType);

    internal sealed class Handler(AccessRequestAccess access, AdminDbContext db, DataPaths paths) : IQueryHandler<Query, Result<DocumentContent>>
    {
        public async ValueTask<Result<DocumentContent>> Handle(Query query, CancellationToken ct)
        {
            if (await access.FindAsync(query.RequestId, ct, tracking: false) is null) return Result<DocumentContent>.From(Result.NotFound());

            var document = await db.Documents.AsNoTracking()
                .FirstOrDefaultAsync(d => d.Id == query.DocumentId && d.AccessRequestId == query.RequestId, ct);
            var content = document is null ? null : DocumentFiles.OpenRead(paths, document.Id);
            return content is null
                ? Result<DocumentContent>.From(Result.NotFound())
                : new DocumentContent(content, document!.FileName, document.ContentType);
        }
    }
}
