using System.Text.RegularExpressions;
using Admin.Domain.Common;

namespace Admin.Domain.Messages;

/// <summary>Where a template is offered: with a decision, or in the message thread.</summary>
public enum TemplateKind
{
    RequestChanges = 1,
    Refusal = 2,
    Approval = 3,
    Message = 4,
}

/// <summary>What a template's variables stand for, for one request.</summary>
public sealed record TemplateValues(string Organization, string Number, string Title, string Link);

/// <summary>
/// A message staff can insert while writing, with variables ({organisation}, {numero}, {titre},
/// {lien}) replaced for the request at hand. Managed by administrators; retired templates are no
/// longer offered.
/// </summary>
public sealed partial class MessageTemplate : Entity
{
    public const int TitleMaxLength = 100;
    public const int BodyMaxLength = RequestMessage.BodyMaxLength;

    /// <summary>The variables a body may use, with what each becomes.</summary>
    public static readonly IReadOnlyList<(string Name, string Meaning)> Variables =
    [
        ("organisation", "le nom de l'organisation"),
        ("numero", "le numéro de la demande"),
        ("titre", "le titre de la demande"),
        ("lien", "l'adresse de la demande dans l'espace partenaire"),
    ];

    private MessageTemplate() { }

    public TemplateKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public bool IsRetired { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Result<MessageTemplate> Create(TemplateKind? kind, string? title, string? body, Guid? actorId, DateTimeOffset now)
    {
        var errors = Check(kind, title, body);
        if (errors.Count > 0) return Result<MessageTemplate>.Failure(ErrorKind.Validation, errors);
        var template = new MessageTemplate { Kind = kind!.Value, Title = title!.Trim(), Body = body!.Trim(), UpdatedAt = now };
        template.Raise(new MessageTemplateSaved(template.Id, actorId, now, template.Kind, template.Title, IsNew: true));
        return template;
    }

    public Result Edit(TemplateKind? kind, string? title, string? body, Guid actorId, DateTimeOffset now)
    {
        var errors = Check(kind, title, body);
        if (errors.Count > 0) return Result.Failure(ErrorKind.Validation, errors);
        Kind = kind!.Value;
        Title = title!.Trim();
        Body = body!.Trim();
        UpdatedAt = now;
        Raise(new MessageTemplateSaved(Id, actorId, now, Kind, Title, IsNew: false));
        return Result.Ok();
    }

    public Result Retire(Guid actorId, DateTimeOffset now)
    {
        if (IsRetired) return Result.Conflict(TemplateErrors.AlreadyRetired);
        IsRetired = true;
        UpdatedAt = now;
        Raise(new MessageTemplateRetired(Id, actorId, now, Title));
        return Result.Ok();
    }

    /// <summary>The body with each variable replaced; the values are inserted as they are.</summary>
    public string Render(TemplateValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return VariablePattern().Replace(Body, match => match.Groups[1].Value switch
        {
            "organisation" => values.Organization,
            "numero" => values.Number,
            "titre" => values.Title,
            "lien" => values.Link,
            _ => match.Value,
        });
    }

    private static List<Error> Check(TemplateKind? kind, string? title, string? body)
    {
        var errors = new List<Error>();
        if (kind is not { } k || !Enum.IsDefined(k)) errors.Add(TemplateErrors.KindRequired.ForField(nameof(Kind)));
        if (string.IsNullOrWhiteSpace(title)) errors.Add(TemplateErrors.TitleRequired.ForField(nameof(Title)));
        else if (title.Trim().Length > TitleMaxLength) errors.Add(TemplateErrors.TitleTooLong.ForField(nameof(Title)));
        if (string.IsNullOrWhiteSpace(body)) errors.Add(TemplateErrors.BodyRequired.ForField(nameof(Body)));
        else if (body.Trim().Length > BodyMaxLength) errors.Add(TemplateErrors.BodyTooLong.ForField(nameof(Body)));
        else if (UnknownVariables(body).FirstOrDefault() is { } unknown) errors.Add(TemplateErrors.UnknownVariable(unknown).ForField(nameof(Body)));
        return errors;
    }

    private static IEnumerable<string> UnknownVariables(string body) =>
        VariablePattern().Matches(body).Select(m => m.Groups[1].Value).Where(name => Variables.All(v => v.Name != name));

    [GeneratedRegex(@"\{([^{}\s]{1,40})\}")]
    private static partial Regex VariablePattern();
}

public abstract record MessageTemplateEvent(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt) : DomainEvent(AggregateId, ActorId, OccurredAt)
{
    public sealed override string AggregateType => "MessageTemplate";
}

public sealed record MessageTemplateSaved(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, TemplateKind Kind, string Title, bool IsNew)
    : MessageTemplateEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => IsNew ? "message_template.created" : "message_template.edited";
}

public sealed record MessageTemplateRetired(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, string Title)
    : MessageTemplateEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "message_template.retired";
    public override string? FromState => "Offered";
    public override string? ToState => "Retired";
}

public static class TemplateErrors
{
    public static readonly Error KindRequired = new("template.kind_required", "Choisissez où ce modèle est proposé.");
    public static readonly Error TitleRequired = new("template.title_required", "Saisissez le nom du modèle.");
    public static readonly Error TitleTooLong = new("template.title_too_long", $"Le nom ne peut pas dépasser {MessageTemplate.TitleMaxLength} caractères.");
    public static readonly Error BodyRequired = new("template.body_required", "Saisissez le texte du modèle.");
    public static readonly Error BodyTooLong = new("template.body_too_long", $"Le texte ne peut pas dépasser {MessageTemplate.BodyMaxLength} caractères.");
    public static readonly Error AlreadyRetired = new("template.already_retired", "Ce modèle est déjà retiré.");

    public static Error UnknownVariable(string name) => new("template.unknown_variable",
        $"La variable {{{name}}} n'existe pas. Variables possibles : {string.Join(", ", MessageTemplate.Variables.Select(v => "{" + v.Name + "}"))}.");
}
