using Admin.Domain.Common;
using Admin.Infrastructure;
using Admin.Infrastructure.Documents;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.AccessRequests.Documents;

/// <summary>
/// A document of a request, for whoever may read the request (the members of its organization, and
/// staff through the staff route behind the two-factor policy); anyone else is told it does not exist.
/// </summary>
public static class DownloadDocument
{
    public sealed record Query(Guid RequestId, Guid DocumentId) : IQuery<Result<DocumentContent>>;

    public sealed record DocumentContent(Stream Content, string FileName, string ContentType);

    internal sealed class Handler(AccessService access, AdminDbContext db, DataPaths paths)
        : IQueryHandler<Query, Result<DocumentContent>>
    {
        public async ValueTask<Result<DocumentContent>> Handle(Query query, CancellationToken ct)
        {
            var allowed = await access.ForRequestAsync(query.RequestId, Need.Read, ct, tracking: false);
            if (allowed.IsFailure) return Result<DocumentContent>.From(allowed);

            var document = await db.Documents.AsNoTracking()
                .FirstOrDefaultAsync(d => d.Id == query.DocumentId && d.AccessRequestId == query.RequestId, ct);
            var content = document is null ? null : DocumentFiles.OpenRead(paths, document.Id);
            return content is null
                ? Result<DocumentContent>.From(Result.NotFound())
                : new DocumentContent(content, document!.FileName, document.ContentType);
        }
    }
}
