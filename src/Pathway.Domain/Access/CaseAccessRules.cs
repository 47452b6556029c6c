using Pathway.Domain.Staff;

namespace Pathway.Domain.Access;

/// <summary>Who is asking: their id, roles and the team or unit they work in.</summary>
public sealed record StaffContext(Guid UserId, IReadOnlySet<StaffRole> Roles, Guid? TeamId)
{
    public bool IsIn(StaffRole role) => Roles.Contains(role);
    /// <summary>Whether they hold any role of the set (a set from <see cref="RoleSets"/>).</summary>
    public bool IsInAny(IReadOnlySet<StaffRole> roles) => Roles.Overlaps(roles);
    public bool SeesCaseData => Roles.Any(StaffRoles.SeesCaseData);
}

/// <summary>The facts about one case that decide who may see it.</summary>
public sealed record CaseScope(
    Guid TeamId,
    bool ReferredToService,
    Guid? ApprovedPremisesId,
    IReadOnlyCollection<Guid> SharedWithTeamIds,
    bool IsRestricted,
    IReadOnlyCollection<Guid> NamedStaffIds,
    bool HasActiveBreakGlass);

public enum AccessBasis
{
    None,
    ServiceReferral,
    Team,
    SharedWithUnit,
    ApprovedPremisesResident,
    NamedOnRestrictedCase,
    BreakGlass,
}

/// <summary>
/// The access model (docs/architecture.md, "Access model"). A pure function so it can be tested exhaustively;
/// <c>CaseQueries.VisibleTo</c> in Pathway.Data expresses the same rules as a query, and a test holds the two together.
/// </summary>
public static class CaseAccessRules
{
    public static AccessBasis ReadBasis(StaffContext who, CaseScope c)
    {
        if (!who.SeesCaseData) return AccessBasis.None;

        // A restricted (limited-access) case is visible to its named staff only; break-glass does not open it.
        if (c.IsRestricted)
            return c.NamedStaffIds.Contains(who.UserId) ? AccessBasis.NamedOnRestrictedCase : AccessBasis.None;

        if (who.IsInAny(RoleSets.Clinicians) && c.ReferredToService)
            return AccessBasis.ServiceReferral;
        if (who.IsInAny(RoleSets.Probation) && who.TeamId == c.TeamId)
            return AccessBasis.Team;
        if (who.IsIn(StaffRole.PublicProtectionOfficer) && who.TeamId is { } unit && c.SharedWithTeamIds.Contains(unit))
            return AccessBasis.SharedWithUnit;
        if (who.IsIn(StaffRole.ApprovedPremisesStaff) && who.TeamId is { } ap && c.ApprovedPremisesId == ap)
            return AccessBasis.ApprovedPremisesResident;
        // Partner agencies see only what is sent to their organisation (signposting referrals, a later issue).
        if (c.HasActiveBreakGlass && CanBreakGlass(who))
            return AccessBasis.BreakGlass;
        return AccessBasis.None;
    }

    public static bool CanRead(StaffContext who, CaseScope c) => ReadBasis(who, c) != AccessBasis.None;

    /// <summary>Editing a person's details and licences: probation and psychology staff who can read the case.</summary>
    public static bool CanEdit(StaffContext who, CaseScope c) =>
        who.IsInAny(RoleSets.CaseTeam) && CanRead(who, c);

    /// <summary>Only case-data roles with a working relationship to cases may break glass; partners may not.</summary>
    public static bool CanBreakGlass(StaffContext who) =>
        who.SeesCaseData && !who.IsIn(StaffRole.PartnerAgency) && !who.IsIn(StaffRole.Administrator);

    public static bool CanCreateCases(StaffContext who) => who.IsInAny(RoleSets.CaseTeam);

    /// <summary>"Who looked at this case" and break-glass review belong to the clinical lead.</summary>
    public static bool CanViewAccessLog(StaffContext who) => who.IsIn(StaffRole.ClinicalLead);

    public static readonly TimeSpan BreakGlassDuration = TimeSpan.FromHours(4);
}
