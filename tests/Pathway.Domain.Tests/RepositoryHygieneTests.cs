namespace Pathway.Domain.Tests;

/// <summary>What a merge can leave behind unseen: conflict markers in code or docs (a build catches them in C#, nothing in Markdown).</summary>
public sealed class RepositoryHygieneTests
{
    [Fact]
    public void NoFile_HoldsAMergeConflictMarker()
    {
        var root = RepoRoot();
        var offenders = new List<string>();
        var checkedFiles = 0;
        foreach (var top in new[] { "docs", "src", "tests", "scripts", "bench", "tools" }.Select(d => Path.Combine(root, d)).Where(Directory.Exists).Append(root))
        {
            var option = top == root ? SearchOption.TopDirectoryOnly : SearchOption.AllDirectories;
            foreach (var file in Directory.EnumerateFiles(top, "*", option))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal)
                    || relative.Contains("node_modules/", StringComparison.Ordinal) || relative.Contains("/wwwroot/lib/", StringComparison.Ordinal)
                    || relative.Contains("/TestResults/", StringComparison.Ordinal)) continue;
                if (Path.GetExtension(file) is not (".md" or ".cs" or ".cshtml" or ".scss" or ".sh" or ".json" or ".R" or ".csproj" or ".props" or ".yml")) continue;
                checkedFiles++;
                var lines = File.ReadLines(file).ToList();
                if (lines.Any(l => l.StartsWith("<<<<<<< ", StringComparison.Ordinal) || l.StartsWith(">>>>>>> ", StringComparison.Ordinal)))
                    offenders.Add(relative);
            }
        }
        Assert.True(checkedFiles > 100, $"only {checkedFiles} files checked: is the repository root right?");
        Assert.True(offenders.Count == 0, "Resolve the merge conflict in: " + string.Join(", ", offenders));
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pathway.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Pathway.slnx not found above " + AppContext.BaseDirectory);
    }
}
