using Admin.Domain.Common;
using Admin.Domain.Messages;

namespace Admin.Domain.Tests.Messages;

public sealed class MessageTemplateTests
{
    private static readonly Guid Administrator = Guid.Parse("00000000-0000-0000-0000-0000000000d4");
    private static readonly TemplateValues Values = new("Ville de Paris", "0A1B2C3D4E5F", "Tarification de la cantine", "https://admin.example/demandes/1");

    [Fact]
    public void Create_trims_and_raises_a_created_event()
    {
        var template = MessageTemplate.Create(TemplateKind.Refusal, "  Refus  ", "  Motif {numero}.  ", Administrator, TestClock.Now).Value;

        Assert.Equal((TemplateKind.Refusal, "Refus", "Motif {numero}.", false, TestClock.Now),
            (template.Kind, template.Title, template.Body, template.IsRetired, template.UpdatedAt));
        var saved = Assert.IsType<MessageTemplateSaved>(Assert.Single(template.DomainEvents));
        Assert.Equal((template.Id, (Guid?)Administrator, TemplateKind.Refusal, "Refus", true, "message_template.created", "MessageTemplate"),
            (saved.AggregateId, saved.ActorId, saved.Kind, saved.Title, saved.IsNew, saved.Action, saved.AggregateType));
    }

    [Fact]
    public void Render_replaces_every_variable_each_time_it_appears_and_leaves_other_braces_alone()
    {
        var template = MessageTemplate.Create(TemplateKind.Message, "Tout",
            "{organisation} / {numero} / {titre} / {lien} / {numero} / { espace } / {}", null, TestClock.Now).Value;

        Assert.Equal("Ville de Paris / 0A1B2C3D4E5F / Tarification de la cantine / https://admin.example/demandes/1 / 0A1B2C3D4E5F / { espace } / {}",
            template.Render(Values));
    }

    [Fact]
    public void Render_inserts_values_as_they_are_even_when_they_look_like_variables()
    {
        var template = MessageTemplate.Create(TemplateKind.Message, "Titre", "« {titre} » pour {organisation}", null, TestClock.Now).Value;

        Assert.Equal("« {numero} » pour Ville de Paris", template.Render(Values with { Title = "{numero}" }));
    }

    [Theory]
    [InlineData("Bonjour {prenom}", "prenom")]
    [InlineData("{Organisation}", "Organisation")]
    [InlineData("{numero} et {date_limite}", "date_limite")]
    public void An_unknown_variable_is_refused_with_the_list_of_known_ones(string body, string unknown)
    {
        var result = MessageTemplate.Create(TemplateKind.Message, "Titre", body, null, TestClock.Now);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("template.unknown_variable", "Body"), (error.Code, error.Field));
        Assert.Equal($"La variable {{{unknown}}} n'existe pas. Variables possibles : {{organisation}}, {{numero}}, {{titre}}, {{lien}}.", error.Message);
    }

    [Fact]
    public void Missing_kind_title_and_body_are_each_refused_on_their_field()
    {
        var result = MessageTemplate.Create(null, " ", null, null, TestClock.Now);

        Assert.Equal(ErrorKind.Validation, result.FailureKind);
        Assert.Equal([TemplateErrors.KindRequired.ForField("Kind"), TemplateErrors.TitleRequired.ForField("Title"), TemplateErrors.BodyRequired.ForField("Body")],
            result.Errors);
        Assert.Equal(TemplateErrors.KindRequired.ForField("Kind"), Assert.Single(MessageTemplate.Create((TemplateKind)99, "T", "B", null, TestClock.Now).Errors));
    }

    [Fact]
    public void Title_and_body_at_their_maximum_are_accepted_one_more_character_is_refused()
    {
        var title = new string('t', MessageTemplate.TitleMaxLength);
        var body = new string('b', MessageTemplate.BodyMaxLength);

        Assert.True(MessageTemplate.Create(TemplateKind.Approval, $" {title} ", $" {body} ", null, TestClock.Now).IsSuccess);
        Assert.Equal([TemplateErrors.TitleTooLong.ForField("Title"), TemplateErrors.BodyTooLong.ForField("Body")],
            MessageTemplate.Create(TemplateKind.Approval, title + "t", body + "b", null, TestClock.Now).Errors);
        Assert.Equal((100, 4000), (MessageTemplate.TitleMaxLength, MessageTemplate.BodyMaxLength));
    }

    [Fact]
    public void Edit_changes_kind_title_and_body_and_raises_an_edited_event()
    {
        var template = MessageTemplate.Create(TemplateKind.Refusal, "Refus", "Texte", null, TestClock.Now).Value;
        template.ClearDomainEvents();
        var later = TestClock.Now.AddDays(1);

        Assert.True(template.Edit(TemplateKind.RequestChanges, " Modifications ", " Précisez {titre}. ", Administrator, later).IsSuccess);

        Assert.Equal((TemplateKind.RequestChanges, "Modifications", "Précisez {titre}.", later), (template.Kind, template.Title, template.Body, template.UpdatedAt));
        var saved = Assert.IsType<MessageTemplateSaved>(Assert.Single(template.DomainEvents));
        Assert.Equal((false, "message_template.edited", (Guid?)Administrator), (saved.IsNew, saved.Action, saved.ActorId));
    }

    [Fact]
    public void An_invalid_edit_changes_nothing_and_raises_nothing()
    {
        var template = MessageTemplate.Create(TemplateKind.Refusal, "Refus", "Texte", null, TestClock.Now).Value;
        template.ClearDomainEvents();

        var result = template.Edit(TemplateKind.Refusal, "Refus", "{inconnue}", Administrator, TestClock.Now.AddDays(1));

        Assert.Equal(ErrorKind.Validation, result.FailureKind);
        Assert.Equal(("Texte", TestClock.Now), (template.Body, template.UpdatedAt));
        Assert.Empty(template.DomainEvents);
    }

    [Fact]
    public void Retire_once_then_again_is_a_conflict()
    {
        var template = MessageTemplate.Create(TemplateKind.Approval, "Validation", "Texte", null, TestClock.Now).Value;
        template.ClearDomainEvents();
        var later = TestClock.Now.AddHours(2);

        Assert.True(template.Retire(Administrator, later).IsSuccess);
        Assert.True(template.IsRetired);
        Assert.Equal(later, template.UpdatedAt);
        var retired = Assert.IsType<MessageTemplateRetired>(Assert.Single(template.DomainEvents));
        Assert.Equal(("message_template.retired", "Offered", "Retired", "Validation", "MessageTemplate"),
            (retired.Action, retired.FromState, retired.ToState, retired.Title, retired.AggregateType));

        var again = template.Retire(Administrator, later);
        Assert.Equal(ErrorKind.Conflict, again.FailureKind);
        Assert.Equal(TemplateErrors.AlreadyRetired, Assert.Single(again.Errors));
        Assert.Single(template.DomainEvents);
    }

    [Fact]
    public void Rendering_without_values_is_a_programming_error()
    {
        var template = MessageTemplate.Create(TemplateKind.Message, "Titre", "Texte", null, TestClock.Now).Value;

        Assert.Throws<ArgumentNullException>("values", () => template.Render(null!));
    }

    [Fact]
    public void The_variables_are_the_four_documented_ones()
    {
        Assert.Equal(["organisation", "numero", "titre", "lien"], MessageTemplate.Variables.Select(v => v.Name));
        Assert.All(MessageTemplate.Variables, v => Assert.False(string.IsNullOrWhiteSpace(v.Meaning)));
    }
}
