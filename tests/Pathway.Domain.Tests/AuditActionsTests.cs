using System.Reflection;
using System.Text.RegularExpressions;
using Pathway.Domain.Auditing;

namespace Pathway.Domain.Tests;

/// <summary>
/// The audit action catalogue, the fixed verb list and docs/audit.md agree, and no action is typed anywhere else: an
/// action written as a literal in a page, endpoint or handler drifts (`update`/`edit`/`save`), and a reader of the
/// audit trail could not find what it means.
/// </summary>
public sealed partial class AuditActionsTests
{
    internal static IReadOnlyList<string> All() =>
        typeof(AuditActions).GetNestedTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    [Fact]
    public void EveryAction_IsAreaThenVerb_FromTheFixedList_AndNamedOnce()
    {
        var all = All();
        Assert.True(all.Count > 200, $"only {all.Count} actions found: is the reflection right?");
        Assert.Equal(all.Count, all.Distinct().Count());
        var bad = all.Where(a => !ActionShape().IsMatch(a) || !AuditActions.Verbs.Any(v => a.EndsWith("." + v, StringComparison.Ordinal))).ToList();
        Assert.True(bad.Count == 0, "End each action with a verb from AuditActions.Verbs: " + string.Join(", ", bad));
    }

    [Fact]
    public void DocsAuditMd_ExplainsEveryAction_AndNamesNoActionThatIsNotWritten()
    {
        var all = All().ToHashSet();
        var docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "audit.md"));
        var named = DocAction().Matches(docs).Select(m => m.Groups[1].Value).Where(a => !a.EndsWith(".log", StringComparison.Ordinal)).ToHashSet();
        var wildcards = named.Where(n => n.EndsWith(".*", StringComparison.Ordinal)).Select(n => n[..^1]).ToList();

        var undocumented = all.Where(a => !named.Contains(a) && !wildcards.Any(w => a.StartsWith(w, StringComparison.Ordinal))).ToList();
        Assert.True(undocumented.Count == 0, "Say in docs/audit.md when these are written: " + string.Join(", ", undocumented));

        var stale = named.Where(n => n.EndsWith(".*", StringComparison.Ordinal)
                ? !all.Any(a => a.StartsWith(n[..^1], StringComparison.Ordinal))
                : !all.Contains(n))
            .ToList();
        Assert.True(stale.Count == 0, "docs/audit.md names actions nothing writes: " + string.Join(", ", stale));
    }

    [Fact]
    public void NoAuditActionLiteral_OutsideTheCatalogue()
    {
        var all = All().ToHashSet();
        var src = Path.Combine(RepoRoot(), "src");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(src, file).Replace('\\', '/');
            if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal)
                || relative.Contains("/Migrations/", StringComparison.Ordinal) || relative.EndsWith("Auditing/AuditActions.cs", StringComparison.Ordinal)) continue;
            var text = File.ReadAllText(file);
            offenders.AddRange(Literal().Matches(text).Select(m => m.Groups[1].Value).Where(all.Contains).Select(a => $"{relative}: \"{a}\""));
            if (AuditedLiteral().IsMatch(text)) offenders.Add($"{relative}: Audited(\"…\")");
        }
        Assert.True(offenders.Count == 0, "Use the AuditActions constant (add one there, and to docs/audit.md, if it is new): " + string.Join(", ", offenders));
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pathway.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Pathway.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$")]
    private static partial Regex ActionShape();

    [GeneratedRegex(@"`([a-z][a-z0-9-]*(?:\.(?:[a-z0-9][a-z0-9-]*|\*))+)`")]
    private static partial Regex DocAction();

    [GeneratedRegex("\"([a-z][a-z0-9-]*(?:\\.[a-z0-9][a-z0-9-]*)+)\"")]
    private static partial Regex Literal();

    [GeneratedRegex("(?<![A-Za-z])Audited\\(\\s*\"")]
    private static partial Regex AuditedLiteral();
}
