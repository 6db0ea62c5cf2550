using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Admin.Web.TagHelpers;

/// <summary>A DSFR file input (fr-upload-group) with its errors below it. The form needs enctype="multipart/form-data".</summary>
[HtmlTargetElement("dsfr-upload", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrUploadTagHelper : TagHelper
{
    [HtmlAttributeName("for")] public ModelExpression For { get; set; } = default!;
    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public string? Accept { get; set; }

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = DsfrForms.ErrorsFor(ViewContext, name);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "fr-upload-group fr-upload-group--error" : "fr-upload-group");

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass("fr-upload");
        input.Attributes["type"] = "file";
        input.Attributes["id"] = id;
        input.Attributes["name"] = name;
        input.Attributes["aria-describedby"] = id + "-messages";
        if (errors.Count > 0) input.Attributes["aria-invalid"] = "true";
        if (Accept is not null) input.Attributes["accept"] = Accept;

        var html = new HtmlContentBuilder();
        html.AppendHtml(DsfrForms.Label(id, Label, Hint, required: false));
        html.AppendHtml(input);
        html.AppendHtml(DsfrForms.Messages(id, errors));
        output.Content.SetHtmlContent(html);
    }
}
