using Pathway.Domain.Access;
using Pathway.Domain.Staff;

namespace Pathway.Domain.Tests;

public sealed class CaseAccessRulesTests
{
    private static readonly Guid TeamA = Guid.NewGuid(), TeamB = Guid.NewGuid(), Ppu = Guid.NewGuid(), Ap = Guid.NewGuid();
    private static readonly Guid Me = Guid.NewGuid();

    private static StaffContext As(StaffRole role, Guid? team) => new(Me, new HashSet<StaffRole> { role }, team);

    private static CaseScope Case(Guid team, bool referred = false, Guid? ap = null, Guid[]? shared = null, bool restricted = false,
        Guid[]? named = null, bool breakGlass = false) => new(team, referred, ap, shared ?? [], restricted, named ?? [], breakGlass);

    [Fact]
    public void OffenderManagers_SeeTheirTeamsCases_Only()
    {
        Assert.Equal(AccessBasis.Team, CaseAccessRules.ReadBasis(As(StaffRole.OffenderManager, TeamA), Case(TeamA)));
        Assert.False(CaseAccessRules.CanRead(As(StaffRole.OffenderManager, TeamA), Case(TeamB)));
    }

    [Fact]
    public void Psychologists_SeeReferredCases_Only()
    {
        Assert.True(CaseAccessRules.CanRead(As(StaffRole.Psychologist, null), Case(TeamA, referred: true)));
        Assert.False(CaseAccessRules.CanRead(As(StaffRole.Psychologist, null), Case(TeamA)));
    }

    [Fact]
    public void PpuOfficers_SeeCasesSharedWithTheirUnit()
    {
        Assert.True(CaseAccessRules.CanRead(As(StaffRole.PublicProtectionOfficer, Ppu), Case(TeamA, shared: [Ppu])));
        Assert.False(CaseAccessRules.CanRead(As(StaffRole.PublicProtectionOfficer, Ppu), Case(TeamA)));
    }

    [Fact]
    public void ApprovedPremisesStaff_SeeTheirCurrentResidents()
    {
        Assert.True(CaseAccessRules.CanRead(As(StaffRole.ApprovedPremisesStaff, Ap), Case(TeamA, ap: Ap)));
        Assert.False(CaseAccessRules.CanRead(As(StaffRole.ApprovedPremisesStaff, Ap), Case(TeamA)));
        Assert.False(CaseAccessRules.CanEdit(As(StaffRole.ApprovedPremisesStaff, Ap), Case(TeamA, ap: Ap)));
    }

    [Theory]
    [InlineData(StaffRole.Administrator)]
    [InlineData(StaffRole.ServiceManager)]
    [InlineData(StaffRole.TrainingCoordinator)]
    [InlineData(StaffRole.PartnerAgency)]
    public void RolesWithoutCaseScope_SeeNoCase_EvenWithBreakGlass(StaffRole role) =>
        Assert.False(CaseAccessRules.CanRead(As(role, TeamA), Case(TeamA, referred: true, ap: TeamA, shared: [TeamA], breakGlass: true)));

    [Fact]
    public void RestrictedCases_AreSeenByNamedStaffOnly_AndBreakGlassDoesNotOpenThem()
    {
        var restricted = Case(TeamA, referred: true, restricted: true, breakGlass: true);
        Assert.False(CaseAccessRules.CanRead(As(StaffRole.OffenderManager, TeamA), restricted));
        Assert.False(CaseAccessRules.CanRead(As(StaffRole.ClinicalLead, null), restricted));
        Assert.True(CaseAccessRules.CanRead(As(StaffRole.OffenderManager, TeamB), restricted with { NamedStaffIds = [Me] }));
    }

    [Fact]
    public void BreakGlass_OpensAnOutOfScopeCase()
    {
        Assert.Equal(AccessBasis.BreakGlass, CaseAccessRules.ReadBasis(As(StaffRole.OffenderManager, TeamA), Case(TeamB, breakGlass: true)));
    }

    [Fact]
    public void OnlyTheClinicalLead_SeesAccessLogs()
    {
        Assert.True(CaseAccessRules.CanViewAccessLog(As(StaffRole.ClinicalLead, null)));
        Assert.False(CaseAccessRules.CanViewAccessLog(As(StaffRole.Psychologist, null)));
    }
}
