using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Pathway.Domain.Access;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Infrastructure.UseCases;

/// <summary>
/// The request's case (one per request, scoped). Filled in by the pipeline from the route's
/// <see cref="CaseScopedAttribute"/> before a page handler or endpoint runs; the handler reads <see cref="Context"/>.
/// The access rules stay in <see cref="CaseAccess"/>; this only applies them the same way everywhere.
/// </summary>
public sealed class CurrentCase(CaseAccess access, AuditLog audit)
{
    private CaseContext? _context;

    public CaseContext Context => _context
        ?? throw new InvalidOperationException("This route does not declare [CaseScoped] (or .ForCase), so no case was loaded.");

    /// <summary>Loads, checks and audits the case the route names; false means answer 404 (the denied row is written).</summary>
    public async Task<bool> EnterAsync(HttpContext http, CaseScopedAttribute declared, CancellationToken ct)
    {
        if (!Guid.TryParse(http.GetRouteValue("id")?.ToString(), out var caseId)) return false;
        object? entityId = declared.EntityRouteValue is { } name && Guid.TryParse(http.GetRouteValue(name)?.ToString(), out var e) ? e : null;
        var need = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) ? declared.Need : declared.NeedOnPost;
        var c = await access.LoadAsync(caseId, need, ct, declared.EntityType, entityId);
        if (c is null) return false;
        if (declared.ReadActionOnGet is { } action && HttpMethods.IsGet(http.Request.Method))
            await audit.WriteAsync(action, "Case", c.Id, c.Id, ct: ct);
        var who = http.User.ToStaffContext();
        var canEdit = need == AccessNeed.Edit || await access.CanEditAsync(c, ct);
        _context = new CaseContext(c, who, new CasePermissions(Contribute: true, Edit: canEdit), CaseAccessRules.CanViewAccessLog(who));
        return true;
    }
}

/// <summary>
/// Runs <see cref="CurrentCase"/> for pages whose model carries <see cref="CaseScopedAttribute"/>. A handler method may
/// carry its own, which wins: a page that shows a record to readers and changes it for editors (an assessment's
/// submit and countersign buttons) declares the read on the model and the edit on its post handlers.
/// </summary>
public sealed class CurrentCasePageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var declared = context.HandlerMethod?.MethodInfo.GetCustomAttribute<CaseScopedAttribute>()
            ?? http.GetEndpoint()?.Metadata.GetMetadata<CaseScopedAttribute>();
        if (declared is not null
            && !await http.RequestServices.GetRequiredService<CurrentCase>().EnterAsync(http, declared, http.RequestAborted))
        {
            context.Result = new NotFoundResult();
            return;
        }
        await next();
    }
}

/// <summary>Declares a minimal-API endpoint case-scoped: the metadata the convention test reads, and the filter that acts on it.</summary>
public static class CurrentCaseEndpoints
{
    public static RouteHandlerBuilder ForCase(this RouteHandlerBuilder b, AccessNeed need, string entityType = "Case", string? entityRouteValue = null) =>
        b.WithMetadata(new CaseScopedAttribute(need) { EntityType = entityType, EntityRouteValue = entityRouteValue })
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                var declared = http.GetEndpoint()!.Metadata.GetMetadata<CaseScopedAttribute>()!;
                return await http.RequestServices.GetRequiredService<CurrentCase>().EnterAsync(http, declared, http.RequestAborted)
                    ? await next(context)
                    : TypedResults.NotFound();
            });
}
