using Microsoft.AspNetCore.Routing.Patterns;

namespace Pathway.Web.Infrastructure.Auditing;

/// <summary>
/// Makes sure a successful read of a case route leaves an audit row with the case id. Handlers write their own rows
/// (with the entity they showed); a handler that only checked edit access, which writes no read row, used to show the
/// case and record nothing (the signposting matches). If such a response starts with no row about the case, this writes
/// one with the route's declared action, entity <c>Case</c>, before any of the body is sent: if it cannot be written,
/// the request fails rather than show unaudited data.
/// </summary>
public sealed class CaseReadAudit(RequestDelegate next)
{
    /// <summary>Route prefixes whose <c>{id}</c> or <c>{caseId}</c> is a case id.</summary>
    private static readonly string[] CaseRoutes = ["cases/{id", "api/v1/cases/{id", "fhir/r4/Patient/{caseId"];

    public Task InvokeAsync(HttpContext http, AuditLog audit)
    {
        if (!(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            || http.GetEndpoint() is not RouteEndpoint endpoint
            || endpoint.Metadata.GetMetadata<AuditedAttribute>() is null
            || CaseIdOf(http, endpoint.RoutePattern) is not { } caseId)
            return next(http);

        http.Response.OnStarting(async () =>
        {
            if (http.Response.StatusCode is < 200 or >= 300 || audit.CasesRecorded.Contains(caseId)) return;
            // A scope of its own: the request's DbContext may hold changes its handler chose not to save.
            await using var scope = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().ReadAsync("Case", caseId, caseId, http.RequestAborted);
        });
        return next(http);
    }

    private static Guid? CaseIdOf(HttpContext http, RoutePattern pattern)
    {
        var template = (pattern.RawText ?? "").TrimStart('/');
        var route = CaseRoutes.FirstOrDefault(r => template.StartsWith(r, StringComparison.Ordinal));
        if (route is null) return null;
        var name = route.EndsWith("{caseId", StringComparison.Ordinal) ? "caseId" : "id";
        return Guid.TryParse(http.GetRouteValue(name)?.ToString(), out var id) ? id : null;
    }
}
