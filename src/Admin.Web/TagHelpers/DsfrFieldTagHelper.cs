using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Admin.Web.TagHelpers;

/// <summary>
/// One DSFR form field: label, hint, input, and its errors right below it, linked by
/// aria-describedby. What was typed comes back from ModelState, so nothing is lost on an error;
/// passwords are never written back into the page.
/// <code>&lt;dsfr-field for="Email" label="Adresse électronique" type="email" autocomplete="email" /&gt;</code>
/// </summary>
[HtmlTargetElement("dsfr-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")] public ModelExpression For { get; set; } = default!;
    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public bool Required { get; set; }
    public int? Maxlength { get; set; }
    public int Rows { get; set; } = 5;
    public string? Inputmode { get; set; }
    public string? Min { get; set; }
    public string? Max { get; set; }

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = DsfrForms.ErrorsFor(ViewContext, name);
        var value = Type == "password" ? null : DsfrForms.ValueFor(ViewContext, name, For.Model);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "fr-input-group fr-input-group--error" : "fr-input-group");

        var html = new HtmlContentBuilder();
        html.AppendHtml(DsfrForms.Label(id, Label, Hint, Required));

        var input = new TagBuilder(Type == "textarea" ? "textarea" : "input");
        input.AddCssClass("fr-input");
        if (errors.Count > 0) input.AddCssClass("fr-input--error");
        input.Attributes["id"] = id;
        input.Attributes["name"] = name;
        input.Attributes["aria-describedby"] = id + "-messages";
        if (errors.Count > 0) input.Attributes["aria-invalid"] = "true";
        if (Required) input.Attributes["required"] = "required";
        if (Maxlength is { } max) input.Attributes["maxlength"] = max.ToString(CultureInfo.InvariantCulture);
        if (Autocomplete is not null) input.Attributes["autocomplete"] = Autocomplete;
        if (Inputmode is not null) input.Attributes["inputmode"] = Inputmode;
        if (Min is not null) input.Attributes["min"] = Min;
        if (Max is not null) input.Attributes["max"] = Max;

        if (Type == "textarea")
        {
            input.Attributes["rows"] = Rows.ToString(CultureInfo.InvariantCulture);
            input.InnerHtml.Append(value ?? "");
            html.AppendHtml(input);
        }
        else
        {
            input.Attributes["type"] = Type;
            if (value is not null) input.Attributes["value"] = value;
            input.TagRenderMode = TagRenderMode.SelfClosing;
            html.AppendHtml(input);
        }

        html.AppendHtml(DsfrForms.Messages(id, errors));
        output.Content.SetHtmlContent(html);
    }
}

internal static class DsfrForms
{
    public static IReadOnlyList<string> ErrorsFor(ViewContext view, string name) =>
        view.ViewData.ModelState.TryGetValue(name, out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0).Distinct().ToList()
            : [];

    public static string? ValueFor(ViewContext view, string name, object? model)
    {
        if (view.ViewData.ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue is not null)
        {
            return entry.AttemptedValue;
        }

        return model switch
        {
            null => null,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => model.ToString(),
        };
    }

    public static IHtmlContent Label(string id, string label, string? hint, bool required)
    {
        var tag = new TagBuilder("label");
        tag.AddCssClass("fr-label");
        tag.Attributes["for"] = id;
        tag.InnerHtml.Append(label);
        if (required)
        {
            tag.InnerHtml.AppendHtml(" <span class=\"fr-text--sm\" aria-hidden=\"true\">*</span>");
        }

        if (!string.IsNullOrEmpty(hint))
        {
            var span = new TagBuilder("span");
            span.AddCssClass("fr-hint-text");
            span.InnerHtml.Append(hint);
            tag.InnerHtml.AppendHtml(span);
        }

        return tag;
    }

    public static IHtmlContent Messages(string id, IReadOnlyList<string> errors)
    {
        var group = new TagBuilder("div");
        group.AddCssClass("fr-messages-group");
        group.Attributes["id"] = id + "-messages";
        group.Attributes["aria-live"] = "polite";
        foreach (var error in errors)
        {
            var p = new TagBuilder("p");
            p.AddCssClass("fr-message fr-message--error");
            p.InnerHtml.Append(error);
            group.InnerHtml.AppendHtml(p);
        }

        return group;
    }

    public static string Render(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
