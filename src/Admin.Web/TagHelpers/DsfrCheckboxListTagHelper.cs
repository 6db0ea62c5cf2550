using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Admin.Web.TagHelpers;

/// <summary>
/// One box of a checkbox list: the posted value and its French label. A locked box is ticked and
/// disabled (so not posted: the server keeps its value itself).
/// </summary>
public sealed record DsfrOption(string Value, string Label, string? Hint = null, bool Locked = false);

/// <summary>
/// A DSFR fieldset of checkboxes bound to a list (all boxes share the field's name). Errors show
/// below the fieldset; every box is described by them. Several lists may share one field (e.g. the
/// scopes, one fieldset per provider): give each an <c>id</c>, set <c>messages="false"</c> on
/// them and put a <c>&lt;dsfr-messages for="…"/&gt;</c> after the last one.
/// </summary>
[HtmlTargetElement("dsfr-checkbox-list", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrCheckboxListTagHelper : TagHelper
{
    [HtmlAttributeName("for")] public ModelExpression For { get; set; } = default!;
    public string Legend { get; set; } = "";
    public string? Hint { get; set; }
    public IEnumerable<DsfrOption> Options { get; set; } = [];

    /// <summary>Unique id of the fieldset when several lists share the field; defaults to the field's id.</summary>
    public string? Id { get; set; }

    /// <summary>False when a shared <c>&lt;dsfr-messages&gt;</c> shows the errors.</summary>
    public bool Messages { get; set; } = true;

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var fieldId = TagBuilder.CreateSanitizedId(name, "_");
        var id = Id ?? fieldId;
        var messagesId = fieldId + "-messages";
        var errors = DsfrCheckboxLists.ErrorsFor(ViewContext, name);
        // A blank value posted for a box ("Form.Scopes=") binds as a null element: it selects nothing.
        var selected = (For.Model as System.Collections.IEnumerable)?.OfType<object>().Select(v => v.ToString()).ToHashSet(StringComparer.Ordinal)
            ?? [];

        output.TagName = "fieldset";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "fr-fieldset fr-fieldset--error" : "fr-fieldset");
        output.Attributes.SetAttribute("id", id);
        output.Attributes.SetAttribute("aria-labelledby", $"{id}-legend {messagesId}");

        var html = new HtmlContentBuilder();
        var legend = new TagBuilder("legend");
        legend.AddCssClass("fr-fieldset__legend");
        legend.Attributes["id"] = id + "-legend";
        legend.InnerHtml.Append(Legend);
        if (!string.IsNullOrEmpty(Hint))
        {
            var hint = new TagBuilder("span");
            hint.AddCssClass("fr-hint-text");
            hint.InnerHtml.Append(Hint);
            legend.InnerHtml.AppendHtml(hint);
        }

        html.AppendHtml(legend);
        foreach (var option in Options)
        {
            var boxId = TagBuilder.CreateSanitizedId($"{fieldId}-{option.Value}", "_");
            var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            input.Attributes["type"] = "checkbox";
            input.Attributes["id"] = boxId;
            input.Attributes["name"] = name;
            input.Attributes["value"] = option.Value;
            input.Attributes["aria-describedby"] = messagesId;
            if (option.Locked || selected.Contains(option.Value)) input.Attributes["checked"] = "checked";
            if (option.Locked) input.Attributes["disabled"] = "disabled";

            html.AppendHtml("<div class=\"fr-fieldset__element\"><div class=\"fr-checkbox-group\">");
            html.AppendHtml(input);
            html.AppendHtml(DsfrForms.Label(boxId, option.Label, option.Hint, required: false));
            html.AppendHtml("</div></div>");
        }

        if (Messages) html.AppendHtml(DsfrForms.Messages(fieldId, errors));
        output.Content.SetHtmlContent(html);
    }
}

/// <summary>The errors of a field, in a DSFR messages group whose id its inputs refer to.</summary>
[HtmlTargetElement("dsfr-messages", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrMessagesTagHelper : TagHelper
{
    [HtmlAttributeName("for")] public ModelExpression For { get; set; } = default!;

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        output.TagName = null;
        output.Content.SetHtmlContent(DsfrForms.Messages(TagBuilder.CreateSanitizedId(name, "_"), DsfrCheckboxLists.ErrorsFor(ViewContext, name)));
    }
}

internal static class DsfrCheckboxLists
{
    /// <summary>The list's own errors and those model binding filed under an element ("Scopes[0]").</summary>
    public static IReadOnlyList<string> ErrorsFor(ViewContext view, string name) =>
        view.ViewData.ModelState
            .Where(kv => kv.Key == name || kv.Key.StartsWith(name + "[", StringComparison.Ordinal))
            .SelectMany(kv => kv.Value?.Errors ?? [])
            .Select(e => e.ErrorMessage).Where(m => m.Length > 0).Distinct().ToList();
}
