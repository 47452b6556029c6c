using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Pathway.Web.Features.Training.Certificates.Verify;

/// <summary>Options for the public certificate check: <c>Training:Verify:PermitsPerMinute</c> per client address.</summary>
public sealed class VerifyRateLimitOptions
{
    public const string Section = "Training:Verify";
    public int PermitsPerMinute { get; set; } = 20;
}

/// <summary>
/// The public verification page and its API are anonymous, so they are rate-limited per client IP address (a fixed
/// window of one minute) to stop anyone walking through certificate numbers. Numbers are random, so this is a second
/// line; the first is that guessing one is hopeless. Refused requests get 429 with Retry-After: people see a GOV.UK
/// page (the status-code page), API callers ProblemDetails.
/// </summary>
public static class VerifyRateLimit
{
    public const string Policy = "certificate-verify";

    public static IServiceCollection AddVerifyRateLimit(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(VerifyRateLimitOptions.Section).Get<VerifyRateLimitOptions>() ?? new VerifyRateLimitOptions();
        if (options.PermitsPerMinute < 1) throw new InvalidOperationException($"{VerifyRateLimitOptions.Section}:PermitsPerMinute must be at least 1.");
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (ctx, _) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                ctx.HttpContext.Response.Headers.CacheControl = "no-store";
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
