using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Pathway.Web.Features.Account;

/// <summary>Sign-in attempt limits, bound from <c>Authentication:SignInThrottle</c>.</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "Authentication:SignInThrottle";

    /// <summary>Posts to the sign-in pages (password, code, recovery code) per client address per minute.</summary>
    public int AttemptsPerAddressPerMinute { get; set; } = 30;

    /// <summary>Password attempts for one email address (known or not) per <see cref="AccountWindowMinutes"/>.</summary>
    public int AttemptsPerAccount { get; set; } = 10;

    public int AccountWindowMinutes { get; set; } = 15;
}

/// <summary>
/// Limits sign-in attempts per client address (a rate-limiter policy on the sign-in pages' posts) and per typed email
/// address (checked by the password page, since the address is only known once the form is read). The per-account
/// limit counts addresses whether or not an account exists, so its answer reveals nothing. Both are per app instance;
/// the database-backed lockout still applies across instances. Refused attempts get 429 and the "Too many sign-in
/// attempts" page.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const string Policy = "sign-in";
    private readonly PartitionedRateLimiter<string> _perAccount;

    public SignInThrottle(IOptions<SignInThrottleOptions> options)
    {
        var o = options.Value;
        _perAccount = PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetFixedWindowLimiter(account,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = o.AttemptsPerAccount, Window = TimeSpan.FromMinutes(o.AccountWindowMinutes), QueueLimit = 0 }));
    }

    /// <summary>Takes one attempt for <paramref name="email"/>; false when its allowance is used up.</summary>
    public bool TryAttempt(string email)
    {
        using var lease = _perAccount.AttemptAcquire(email.Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _perAccount.Dispose();
}

public static class SignInThrottleRegistration
{
    public static IServiceCollection AddSignInThrottle(this IServiceCollection services, IConfiguration config)
    {
        var section = config.GetSection(SignInThrottleOptions.Section);
        var options = section.Get<SignInThrottleOptions>() ?? new SignInThrottleOptions();
        if (options.AttemptsPerAddressPerMinute < 1 || options.AttemptsPerAccount < 1 || options.AccountWindowMinutes < 1)
            throw new InvalidOperationException($"{SignInThrottleOptions.Section}: every limit must be at least 1.");
        services.AddOptions<SignInThrottleOptions>().Bind(section);
        services.AddSingleton<SignInThrottle>();
        // The rejection response (429, Retry-After) is the one set up with the certificate check's limiter.
        return services.AddRateLimiter(o => o.AddPolicy(SignInThrottle.Policy, http => HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.AttemptsPerAddressPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("reading the form")));
    }
}
