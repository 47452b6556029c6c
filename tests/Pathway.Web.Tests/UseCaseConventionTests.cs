using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests;

/// <summary>
/// Keeps migrated areas on the one use-case shape (docs/adr/0006-one-shape-for-use-cases.md): their page models and
/// endpoint files save nothing themselves (handlers do), and every case route in them declares its access need and
/// audit action. <see cref="StillToMigrate"/> lists the folders under <c>src/Pathway.Web/Features</c> not yet moved:
/// when an area moves to the shape, delete its line here and the checks apply to it from then on.
/// </summary>
public sealed class UseCaseConventionTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] StillToMigrate =
    [
    ];

    private static bool IsMigrated(string areaPath) =>
        !StillToMigrate.Any(a => areaPath == a || areaPath.StartsWith(a + "/", StringComparison.Ordinal));

    [Fact]
    public void PageModelsAndEndpointFiles_OfMigratedAreas_SaveNothingThemselves()
    {
        var features = Path.Combine(RepoRoot(), "src", "Pathway.Web", "Features");
        var checkedFiles = 0;
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(features, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(features, file).Replace('\\', '/');
            var name = Path.GetFileName(file);
            if (!IsMigrated(Path.GetDirectoryName(relative)!.Replace('\\', '/'))) continue;
            if (!(name.EndsWith(".cshtml.cs", StringComparison.Ordinal) || name.EndsWith("Endpoints.cs", StringComparison.Ordinal)
                  || name.EndsWith("Endpoint.cs", StringComparison.Ordinal))) continue;
            checkedFiles++;
            if (File.ReadAllText(file).Contains("SaveChangesAsync", StringComparison.Ordinal)) offenders.Add(relative);
        }
        Assert.True(checkedFiles > 0, "No page model or endpoint file of a migrated area was found: is the path right?");
        Assert.True(offenders.Count == 0,
            "Move the write into the use case's handler (Features/<Area>/<UseCase>.cs, returning Outcome<T>): " + string.Join(", ", offenders));
    }

    [Fact]
    public void EveryCaseRoute_OfMigratedAreas_DeclaresItsNeedAndAction()
    {
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var caseRoutes = endpoints
            .Where(e => IsCaseRoute(e.RoutePattern.RawText) && AreaOf(e) is { } area && IsMigrated(area))
            .ToList();
        // Both kinds must be recognised, or a page (or endpoint) regression would pass unseen.
        Assert.Contains(caseRoutes, e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null);
        Assert.Contains(caseRoutes, e => e.Metadata.GetMetadata<PageActionDescriptor>() is null);
        var missing = caseRoutes
            .Where(e => e.Metadata.GetMetadata<CaseScopedAttribute>() is null || e.Metadata.GetMetadata<AuditedAttribute>() is null)
            .Select(e => $"{string.Join("/", e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}")
            .ToList();
        Assert.True(missing.Count == 0, "Declare [CaseScoped(need)] on the page or .ForCase(need) on the endpoint, and its audit action: " + string.Join(", ", missing));
    }

    [Fact]
    public void TheAllowList_NamesFoldersThatExist()
    {
        var features = Path.Combine(RepoRoot(), "src", "Pathway.Web", "Features");
        Assert.All(StillToMigrate, a => Assert.True(Directory.Exists(Path.Combine(features, a)), $"Features/{a} does not exist: remove it from StillToMigrate"));
    }

    private static bool IsCaseRoute(string? template)
    {
        var t = (template ?? "").TrimStart('/');
        return t.StartsWith("cases/{id", StringComparison.Ordinal) || t.StartsWith("api/v1/cases/{id", StringComparison.Ordinal);
    }

    /// <summary>The folder under Features a page or endpoint lives in ("Compliance/Contacts"), or null when unknown.</summary>
    private static string? AreaOf(RouteEndpoint e)
    {
        if (e.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            return Path.GetDirectoryName(page.ViewEnginePath.TrimStart('/'))?.Replace('\\', '/');
        const string prefix = "Pathway.Web.Features.";
        var ns = e.Metadata.GetMetadata<MethodInfo>()?.DeclaringType?.Namespace;
        return ns is not null && ns.StartsWith(prefix, StringComparison.Ordinal) ? ns[prefix.Length..].Replace('.', '/') : null;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pathway.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Pathway.slnx not found above " + AppContext.BaseDirectory);
    }
}
