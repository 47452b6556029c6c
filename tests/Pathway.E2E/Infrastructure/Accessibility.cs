using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Pathway.E2E.Infrastructure;

/// <summary>
/// axe-core over the page as it stands, for WCAG 2.2 AA (the level the accessibility statement promises), once per
/// distinct rendering of a page template: a page whose template (path with identifiers taken out, query names),
/// viewport width and set of components match one already scanned in this test run is not scanned again, because axe
/// would find the same thing. Another role's navigation, more rows or other text are the same rendering; a page that
/// shows an error summary, a panel, a form control or any component it did not show before is scanned.
/// </summary>
public static partial class Accessibility
{
    /// <summary>Renderings scanned in this run (by <see cref="RenderingKey"/>), with the label of the scan that covered them.</summary>
    private static readonly ConcurrentDictionary<string, string> Scanned = new(StringComparer.Ordinal);

    private static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        // Every rule still runs; only violations carry every node back, which makes each scan markedly cheaper.
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>Fails the test with every violation's rule, impact, help text and the selectors of the elements at fault.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, ITestOutputHelper output, string? what = null)
    {
        var label = what ?? new Uri(page.Url).PathAndQuery;
        var key = RenderingKey(page.Url, page.ViewportSize?.Width ?? 0, await page.ContentAsync());
        if (Scanned.TryGetValue(key, out var coveredBy))
        {
            output.WriteLine($"axe: {label}: same rendering as \"{coveredBy}\", already scanned in this run");
            return;
        }
        // A scan that never finishes (a page with scripts switched off, say) must fail the test, not stall the run.
        var timer = System.Diagnostics.Stopwatch.StartNew();
        var result = await page.RunAxe(Wcag22AA).WaitAsync(TimeSpan.FromSeconds(90));
        timer.Stop();
        if (result.Violations.Length == 0)
        {
            Scanned.TryAdd(key, label);
            output.WriteLine($"axe: {label}: no violations ({result.Passes.Length} rules passed, {timer.ElapsedMilliseconds} ms)");
            return;
        }
        var report = new StringBuilder($"axe found {result.Violations.Length} violation(s) on {label}:\n");
        foreach (var v in result.Violations)
        {
            report.Append("  ").Append(v.Id).Append(" [").Append(v.Impact).Append("] ").Append(v.Help).Append('\n');
            foreach (var node in v.Nodes)
                report.Append("    at ").Append(node.Target).Append('\n');
        }
        output.WriteLine(report.ToString());
        Assert.Fail(report.ToString());
    }

    /// <summary>
    /// What makes two visits the same rendering for axe: the path with identifiers replaced (query values dropped), the
    /// viewport width, and the set of components on the page — each element's design-system block classes
    /// (<c>govuk-table</c>, not <c>govuk-table__row</c>; modifiers such as <c>govuk-tag--red</c> count), or its tag, role
    /// and input type when it has none. Repeated rows, other text and other links do not count.
    /// </summary>
    public static string RenderingKey(string url, int width, string html)
    {
        var uri = new Uri(url);
        var path = Identifier().Replace(uri.AbsolutePath, "/{}");
        var query = string.Join('&', uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal));
        var kinds = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match tag in StartTag().Matches(html))
        {
            var attributes = tag.Groups[2].Value;
            var type = Attribute(attributes, "type");
            if (type == "hidden") continue;
            var blocks = Attribute(attributes, "class").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(c => !c.Contains("__", StringComparison.Ordinal)).ToList();
            if (blocks.Count > 0) kinds.UnionWith(blocks);
            else kinds.Add($"{tag.Groups[1].Value.ToLowerInvariant()}[{Attribute(attributes, "role")}][{type}]");
        }
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', kinds))));
        return $"{path}?{query}@{width}#{digest}";
    }

    private static string Attribute(string attributes, string name) =>
        Regex.Match(attributes, $@"\b{name}\s*=\s*""([^""]*)""", RegexOptions.IgnoreCase) is { Success: true } m ? m.Groups[1].Value : "";

    [GeneratedRegex(@"/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\d+|PWT(-[0-9A-Z]{4})+)(?=/|$)")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>")]
    private static partial Regex StartTag();
}
