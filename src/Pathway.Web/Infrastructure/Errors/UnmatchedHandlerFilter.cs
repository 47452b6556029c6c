using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Pathway.Web.Infrastructure.Errors;

/// <summary>
/// Answers a request no page handler matches with 405 (the page has no handler for the method; an Allow header names
/// those it has) or 400 (it has handlers for the method, but not the one named), instead of rendering the page.
/// </summary>
/// <remarks>
/// Razor Pages renders a page whose handlers did not run when none matches, for example a POST with a valid antiforgery
/// token to a page that only has <c>OnGet</c>. The page's view then reads properties only a handler sets, and throws:
/// every GET-only page that loads a record answered such a POST with a 500.
/// </remarks>
public sealed class UnmatchedHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is not null) return next();
        var method = context.HttpContext.Request.Method;
        var isRead = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        var handlers = context.ActionDescriptor.HandlerMethods;
        // HEAD is served by the GET handlers.
        var forMethod = handlers.Any(h => string.Equals(h.HttpMethod, isRead ? "GET" : method, StringComparison.OrdinalIgnoreCase));
        if (forMethod)
        {
            // A page whose GET handlers are all named still renders on a plain GET, as it always has.
            if (isRead && !NamesAHandler(context)) return next();
            context.Result = new BadRequestResult();
            return Task.CompletedTask;
        }
        // A page with no GET handler at all is a plain view, which renders without one.
        if (isRead) return next();
        var allowed = handlers.Select(h => h.HttpMethod.ToUpperInvariant()).Append("GET").Append("HEAD").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        return Task.CompletedTask;
    }

    private static bool NamesAHandler(PageHandlerExecutingContext context) =>
        context.RouteData.Values.ContainsKey("handler") || context.HttpContext.Request.Query.ContainsKey("handler");
}
