using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pathway.Data;

namespace Pathway.Web.Infrastructure.Auth;

/// <summary>
/// Makes the sign-in cookie answer to the database on every request, so ending a session is immediate on every app
/// instance sharing the database. A cookie is honoured only while its user exists, is not disabled, and still has the
/// security stamp the cookie was issued with; signing out, a password change, a role or team change, disabling and a
/// two-factor reset all renew the stamp, ending every session of that user at once. Identity's own check every five
/// minutes would leave a stolen or signed-out cookie working until then. Each session also has an absolute end,
/// <see cref="PathwayAuthOptions.AbsoluteSessionHours"/> after sign-in, however active it has been.
/// </summary>
public static class ServerSideSessions
{
    /// <summary>Unix seconds of the sign-in, kept in the (protected) cookie's properties and carried over on renewal.</summary>
    public const string SignedInAtItem = "pathway:signed-in-at";

    public static void Configure(CookieAuthenticationOptions o)
    {
        var identityStampRefresh = o.Events.OnValidatePrincipal;
        o.Events.OnSigningIn = ctx =>
        {
            var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            if (!ctx.Properties.Items.ContainsKey(SignedInAtItem))
                ctx.Properties.Items[SignedInAtItem] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        };
        o.Events.OnValidatePrincipal = async ctx =>
        {
            if (!await IsCurrentAsync(ctx))
            {
                ctx.RejectPrincipal();
                await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            // Identity's periodic refresh still runs: it re-reads the display name and team into the cookie.
            await identityStampRefresh(ctx);
        };
    }

    private static async Task<bool> IsCurrentAsync(CookieValidatePrincipalContext ctx)
    {
        var services = ctx.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var hours = services.GetRequiredService<IOptions<PathwayAuthOptions>>().Value.AbsoluteSessionHours;
        if (!ctx.Properties.Items.TryGetValue(SignedInAtItem, out var raw)
            || !long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var signedInAt)
            || now >= DateTimeOffset.FromUnixTimeSeconds(signedInAt).AddHours(hours))
            return false;

        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var stamp = ctx.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        if (stamp is null || !Guid.TryParse(ctx.Principal!.FindFirstValue(claims.UserIdClaimType), out var userId)) return false;
        var db = services.GetRequiredService<PathwayDbContext>();
        var current = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.DisabledAt })
            .FirstOrDefaultAsync(ctx.HttpContext.RequestAborted);
        return current is { DisabledAt: null } && string.Equals(current.SecurityStamp, stamp, StringComparison.Ordinal);
    }
}
