using Microsoft.AspNetCore.Html;
using Pathway.Web.Features.Training;

namespace Pathway.Web.Features.Home;

/// <summary>
/// The privacy notice, read from <c>docs/governance/privacy-notice.md</c> (embedded in the assembly at build time): the
/// document the data protection officer signs off is the page people read. Its first <c># </c> line is the page heading.
/// </summary>
public static class PrivacyNotice
{
    private const string ResourceName = "Pathway.Governance.privacy-notice.md";

    private static readonly Lazy<(string Title, string Body)> Notice = new(Load);

    public static string Title => Notice.Value.Title;

    /// <summary>The markdown below the heading, exactly as the document has it.</summary>
    public static string Markdown => Notice.Value.Body;

    public static IHtmlContent Html => LessonMarkdown.Render(Notice.Value.Body, topLevel: 2);

    private static (string, string) Load()
    {
        using var stream = typeof(PrivacyNotice).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The privacy notice ({ResourceName}) is not embedded in the build.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        var firstLine = text.IndexOf('\n', StringComparison.Ordinal);
        var heading = text[..firstLine].Trim();
        if (!heading.StartsWith("# ", StringComparison.Ordinal)) throw new InvalidOperationException("The privacy notice must start with a '# ' heading.");
        return (heading[2..].Trim(), text[(firstLine + 1)..]);
    }
}
