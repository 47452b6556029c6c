using Microsoft.AspNetCore.Identity;

namespace Pathway.Data.Entities;

/// <summary>A member of staff who signs in. Roles are Identity roles named after <see cref="Pathway.Domain.Staff.StaffRole"/>.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public StaffUser() => Id = Guid.CreateVersion7();

    public required string DisplayName { get; set; }
    public Guid? TeamId { get; set; }
    public Team? Team { get; set; }

    /// <summary>Demo accounts may skip two-factor sign-in, and only when the app runs in Development.</summary>
    public bool IsDemoAccount { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The 30-second step of the last authenticator code accepted for this user: a code is accepted once, and never
    /// for a step at or before this one (see <c>PathwayAuthenticatorTokenProvider</c>).
    /// </summary>
    public long? LastAuthenticatorStep { get; set; }
}

public sealed class StaffRoleRecord : IdentityRole<Guid>
{
    public StaffRoleRecord() => Id = Guid.CreateVersion7();
}
