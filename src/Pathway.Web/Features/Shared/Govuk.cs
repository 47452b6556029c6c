using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Pathway.Web.Features.Shared;

/// <summary>
/// GOV.UK Design System form fields, with the error message and red border that the error summary links to.
/// Field names are model-binding names (<c>Input.GivenName</c>); ids replace dots with underscores.
/// </summary>
public static class Govuk
{
    /// <summary>A choice; <paramref name="Hint"/> shows under a radio's label.</summary>
    public sealed record Option(string Value, string Text, string? Hint = null);

    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    private static string? ErrorFor(IHtmlHelper html, string name)
    {
        var state = html.ViewData.ModelState;
        return state.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
    }

    private static string ErrorMessage(string id, string? error) => error is null ? "" :
        $"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(error)}</p>";

    private static string Hint(string id, string? hint) => hint is null ? "" : $"<div id=\"{id}-hint\" class=\"govuk-hint\">{E(hint)}</div>";

    private static string Described(string id, string? hint, string? error)
    {
        var ids = new List<string>();
        if (hint is not null) ids.Add(id + "-hint");
        if (error is not null) ids.Add(id + "-error");
        return ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }

    public static IHtmlContent Input(this IHtmlHelper html, string name, string label, string? value, string? hint = null,
        string width = "", string type = "text", string? autocomplete = null, bool spellcheck = false, bool labelIsHeading = false)
    {
        var id = FieldIds.For(name);
        var error = ErrorFor(html, name);
        var sb = new StringBuilder();
        sb.Append($"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\">");
        sb.Append(labelIsHeading
            ? $"<h1 class=\"govuk-label-wrapper\"><label class=\"govuk-label govuk-label--l\" for=\"{id}\">{E(label)}</label></h1>"
            : $"<label class=\"govuk-label\" for=\"{id}\">{E(label)}</label>");
        sb.Append(Hint(id, hint)).Append(ErrorMessage(id, error));
        var cls = "govuk-input" + (width.Length > 0 ? $" govuk-input--width-{width}" : "") + (error is null ? "" : " govuk-input--error");
        sb.Append($"<input class=\"{cls}\" id=\"{id}\" name=\"{name}\" type=\"{type}\" value=\"{E(value)}\"{Described(id, hint, error)}");
        if (autocomplete is not null) sb.Append($" autocomplete=\"{autocomplete}\"");
        if (!spellcheck && type == "text") sb.Append(" spellcheck=\"false\"");
        sb.Append("></div>");
        return new HtmlString(sb.ToString());
    }

    public static IHtmlContent Textarea(this IHtmlHelper html, string name, string label, string? value, string? hint = null, int rows = 5)
    {
        var id = FieldIds.For(name);
        var error = ErrorFor(html, name);
        return new HtmlString(
            $"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\">" +
            $"<label class=\"govuk-label\" for=\"{id}\">{E(label)}</label>{Hint(id, hint)}{ErrorMessage(id, error)}" +
            $"<textarea class=\"govuk-textarea{(error is null ? "" : " govuk-textarea--error")}\" id=\"{id}\" name=\"{name}\" rows=\"{rows}\"{Described(id, hint, error)}>{E(value)}</textarea></div>");
    }

    public static IHtmlContent Select(this IHtmlHelper html, string name, string label, IEnumerable<Option> options, string? selected, string? hint = null, string? emptyText = null)
    {
        var id = FieldIds.For(name);
        var error = ErrorFor(html, name);
        var sb = new StringBuilder();
        sb.Append($"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\">");
        sb.Append($"<label class=\"govuk-label\" for=\"{id}\">{E(label)}</label>{Hint(id, hint)}{ErrorMessage(id, error)}");
        sb.Append($"<select class=\"govuk-select{(error is null ? "" : " govuk-select--error")}\" id=\"{id}\" name=\"{name}\"{Described(id, hint, error)}>");
        if (emptyText is not null) sb.Append($"<option value=\"\">{E(emptyText)}</option>");
        foreach (var o in options)
            sb.Append($"<option value=\"{E(o.Value)}\"{(o.Value == selected ? " selected" : "")}>{E(o.Text)}</option>");
        sb.Append("</select></div>");
        return new HtmlString(sb.ToString());
    }

