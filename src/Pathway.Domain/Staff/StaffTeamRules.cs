namespace Pathway.Domain.Staff;

/// <summary>
/// Which kind of team a role must belong to. For these roles the team decides which cases the person sees
/// (see CaseAccessRules), so a missing or wrong-kind team would quietly give them the wrong caseload.
/// </summary>
public static class StaffTeamRules
{
    /// <summary>The kind of team the role needs, or null when the role may have any team or none.</summary>
    public static TeamKind? RequiredTeamKind(StaffRole role) => role switch
    {
        StaffRole.OffenderManager or StaffRole.SeniorProbationOfficer => TeamKind.Probation,
        StaffRole.PublicProtectionOfficer => TeamKind.Police,
        StaffRole.ApprovedPremisesStaff => TeamKind.ApprovedPremises,
        StaffRole.PartnerAgency => TeamKind.Partner,
        _ => null,
    };

    /// <summary>A GOV.UK-style message when the team (<paramref name="teamKind"/>, null for none) does not fit the role; otherwise null.</summary>
    public static string? Check(StaffRole role, TeamKind? teamKind)
    {
        if (RequiredTeamKind(role) is not { } required || teamKind == required) return null;
        var rule = $"{StaffRoles.DisplayName(role)} accounts must belong to {WithArticle(required)}";
        return teamKind is { } actual ? $"{rule}, not {WithArticle(actual)}" : $"Select a team. {rule}";
    }

    private static string WithArticle(TeamKind kind) => kind switch
    {
        TeamKind.Probation => "a probation team",
        TeamKind.Police => "a police public protection unit",
        TeamKind.ApprovedPremises => "an approved premises",
        TeamKind.Partner => "a partner organisation",
        TeamKind.Service => "the personality disorder service",
        _ => kind.ToString(),
    };
}
