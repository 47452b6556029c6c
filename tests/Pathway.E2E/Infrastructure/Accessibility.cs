using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Pathway.E2E.Infrastructure;

/// <summary>axe-core over the page as it stands, for WCAG 2.2 AA (the level the accessibility statement promises).</summary>
public static class Accessibility
{
    private static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        // Every rule still runs; only violations carry every node back, which makes each scan markedly cheaper.
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>Fails the test with every violation's rule, impact, help text and the selectors of the elements at fault.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, ITestOutputHelper output, string? what = null)
    {
        // A scan that never finishes (a page with scripts switched off, say) must fail the test, not stall the run.
        var timer = System.Diagnostics.Stopwatch.StartNew();
        var result = await page.RunAxe(Wcag22AA).WaitAsync(TimeSpan.FromSeconds(90));
        timer.Stop();
        var label = what ?? new Uri(page.Url).PathAndQuery;
        if (result.Violations.Length == 0)
        {
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
}
