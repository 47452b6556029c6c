using Pathway.Domain.Staff;

namespace Pathway.Domain.Training;

/// <summary>
/// The training audiences. A member of staff belongs to the group their role implies unless a training coordinator
/// has placed them in another one.
/// </summary>
public static class StaffGroups
{
    public const string OffenderManagementUnit = "omu";
    public const string PublicProtectionUnit = "ppu";
    public const string ApprovedPremises = "ap";
    public const string Other = "other";

    public static readonly IReadOnlyList<(string Key, string Name)> Defaults =
    [
        (OffenderManagementUnit, "Offender management unit"),
        (PublicProtectionUnit, "Public protection unit"),
        (ApprovedPremises, "Approved premises"),
        (Other, "Other staff and partner agencies"),
    ];

    public static string DefaultFor(IEnumerable<StaffRole> roles)
    {
        var set = roles.ToHashSet();
        if (set.Overlaps(RoleSets.Probation)) return OffenderManagementUnit;
        if (set.Contains(StaffRole.PublicProtectionOfficer)) return PublicProtectionUnit;
        if (set.Contains(StaffRole.ApprovedPremisesStaff)) return ApprovedPremises;
        return Other;
    }

    public static string Resolve(IEnumerable<StaffRole> roles, string? overrideGroup) => overrideGroup ?? DefaultFor(roles);
}
