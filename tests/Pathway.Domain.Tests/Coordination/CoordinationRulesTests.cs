using Pathway.Domain.Coordination;
using Pathway.Domain.Referrals;
using Pathway.Domain.Staff;

namespace Pathway.Domain.Tests.Coordination;

public sealed class CoordinationRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData(MeetingStatus.Planned, MeetingStatus.Held, true)]
    [InlineData(MeetingStatus.Held, MeetingStatus.MinutesApproved, true)]
    [InlineData(MeetingStatus.Planned, MeetingStatus.MinutesApproved, false)]
    [InlineData(MeetingStatus.Held, MeetingStatus.Planned, false)]
    [InlineData(MeetingStatus.MinutesApproved, MeetingStatus.Held, false)]
    [InlineData(MeetingStatus.MinutesApproved, MeetingStatus.MinutesApproved, false)]
    public void Meetings_MoveOnlyForwards_OneStepAtATime(MeetingStatus from, MeetingStatus to, bool allowed) =>
        Assert.Equal(allowed, CoordinationRules.CheckMove(from, to, Today.AddDays(-1), Today) is null);

    [Fact]
    public void AMeeting_CannotBeHeld_BeforeItsDate() =>
        Assert.NotNull(CoordinationRules.CheckMove(MeetingStatus.Planned, MeetingStatus.Held, Today.AddDays(1), Today));

    [Fact]
    public void OnlyApprovedMinutes_AreReadOnly() =>
        Assert.Equal([false, false, true], Enum.GetValues<MeetingStatus>().Select(CoordinationRules.IsReadOnly));

    [Theory]
    [InlineData(GroupActionStatus.Open, -1, true)]
    [InlineData(GroupActionStatus.Open, 0, false)]
    [InlineData(GroupActionStatus.Done, -10, false)]
    [InlineData(GroupActionStatus.Dropped, -10, false)]
    public void AnActionIsOverdue_OnlyWhenOpenAndPastItsDueDate(GroupActionStatus status, int dueInDays, bool overdue) =>
        Assert.Equal(overdue, CoordinationRules.IsOverdue(status, Today.AddDays(dueInDays), Today));

    [Fact]
    public void ACaseItem_NeedsTheirAgreementWithAPastDate_OrAReasonForSharingWithout_AndANoteForAnotherLawfulBasis()
    {
        string[] Fields(SharingBasis? b, LawfulBasis? l = null, string? note = null, DateOnly? on = null) =>
            CoordinationRules.CheckSharingBasis(b, l, note, on, Today).Select(e => e.Field).ToArray();
        Assert.Equal(["SharingBasis"], Fields(null));
        Assert.Equal(["ConsentOn"], Fields(SharingBasis.AgreedToSharing));
        Assert.Equal(["ConsentOn"], Fields(SharingBasis.AgreedToSharing, on: Today.AddDays(1)));
        Assert.Empty(Fields(SharingBasis.AgreedToSharing, on: Today));
        Assert.Equal(["LawfulBasisNote"], Fields(SharingBasis.AgreedToSharing, LawfulBasis.Other, on: Today));
        Assert.Equal(["LawfulBasisNote"], Fields(SharingBasis.SharedWithoutAgreement));
        Assert.Empty(Fields(SharingBasis.SharedWithoutAgreement, LawfulBasis.Other, "Court order"));
        Assert.Empty(Fields(SharingBasis.SharedWithoutAgreement, LawfulBasis.PublicTaskHealthAndCare, "Risk to a child"));
    }

    [Fact]
    public void MembersStaff_ReadTheGroup_OnlyWhileTheyAreRepresentatives_AndOnlyTheServiceAdministersIt()
    {
        Assert.True(CoordinationRoles.CanRead([StaffRole.ServiceManager], isActiveRepresentative: false));
        Assert.True(CoordinationRoles.CanRead([StaffRole.Psychologist], isActiveRepresentative: false));
        Assert.False(CoordinationRoles.CanRead([StaffRole.PartnerAgency], isActiveRepresentative: false));
        Assert.True(CoordinationRoles.CanRead([StaffRole.PartnerAgency], isActiveRepresentative: true));
        Assert.False(CoordinationRoles.CanRead([StaffRole.Administrator], isActiveRepresentative: true));
        Assert.False(CoordinationRoles.CanRead([StaffRole.Learner], isActiveRepresentative: true));
        Assert.Equal([StaffRole.ClinicalLead, StaffRole.Psychologist], Enum.GetValues<StaffRole>().Where(r => CoordinationRoles.CanAdminister([r])));
    }

    [Fact]
    public void ARepresentative_IsActive_FromTheirStart_UntilTheDayTheyLeft() =>
        Assert.Equal([false, true, true, false],
            new[] { -11, -10, -1, 0 }.Select(d => CoordinationRules.IsActive(Today.AddDays(-10), Today, Today.AddDays(d))));
}
