using Pathway.Domain.Staff;

namespace Pathway.Domain.Tests;

public sealed class StaffTeamRulesTests
{
    [Theory]
    [InlineData(StaffRole.OffenderManager, TeamKind.Probation)]
    [InlineData(StaffRole.SeniorProbationOfficer, TeamKind.Probation)]
    [InlineData(StaffRole.PublicProtectionOfficer, TeamKind.Police)]
    [InlineData(StaffRole.ApprovedPremisesStaff, TeamKind.ApprovedPremises)]
    [InlineData(StaffRole.PartnerAgency, TeamKind.Partner)]
    public void RolesWhoseAccessDependsOnTheirTeam_NeedATeamOfTheRightKind(StaffRole role, TeamKind kind)
    {
        Assert.Equal(kind, StaffTeamRules.RequiredTeamKind(role));
        Assert.Null(StaffTeamRules.Check(role, kind));
        Assert.StartsWith("Select a team.", StaffTeamRules.Check(role, null), StringComparison.Ordinal);
        foreach (var other in Enum.GetValues<TeamKind>().Where(k => k != kind))
            Assert.NotNull(StaffTeamRules.Check(role, other));
    }

    [Theory]
    [InlineData(StaffRole.Administrator)]
    [InlineData(StaffRole.ClinicalLead)]
    [InlineData(StaffRole.Psychologist)]
    [InlineData(StaffRole.TrainingCoordinator)]
    [InlineData(StaffRole.ServiceManager)]
    public void OtherRoles_MayHaveAnyTeamOrNone(StaffRole role)
    {
        Assert.Null(StaffTeamRules.RequiredTeamKind(role));
        Assert.Null(StaffTeamRules.Check(role, null));
        foreach (var kind in Enum.GetValues<TeamKind>()) Assert.Null(StaffTeamRules.Check(role, kind));
    }

    [Fact]
    public void Message_NamesTheRoleAndBothKinds()
    {
        Assert.Equal("Offender manager accounts must belong to a probation team, not a police public protection unit",
            StaffTeamRules.Check(StaffRole.OffenderManager, TeamKind.Police));
    }
}
