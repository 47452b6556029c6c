using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Pathway.Web.Tests.Infrastructure;

/// <summary>
/// Adds, after the app's own pipeline, a path that fails, so tests can see what an unexpected error looks like to
/// a person and to an API client (the app's exception handling wraps it).
/// </summary>
public sealed class ThrowingEndpointFilter : IStartupFilter
{
    public const string PagePath = "/__test/throw";
    public const string ApiPath = "/api/__test/throw";
    public const string Secret = "SECRET-DETAIL-7731";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Use((HttpContext ctx, RequestDelegate _) =>
        {
            if (ctx.Request.Path == PagePath || ctx.Request.Path == ApiPath) throw new InvalidOperationException(Secret);
            // Otherwise behave as the end of the pipeline does: nothing matched.
            ctx.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    };
}
