using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Admin.Web.TagHelpers;

/// <summary>
/// At the top of a form that was refused: how many fields need attention, and the errors that
/// belong to no field (RGAA: the user learns at once that the form was not accepted).
/// </summary>
[HtmlTargetElement("dsfr-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrErrorSummaryTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.IsValid)
        {
            output.SuppressOutput();
            return;
        }

        var general = modelState.TryGetValue("", out var entry) && entry is not null ? entry.Errors.Select(e => e.ErrorMessage).Distinct().ToList() : [];
        var fieldCount = modelState.Count(kv => kv.Key.Length > 0 && kv.Value is { Errors.Count: > 0 });

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "fr-alert fr-alert--error fr-mb-4w");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("id", "error-summary");
        var title = new TagBuilder("h2");
        title.AddCssClass("fr-alert__title");
        title.InnerHtml.Append(fieldCount > 0
            ? fieldCount == 1 ? "Un champ est à corriger." : $"{fieldCount} champs sont à corriger."
            : "Le formulaire n'a pas pu être envoyé.");
        output.Content.AppendHtml(title);
        foreach (var message in general)
        {
            var p = new TagBuilder("p");
            p.InnerHtml.Append(message);
            output.Content.AppendHtml(p);
        }
    }
}
