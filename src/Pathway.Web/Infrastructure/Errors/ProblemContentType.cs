namespace Pathway.Web.Infrastructure.Errors;

/// <summary>
/// Labels every JSON error body the API sends as <c>application/problem+json</c> (RFC 9457), whichever result wrote
/// it. Typed results such as <c>TypedResults.Conflict(body)</c> write plain <c>application/json</c>; doing it here, as
/// the response starts, keeps one rule instead of one per endpoint.
/// </summary>
public sealed class ProblemContentType(RequestDelegate next)
{
    public const string Problem = "application/problem+json";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            if (response.StatusCode >= 400 && response.ContentType is { } type
                && type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
                response.ContentType = Problem + type["application/json".Length..];
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
