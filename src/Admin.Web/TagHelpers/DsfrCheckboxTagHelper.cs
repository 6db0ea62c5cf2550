using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Admin.Web.TagHelpers;

/// <summary>A DSFR checkbox bound to a boolean, with its errors below it.</summary>
[HtmlTargetElement("dsfr-checkbox", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrCheckboxTagHelper : TagHelper
{
    [HtmlAttributeName("for")] public ModelExpression For { get; set; } = default!;
    public string Label { get; set; } = "";
    public string? Hint { get; set; }

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = DsfrForms.ErrorsFor(ViewContext, name);
        var value = DsfrForms.ValueFor(ViewContext, name, For.Model);
        var isChecked = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase)
            || (value?.StartsWith("true,", StringComparison.OrdinalIgnoreCase) ?? false);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "fr-checkbox-group fr-checkbox-group--error" : "fr-checkbox-group");

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.Attributes["type"] = "checkbox";
        input.Attributes["id"] = id;
        input.Attributes["name"] = name;
        input.Attributes["value"] = "true";
        input.Attributes["aria-describedby"] = id + "-messages";
        if (isChecked) input.Attributes["checked"] = "checked";

        var html = new HtmlContentBuilder();
        html.AppendHtml(input);
        html.AppendHtml(DsfrForms.Label(id, Label, Hint, required: false));
        html.AppendHtml(DsfrForms.Messages(id, errors));
        // An unchecked box posts nothing; this makes it post "false".
        html.AppendHtml($"<input type=\"hidden\" name=\"{System.Net.WebUtility.HtmlEncode(name)}\" value=\"false\">");
        output.Content.SetHtmlContent(html);
    }
}
