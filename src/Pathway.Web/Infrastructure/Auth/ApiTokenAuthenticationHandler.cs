using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Security;

namespace Pathway.Web.Infrastructure.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer pwy_…</c> with a personal API token. The principal carries the owner's
/// current roles and team, so revoking a role or disabling the user takes effect on the next request.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    PathwayDbContext db, IUserClaimsPrincipalFactory<StaffUser> claimsFactory, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (token.Length == 0) return AuthenticateResult.Fail("Empty bearer token.");

        var hash = ApiTokens.Hash(token);
        var now = clock.GetUtcNow();
        var record = await db.ApiTokens.Include(t => t.User).FirstOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        // Lockout is deliberately not checked: it guards interactive sign-in against password guessing, and honouring
        // it here would let anyone who knows an email address cut off that person's integrations with five wrong passwords.
        if (record?.User is null || !record.IsActive(now) || record.User.DisabledAt is not null)
            return AuthenticateResult.Fail("The token is not valid, has expired or has been revoked.");

        // Record use at most once a minute to keep reads cheap.
        if (record.LastUsedAt is null || now - record.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await db.ApiTokens.Where(t => t.Id == record.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var principal = await claimsFactory.CreateAsync(record.User);
        var identity = (ClaimsIdentity)principal.Identity!;
        // The token stands for a two-factor sign-in only if its record says it was made in one (or by an operator on
        // the server); case-data endpoints refuse it otherwise (SecondFactorRequirement).
        if (record.CarriesTwoFactor) identity.AddClaim(new Claim(PathwayClaims.Amr, "mfa"));
        identity.AddClaim(new Claim("pathway:token", record.Id.ToString()));
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(identity.Claims, ApiTokens.Scheme)), ApiTokens.Scheme);
        return AuthenticateResult.Success(ticket);
    }
}