    public static IHtmlContent Radios(this IHtmlHelper html, string name, string legend, IEnumerable<Option> options, string? selected, string? hint = null, bool inline = false, bool small = false)
    {
        var id = FieldIds.For(name);
        var error = ErrorFor(html, name);
        var sb = new StringBuilder();
        sb.Append($"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\">");
        sb.Append($"<fieldset class=\"govuk-fieldset\"{Described(id, hint, error)}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(legend)}</legend>");
        sb.Append(Hint(id, hint)).Append(ErrorMessage(id, error));
        sb.Append($"<div class=\"govuk-radios{(inline ? " govuk-radios--inline" : "")}{(small ? " govuk-radios--small" : "")}\" data-module=\"govuk-radios\">");
        var i = 0;
        foreach (var o in options)
        {
            var oid = i == 0 ? id : $"{id}-{i}";
            var itemHint = o.Hint is null ? "" : $" aria-describedby=\"{oid}-item-hint\"";
            sb.Append($"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{oid}\" name=\"{name}\" type=\"radio\" value=\"{E(o.Value)}\"{(o.Value == selected ? " checked" : "")}{itemHint}>");
            sb.Append($"<label class=\"govuk-label govuk-radios__label\" for=\"{oid}\">{E(o.Text)}</label>");
            if (o.Hint is not null) sb.Append($"<div id=\"{oid}-item-hint\" class=\"govuk-hint govuk-radios__hint\">{E(o.Hint)}</div>");
            sb.Append("</div>");
            i++;
        }
        sb.Append("</div></fieldset></div>");
        return new HtmlString(sb.ToString());
    }

    public static IHtmlContent Checkboxes(this IHtmlHelper html, string name, string legend, IEnumerable<Option> options, IEnumerable<string> selected, string? hint = null, bool small = true)
    {
        var id = FieldIds.For(name);
        var error = ErrorFor(html, name);
        var chosen = selected.ToHashSet(StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append($"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\">");
        sb.Append($"<fieldset class=\"govuk-fieldset\"{Described(id, hint, error)}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(legend)}</legend>");
        sb.Append(Hint(id, hint)).Append(ErrorMessage(id, error));
        sb.Append($"<div class=\"govuk-checkboxes{(small ? " govuk-checkboxes--small" : "")}\" data-module=\"govuk-checkboxes\">");
        var i = 0;
        foreach (var o in options)
        {
            var oid = i == 0 ? id : $"{id}-{i}";
            sb.Append($"<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"{oid}\" name=\"{name}\" type=\"checkbox\" value=\"{E(o.Value)}\"{(chosen.Contains(o.Value) ? " checked" : "")}>");
            sb.Append($"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{oid}\">{E(o.Text)}</label></div>");
            i++;
        }
        sb.Append("</div></fieldset></div>");
        return new HtmlString(sb.ToString());
    }

    public static IHtmlContent DateInput(this IHtmlHelper html, string name, string legend, Infrastructure.Forms.DateParts? value, string? hint = "For example, 27 3 1990")
    {
        var id = FieldIds.For(name);
        var error = ErrorFor(html, name);
        value ??= new Infrastructure.Forms.DateParts();
        var sb = new StringBuilder();
        sb.Append($"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\">");
        sb.Append($"<fieldset class=\"govuk-fieldset\" role=\"group\"{Described(id, hint, error)}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(legend)}</legend>");
        sb.Append(Hint(id, hint)).Append(ErrorMessage(id, error));
        sb.Append($"<div class=\"govuk-date-input\" id=\"{id}-inputs\">");
        void Part(string part, string label, string? v, int width)
        {
            // The day field carries the field's own id, so the error summary's link lands on it.
            var pid = part == "Day" ? id : $"{id}_{part}";
            sb.Append($"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label class=\"govuk-label govuk-date-input__label\" for=\"{pid}\">{label}</label>");
            sb.Append($"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{(error is null ? "" : " govuk-input--error")}\" id=\"{pid}\" name=\"{name}.{part}\" type=\"text\" inputmode=\"numeric\" value=\"{E(v)}\"></div></div>");
        }
        Part("Day", "Day", value.Day, 2);
        Part("Month", "Month", value.Month, 2);
        Part("Year", "Year", value.Year, 4);
        sb.Append("</div></fieldset></div>");
        return new HtmlString(sb.ToString());
    }

    public static IEnumerable<Option> EnumOptions<T>(Func<T, string> text) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new Option(v.ToString(), text(v)));
}
