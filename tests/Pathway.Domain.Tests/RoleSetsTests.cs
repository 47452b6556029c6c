using System.Reflection;
using System.Text.RegularExpressions;
using Pathway.Domain.Staff;

namespace Pathway.Domain.Tests;

/// <summary>
/// The role-set catalogue (<see cref="RoleSets"/>) names each set once: no two names for the same roles, no unused
/// names, and no set of roles defined anywhere else in the source.
/// </summary>
public sealed partial class RoleSetsTests
{
    private static readonly IReadOnlyList<(string Name, IReadOnlySet<StaffRole> Roles)> Catalogue =
        typeof(RoleSets).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(IReadOnlySet<StaffRole>))
            .Select(f => (f.Name, (IReadOnlySet<StaffRole>)f.GetValue(null)!))
            .ToList();

    [Fact]
    public void TheCatalogueHasSets()
    {
        Assert.True(Catalogue.Count >= 10, $"found {Catalogue.Count} sets");
        Assert.All(Catalogue, s => Assert.NotEmpty(s.Roles));
        Assert.Equal(
            typeof(RoleSets).GetFields(BindingFlags.Public | BindingFlags.Static).Length, Catalogue.Count);
    }

    [Fact]
    public void NoTwoNamesHoldTheSameRoles()
    {
        var duplicates = (
            from a in Catalogue
            from b in Catalogue
            where string.CompareOrdinal(a.Name, b.Name) < 0 && a.Roles.SetEquals(b.Roles)
            select $"{a.Name} = {b.Name} = {{{string.Join(", ", a.Roles.Order())}}}").ToList();
        Assert.True(duplicates.Count == 0, "The same roles under two names:\n" + string.Join("\n", duplicates));
    }

    [Fact]
    public void EverySetIsUsedOutsideTheCatalogue()
    {
        var uses = SourceFiles().Where(f => Path.GetFileName(f) != "RoleSets.cs").Select(File.ReadAllText).ToList();
        var unused = Catalogue.Select(s => s.Name)
            .Where(name => !uses.Any(text => Regex.IsMatch(text, $@"\bRoleSets\.{name}\b")))
            .ToList();
        Assert.True(unused.Count == 0, "Sets no code uses: " + string.Join(", ", unused));
    }

    /// <summary>A named set of roles outside the catalogue may only be an alias of one in it.</summary>
    [Fact]
    public void NoRoleSetIsDefinedOutsideTheCatalogue()
    {
        var offenders = (
            from file in SourceFiles()
            where Path.GetFileName(file) != "RoleSets.cs"
            from Match m in SetDeclaration().Matches(File.ReadAllText(file))
            where !m.Groups["value"].Value.TrimStart().StartsWith("RoleSets.", StringComparison.Ordinal)
            select $"{Path.GetFileName(file)}: {m.Value.Trim()}").ToList();
        Assert.True(offenders.Count == 0, "Role sets defined outside RoleSets:\n" + string.Join("\n", offenders));
    }

    [GeneratedRegex(@"(IReadOnlySet|ISet|HashSet|FrozenSet|IReadOnlyCollection|IReadOnlyList|IEnumerable)<StaffRole>\s+\w+\s*(=>|=)(?<value>[^;]*);")]
    private static partial Regex SetDeclaration();

    private static IEnumerable<string> SourceFiles()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pathway.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var src = Path.Combine(dir.FullName, "src");
        return Directory.EnumerateFiles(src, "*.cs*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }
}
