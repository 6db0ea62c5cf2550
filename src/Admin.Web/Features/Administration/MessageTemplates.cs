using Admin.Domain.Common;
using Admin.Domain.Messages;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Administration;

/// <summary>The message templates staff insert while writing, managed by administrators (/admin/modeles).</summary>
public static class MessageTemplates
{
    public sealed record Row(Guid Id, TemplateKind Kind, string Title, string Body, bool IsRetired, DateTimeOffset UpdatedAt);

    /// <summary>Every template, offered ones first, by kind then title.</summary>
    public sealed record List : IQuery<IReadOnlyList<Row>>;

    public sealed record Show(Guid Id) : IQuery<Result<Row>>;

    /// <summary>Creates a template (no <see cref="Id"/>) or edits one.</summary>
    public sealed record Save(Guid? Id, TemplateKind? Kind, string? Title, string? Body) : ICommand<Result<Guid>>;

    public sealed record Retire(Guid Id) : ICommand<Result>;

    /// <summary>What each kind is called on the pages.</summary>
    public static string FrenchLabel(this TemplateKind kind) => kind switch
    {
        TemplateKind.RequestChanges => "Demande de modifications",
        TemplateKind.Refusal => "Refus",
        TemplateKind.Approval => "Validation",
        _ => "Échange avec l'organisation",
    };

    internal sealed class Handlers(AdminDbContext db, ICurrentUser user, TimeProvider time)
        : IQueryHandler<List, IReadOnlyList<Row>>, IQueryHandler<Show, Result<Row>>, ICommandHandler<Save, Result<Guid>>, ICommandHandler<Retire, Result>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(List query, CancellationToken ct)
        {
            var rows = await db.MessageTemplates.AsNoTracking().Select(t => new Row(t.Id, t.Kind, t.Title, t.Body, t.IsRetired, t.UpdatedAt)).ToListAsync(ct);
            var french = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true);
            return [.. rows.OrderBy(r => r.IsRetired).ThenBy(r => r.Kind).ThenBy(r => r.Title, french)];
        }

        public async ValueTask<Result<Row>> Handle(Show query, CancellationToken ct)
        {
            var t = await db.MessageTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == query.Id, ct);
            return t is null ? Result<Row>.From(Result.NotFound()) : new Row(t.Id, t.Kind, t.Title, t.Body, t.IsRetired, t.UpdatedAt);
        }

        public async ValueTask<Result<Guid>> Handle(Save command, CancellationToken ct)
        {
            var now = time.GetUtcNow();
            Guid id;
            if (command.Id is { } existing)
            {
                var template = await db.MessageTemplates.FindAsync([existing], ct);
                if (template is null) return Result<Guid>.From(Result.NotFound());
                var edited = template.Edit(command.Kind, command.Title, command.Body, user.Id, now);
                if (edited.IsFailure) return Result<Guid>.From(edited);
                id = template.Id;
            }
            else
            {
                var created = MessageTemplate.Create(command.Kind, command.Title, command.Body, user.Id, now);
                if (created.IsFailure) return Result<Guid>.From(created);
                db.MessageTemplates.Add(created.Value);
                id = created.Value.Id;
            }

            await db.SaveChangesAsync(ct);
            return id;
        }

        public async ValueTask<Result> Handle(Retire command, CancellationToken ct)
        {
            var template = await db.MessageTemplates.FindAsync([command.Id], ct);
            if (template is null) return Result.NotFound();
            var retired = template.Retire(user.Id, time.GetUtcNow());
            if (retired.IsFailure) return retired;
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
    }
}
