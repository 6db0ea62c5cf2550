using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Admin.Web.TagHelpers;

/// <summary>
/// At the top of a form that was refused: how many fields need attention, each error as a link to
/// its field (DSFR and RGAA: the user learns at once that the form was not accepted, and reaches
/// each field from the list), then the errors that belong to no field. A field's element carries
/// the id its name gives (<c>Form.Dpo.Email</c> → <c>Form_Dpo_Email</c>), as the DSFR tag helpers
/// render it.
/// </summary>
[HtmlTargetElement("dsfr-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrErrorSummaryTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = default!;

    /// <summary>How a field's error reads in the list (field name, message), e.g. with the contact it is about; the message by default.</summary>
    public Func<string, string, string>? Describe { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.IsValid)
        {
            output.SuppressOutput();
            return;
        }

        var general = modelState.TryGetValue("", out var entry) && entry is not null ? entry.Errors.Select(e => e.ErrorMessage).Distinct().ToList() : [];
        // A list's element refused by model binding ("Form.Scopes[0]") belongs to the list's field.
        var fields = modelState.Where(kv => kv.Key.Length > 0 && kv.Value is { Errors.Count: > 0 })
            .SelectMany(kv => kv.Value!.Errors.Select(e => (Field: FieldOf(kv.Key), e.ErrorMessage)))
            .Where(e => e.ErrorMessage.Length > 0)
            .Distinct()
            .ToList();
        var fieldCount = fields.Select(f => f.Field).Distinct(StringComparer.Ordinal).Count();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "fr-alert fr-alert--error fr-mb-4w");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("id", "error-summary");
        var title = new TagBuilder("h2");
        title.AddCssClass("fr-alert__title");
        title.InnerHtml.Append(fieldCount > 0
            ? fieldCount == 1 ? "Un champ est à corriger :" : $"{fieldCount} champs sont à corriger :"
            : "Le formulaire n'a pas pu être envoyé.");
        output.Content.AppendHtml(title);
        if (fields.Count > 0)
        {
            var list = new TagBuilder("ul");
            list.AddCssClass("apip-error-links");
            foreach (var (field, message) in fields)
            {
                var link = new TagBuilder("a");
                link.Attributes["href"] = "#" + TagBuilder.CreateSanitizedId(field, "_");
                link.InnerHtml.Append(Describe?.Invoke(field, message) ?? message);
                var item = new TagBuilder("li");
                item.InnerHtml.AppendHtml(link);
                list.InnerHtml.AppendHtml(item);
            }

            output.Content.AppendHtml(list);
        }

        foreach (var message in general)
        {
            var p = new TagBuilder("p");
            p.InnerHtml.Append(message);
            output.Content.AppendHtml(p);
        }
    }

    private static string FieldOf(string key) => key.IndexOf('[', StringComparison.Ordinal) is var bracket and > 0 ? key[..bracket] : key;
}
