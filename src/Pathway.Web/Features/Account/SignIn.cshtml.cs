using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Account;

[AllowAnonymous]
[Audited(AuditActions.Account.SignIn)]
[EnableRateLimiting(SignInThrottle.Policy)]
public sealed class SignInModel(
    SignInManager<StaffUser> signIn, UserManager<StaffUser> users, IPasswordHasher<StaffUser> hasher, SignInThrottle throttle,
    AuditLog audit, IOptions<PathwayAuthOptions> auth) : PageModel
{
    /// <summary>One answer for every failure, so the page never tells anyone whether an account exists or is locked.</summary>
    public const string Failed = "Enter a correct email address and password";

    private static string? _decoyHash;

    [BindProperty] public string? Email { get; set; }
    [BindProperty, DataType(DataType.Password)] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool OidcEnabled => auth.Value.Oidc.Enabled;
    public string OidcName => auth.Value.Oidc.DisplayName;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError(nameof(Email), "Enter your email address");
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "Enter your password");
        if (!ModelState.IsValid) return Page();

        if (!throttle.TryAttempt(Email!))
        {
            await audit.WriteAsync(AuditActions.Account.SignIn, "User", null, null, AuditOutcome.Denied, "too many attempts for the address typed", ct: ct);
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var user = await users.FindByEmailAsync(Email!.Trim());
        var result = user is null || user.DisabledAt is not null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        // Identity returns early, without hashing, for an unknown or locked account; hash anyway so the time taken
        // does not give away which accounts exist or are locked.
        if (user is null || user.DisabledAt is not null || result.IsLockedOut) HashDecoy(user);

        if (result.Succeeded || result.RequiresTwoFactor)
        {
            await audit.WriteAsync(result.Succeeded ? AuditActions.Account.SignIn : AuditActions.Account.PasswordVerify, "User", user!.Id, null, AuditOutcome.Allowed, ct: ct);
            return result.Succeeded
                ? LocalRedirect(SafeReturnUrl(ReturnUrl))
                : RedirectToPage("/Account/SignInTwoFactor", new { returnUrl = ReturnUrl });
        }

        await audit.WriteAsync(AuditActions.Account.SignIn, "User", user?.Id, null, AuditOutcome.Denied,
            result.IsLockedOut ? "locked out" : "wrong email or password", ct: ct);
        ModelState.AddModelError(nameof(Email), Failed);
        return Page();
    }

    private void HashDecoy(StaffUser? user)
    {
        var decoy = user ?? new StaffUser { DisplayName = "" };
        _decoyHash ??= hasher.HashPassword(decoy, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(decoy, _decoyHash, Password!);
    }

    public IActionResult OnPostExternal()
    {
        if (!OidcEnabled) return NotFound();
        var props = signIn.ConfigureExternalAuthenticationProperties(
            Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectDefaults.AuthenticationScheme,
            Url.Page("/Account/ExternalCallback", new { returnUrl = ReturnUrl }));
        return Challenge(props, Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// The return URL if it stays on this site, else home. A control character (a TAB, say) makes
    /// <c>LocalRedirect</c> throw, so such a URL is not local either.
    /// </summary>
    internal static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(char.IsControl) ? url : "/";
}
