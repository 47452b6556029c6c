using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Pathway.Web.Features.Training;

/// <summary>
/// Renders lesson Markdown safely and accessibly: raw HTML is not rendered (it is shown as text), links may only go to
/// http(s), mailto or relative addresses, headings start below the page's own heading, and elements get GOV.UK classes.
/// </summary>
public static class LessonMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <param name="topLevel">The heading level a Markdown "#" becomes: one below the page's own heading.</param>
    public static IHtmlContent Render(string? markdown, int topLevel = 2)
    {
        var doc = Markdown.Parse(markdown ?? "", Pipeline);
        var minimum = doc.Descendants<HeadingBlock>().Select(h => h.Level).DefaultIfEmpty(topLevel).Min();
        foreach (var node in doc.Descendants())
        {
            switch (node)
            {
                case HeadingBlock h:
                    h.Level = Math.Min(6, h.Level - minimum + topLevel);
                    h.GetAttributes().AddClass(h.Level switch { <= 2 => "govuk-heading-m", 3 => "govuk-heading-s", _ => "govuk-heading-s" });
                    break;
                case ParagraphBlock p when p.Parent is MarkdownDocument or QuoteBlock:
                    p.GetAttributes().AddClass("govuk-body");
                    break;
                case ListBlock l:
                    l.GetAttributes().AddClass(l.IsOrdered ? "govuk-list govuk-list--number" : "govuk-list govuk-list--bullet");
                    break;
                case QuoteBlock q:
                    q.GetAttributes().AddClass("govuk-inset-text");
                    break;
                case ThematicBreakBlock t:
                    t.GetAttributes().AddClass("govuk-section-break govuk-section-break--m govuk-section-break--visible");
                    break;
                case LinkInline link:
                    if (!IsSafe(link.Url)) link.Url = "#";
                    link.GetAttributes().AddClass("govuk-link");
                    break;
            }
        }
        return new HtmlString(doc.ToHtml(Pipeline));
    }

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        if (!Uri.TryCreate(url.Trim(), UriKind.RelativeOrAbsolute, out var uri)) return false;
        if (!uri.IsAbsoluteUri) return !url.TrimStart().StartsWith("//", StringComparison.Ordinal) && !url.Contains(':', StringComparison.Ordinal);
        return uri.Scheme is "http" or "https" or "mailto";
    }
}
