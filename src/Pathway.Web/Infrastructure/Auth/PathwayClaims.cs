using System.Security.Claims;
using Pathway.Domain.Access;
using Pathway.Domain.Staff;

namespace Pathway.Web.Infrastructure.Auth;

/// <summary>Claim types Pathway adds to a signed-in principal, and how to read a <see cref="StaffContext"/> back.</summary>
public static class PathwayClaims
{
    public const string TeamId = "pathway:team";
    public const string DisplayName = "pathway:name";
    public const string Amr = "amr";

    public static StaffContext ToStaffContext(this ClaimsPrincipal user)
    {
        var id = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var g) ? g : Guid.Empty;
        var roles = user.FindAll(ClaimTypes.Role)
            .Select(c => Enum.TryParse<StaffRole>(c.Value, out var r) ? r : (StaffRole?)null)
            .Where(r => r is not null)
            .Select(r => r!.Value)
            .ToHashSet();
        var team = Guid.TryParse(user.FindFirstValue(TeamId), out var t) ? t : (Guid?)null;
        return new StaffContext(id, roles, team);
    }

    /// <summary>The role recorded in audit rows: the first, in the enum's order, for the rare multi-role user.</summary>
    public static string? PrimaryRole(this ClaimsPrincipal user) =>
        user.ToStaffContext().Roles.Order().Select(r => r.ToString()).FirstOrDefault();

    public static bool HasMfa(this ClaimsPrincipal user) =>
        user.FindAll(Amr).Any(c => c.Value is "mfa" or "otp" or "hwk");

    public static string Name(this ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";
}
