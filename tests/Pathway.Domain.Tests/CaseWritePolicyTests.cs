using Pathway.Domain.Access;
using Pathway.Domain.Staff;

namespace Pathway.Domain.Tests;

public sealed class CaseWritePolicyTests
{
    private static readonly Guid TeamA = Guid.NewGuid(), TeamB = Guid.NewGuid();
    private static readonly DateOnly Referred = new(2026, 11, 3);

    private static StaffContext As(StaffRole role, Guid? team) => new(Guid.NewGuid(), new HashSet<StaffRole> { role }, team);

    private static IEnumerable<string> Refused(StaffContext who, CaseVisibilityChange change) =>
        CaseWritePolicy.Check(who, change).Select(e => e.Field);

    [Theory]
    [InlineData(StaffRole.OffenderManager)]
    [InlineData(StaffRole.SeniorProbationOfficer)]
    public void ProbationStaff_PlaceCasesInTheirOwnTeamOnly(StaffRole role)
    {
        var who = As(role, TeamA);
        Assert.Empty(Refused(who, new(null, TeamA, null, null)));
        Assert.Equal(["TeamId"], Refused(who, new(null, TeamB, null, null)));
        Assert.Equal(["TeamId"], Refused(who, new(TeamA, TeamB, null, null)));
        // A named officer editing a restricted case of another team leaves it where it is.
        Assert.Empty(Refused(who, new(TeamB, TeamB, null, null)));
    }

    [Theory]
    [InlineData(StaffRole.ClinicalLead)]
    [InlineData(StaffRole.Psychologist)]
    public void TheService_MayPlaceACaseInAnyTeam(StaffRole role) =>
        Assert.Empty(Refused(As(role, null), new(TeamA, TeamB, null, null)));

    [Theory]
    [InlineData(StaffRole.OffenderManager)]
    [InlineData(StaffRole.ClinicalLead)]
    public void NoCaseWrite_SetsChangesOrClearsTheReferralDate(StaffRole role)
    {
        var who = As(role, TeamA);
        Assert.Equal(["ReferredToServiceOn"], Refused(who, new(TeamA, TeamA, null, Referred)));
        Assert.Equal(["ReferredToServiceOn"], Refused(who, new(TeamA, TeamA, Referred, null)));
        Assert.Equal(["ReferredToServiceOn"], Refused(who, new(TeamA, TeamA, Referred, Referred.AddDays(1))));
        Assert.Empty(Refused(who, new(TeamA, TeamA, Referred, Referred)));
    }
}
