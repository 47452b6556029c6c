using Pathway.Data.Security;
using Pathway.Domain.Staff;

namespace Pathway.Web.Infrastructure.Auth;

/// <summary>
/// Anyone whose role can see case data must have signed in with a second factor. Someone who has not yet enrolled an
/// authenticator is sent to enrol before they can reach anything else: only enrolment, the sign-in and sign-out pages,
/// static assets, health and error pages are open to them (not the rest of <c>/account</c>, where API tokens are made).
/// </summary>
public sealed class TwoFactorEnforcement(RequestDelegate next, TwoFactorWaiver waiver)
{
    public const string DemoClaim = "pathway:demo";

    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && user.Identity.AuthenticationType != ApiTokens.Scheme
            && RequiresMfa(user)
            && !user.HasMfa()
            && !waiver.IsWaived(user)
            && !IsAllowedWithoutMfa(context.Request.Path))
        {
            context.Response.Redirect("/account/two-factor/enrol");
            return;
        }
        await next(context);
    }

    public static bool RequiresMfa(System.Security.Claims.ClaimsPrincipal user) => user.ToStaffContext().Roles.Any(StaffRoles.SeesCaseData);

    private static readonly string[] OpenWithoutMfa =
    [
        "/account/two-factor/enrol", "/account/sign-in", "/account/sign-out", "/account/signed-out", "/account/access-denied",
        "/lib", "/assets", "/health", "/error", "/privacy",
    ];

    private static bool IsAllowedWithoutMfa(PathString path) => OpenWithoutMfa.Any(p => path.StartsWithSegments(p));
}
