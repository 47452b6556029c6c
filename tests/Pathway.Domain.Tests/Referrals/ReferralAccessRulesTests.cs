using Pathway.Domain.Access;
using Pathway.Domain.Referrals;
using Pathway.Domain.Staff;

namespace Pathway.Domain.Tests.Referrals;

public sealed class ReferralAccessRulesTests
{
    private static StaffContext As(StaffRole role, Guid? id = null) => new(id ?? Guid.NewGuid(), new HashSet<StaffRole> { role }, null);

    [Theory]
    [InlineData(StaffRole.OffenderManager, true)]
    [InlineData(StaffRole.SeniorProbationOfficer, true)]
    [InlineData(StaffRole.ClinicalLead, true)]
    [InlineData(StaffRole.Psychologist, false)]
    [InlineData(StaffRole.PublicProtectionOfficer, false)]
    [InlineData(StaffRole.Administrator, false)]
    public void WhoMayRefer(StaffRole role, bool expected) => Assert.Equal(expected, ReferralAccessRules.CanRefer(As(role)));

    [Fact]
    public void ClinicalLead_AllocatesToAnyone_APsychologistOnlyTakesForThemselves()
    {
        var me = Guid.NewGuid();
        Assert.True(ReferralAccessRules.CanAllocateTo(As(StaffRole.ClinicalLead), Guid.NewGuid()));
        Assert.True(ReferralAccessRules.CanAllocateTo(As(StaffRole.Psychologist, me), me));
        Assert.False(ReferralAccessRules.CanAllocateTo(As(StaffRole.Psychologist, me), Guid.NewGuid()));
        Assert.False(ReferralAccessRules.CanAllocateTo(As(StaffRole.OffenderManager, me), me));
    }

    [Fact]
    public void ProbationEditors_MayOnlyWithdraw()
    {
        Assert.True(ReferralAccessRules.CanMoveTo(As(StaffRole.OffenderManager), PathwayStage.Withdrawn));
        Assert.False(ReferralAccessRules.CanMoveTo(As(StaffRole.OffenderManager), PathwayStage.Consultation));
        Assert.True(ReferralAccessRules.CanMoveTo(As(StaffRole.Psychologist), PathwayStage.Consultation));
        Assert.False(ReferralAccessRules.CanMoveTo(As(StaffRole.PublicProtectionOfficer), PathwayStage.Withdrawn));
    }

    [Fact]
    public void AnActionsOwner_MayCompleteIt_WithoutEditRights()
    {
        var owner = Guid.NewGuid();
        Assert.True(ReferralAccessRules.CanCompleteAction(As(StaffRole.PublicProtectionOfficer, owner), owner, canEditCase: false));
        Assert.False(ReferralAccessRules.CanCompleteAction(As(StaffRole.PublicProtectionOfficer), owner, canEditCase: false));
        Assert.True(ReferralAccessRules.CanCompleteAction(As(StaffRole.OffenderManager), owner, canEditCase: true));
    }
}
