using Admin.Domain.Common;
using Admin.Domain.UseCases;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.AccessRequests.Steps;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Administration;

/// <summary>The use cases partners start a request from, managed by administrators (/admin/cas-usage).</summary>
public static class UseCases
{
    public sealed record Row(Guid Id, string Code, string Title, string? Audience, string? LegalBasisHint, string? LegalBasisUrl,
        IReadOnlyDictionary<string, UseCaseScopeRole> Scopes, bool IsRetired, DateTimeOffset UpdatedAt)
    {
        public int Count(UseCaseScopeRole role) => Scopes.Count(s => s.Value == role);
    }

    /// <summary>Every use case, offered ones first, by title.</summary>
    public sealed record List : IQuery<IReadOnlyList<Row>>;

    public sealed record Show(Guid Id) : IQuery<Result<Row>>;

    /// <summary>The offerable scopes by provider, for the form.</summary>
    public sealed record Catalogue : IQuery<IReadOnlyList<ScopeGroup>>;

    /// <summary>Creates a use case (no <see cref="Id"/>, with a code) or edits one (its code never changes).</summary>
    public sealed record Save(Guid? Id, string? Code, UseCase.Content Content, IReadOnlyDictionary<string, UseCaseScopeRole> Scopes) : ICommand<Result<Guid>>;

    public sealed record Retire(Guid Id) : ICommand<Result>;

    /// <summary>What each role is called on the form.</summary>
    public static string FrenchLabel(this UseCaseScopeRole role) => role switch
    {
        UseCaseScopeRole.Offered => "Proposée",
        UseCaseScopeRole.Preselected => "Cochée d'avance",
        UseCaseScopeRole.Fixed => "Imposée",
        _ => "Non proposée",
    };

    internal sealed class Handlers(AdminDbContext db, ICurrentUser user, TimeProvider time)
        : IQueryHandler<List, IReadOnlyList<Row>>, IQueryHandler<Show, Result<Row>>, IQueryHandler<Catalogue, IReadOnlyList<ScopeGroup>>,
          ICommandHandler<Save, Result<Guid>>, ICommandHandler<Retire, Result>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(List query, CancellationToken ct)
        {
            var all = await db.UseCases.AsNoTracking().ToListAsync(ct);
            var french = StringComparer.Create(StepLabels.French, true);
            return [.. all.Select(RowOf).OrderBy(r => r.IsRetired).ThenBy(r => r.Title, french)];
        }

        public async ValueTask<Result<Row>> Handle(Show query, CancellationToken ct)
        {
            var found = await db.UseCases.AsNoTracking().FirstOrDefaultAsync(u => u.Id == query.Id, ct);
            return found is null ? Result<Row>.From(Result.NotFound()) : RowOf(found);
        }

        public async ValueTask<IReadOnlyList<ScopeGroup>> Handle(Catalogue query, CancellationToken ct) => await db.OfferableScopeGroupsAsync(ct);

        public async ValueTask<Result<Guid>> Handle(Save command, CancellationToken ct)
        {
            var now = time.GetUtcNow();
            var catalogue = await db.OfferableScopesAsync(ct);
            if (command.Id is { } existing)
            {
                var useCase = await db.UseCases.FindAsync([existing], ct);
                if (useCase is null) return Result<Guid>.From(Result.NotFound());
                var edited = useCase.Edit(command.Content, command.Scopes, catalogue, user.Id, now);
                if (edited.IsFailure) return Result<Guid>.From(edited);
                await db.SaveChangesAsync(ct);
                return useCase.Id;
            }

            var created = UseCase.Create(command.Code, command.Content, command.Scopes, catalogue, user.Id, now);
            if (created.IsFailure) return Result<Guid>.From(created);
            if (await db.UseCases.AnyAsync(u => u.Code == created.Value.Code, ct)) return Taken;
            db.UseCases.Add(created.Value);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Created by someone else between the check and the save: the unique index refused it.
                return Taken;
            }

            return created.Value.Id;
        }

        public async ValueTask<Result> Handle(Retire command, CancellationToken ct)
        {
            var useCase = await db.UseCases.FindAsync([command.Id], ct);
            if (useCase is null) return Result.NotFound();
            var retired = useCase.Retire(user.Id, time.GetUtcNow());
            if (retired.IsFailure) return retired;
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }

        private static Result<Guid> Taken => Result<Guid>.Failure(ErrorKind.Validation, [UseCaseErrors.CodeTaken.ForField(nameof(Save.Code))]);

        private static Row RowOf(UseCase u) => new(u.Id, u.Code, u.Title, u.Audience, u.LegalBasisHint, u.LegalBasisUrl,
            u.OfferedScopes.ToDictionary(code => code, u.RoleOf, StringComparer.Ordinal), u.IsRetired, u.UpdatedAt);
    }
}
