using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Security;

/// <summary>
/// Keeps every area on the one use-case shape (docs/adr/0006-one-shape-for-use-cases.md): page models and endpoint
/// files save nothing themselves (handlers do), and every case route declares its access need and audit action. Every
/// area under <c>src/Pathway.Web/Features</c> moved in December 2026, so there is no allow-list any more.
/// </summary>
public sealed class UseCaseConventionTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void PageModelsAndEndpointFiles_SaveNothingThemselves()
    {
        var features = Path.Combine(RepoRoot(), "src", "Pathway.Web", "Features");
        var checkedFiles = 0;
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(features, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(features, file).Replace('\\', '/');
            var name = Path.GetFileName(file);
            if (!(name.EndsWith(".cshtml.cs", StringComparison.Ordinal) || name.EndsWith("Endpoints.cs", StringComparison.Ordinal)
                  || name.EndsWith("Endpoint.cs", StringComparison.Ordinal))) continue;
            checkedFiles++;
            if (File.ReadAllText(file).Contains("SaveChangesAsync", StringComparison.Ordinal)) offenders.Add(relative);
        }
        Assert.True(checkedFiles > 0, "No page model or endpoint file was found: is the path right?");
        Assert.True(offenders.Count == 0,
            "Move the write into the use case's handler (Features/<Area>/<UseCase>.cs, returning Outcome<T>): " + string.Join(", ", offenders));
    }

    [Fact]
    public void EveryCaseRoute_DeclaresItsNeedAndAction()
    {
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var caseRoutes = endpoints
            .Where(e => IsCaseRoute(e.RoutePattern.RawText))
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

    private static bool IsCaseRoute(string? template)
    {
        var t = (template ?? "").TrimStart('/');
        return t.StartsWith("cases/{id", StringComparison.Ordinal) || t.StartsWith("api/v1/cases/{id", StringComparison.Ordinal);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pathway.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Pathway.slnx not found above " + AppContext.BaseDirectory);
    }
}
