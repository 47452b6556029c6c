using Pathway.Domain.Assessments;
using Pathway.Domain.Signposting;
using S = Pathway.Domain.Signposting.SignpostingReferralStatus;

namespace Pathway.Domain.Tests.Signposting;

public sealed class SignpostingStateMachineTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData(S.Suggested, S.Referred, false)]
    [InlineData(S.Referred, S.Accepted, false)]
    [InlineData(S.Referred, S.Declined, true)]
    [InlineData(S.Accepted, S.FirstAttended, false)]
    [InlineData(S.Accepted, S.Disengaged, true)]
    [InlineData(S.FirstAttended, S.Completed, false)]
    [InlineData(S.FirstAttended, S.Disengaged, true)]
    [InlineData(S.Referred, S.Withdrawn, true)]
    public void TheOrdinaryRoute_IsAllowedForStaff(S from, S to, bool reason)
    {
        var move = SignpostingStateMachine.Check(from, to, SignpostingActor.Staff);
        Assert.True(move.Allowed, move.Problem);
        Assert.Equal(reason, move.ReasonRequired);
    }

    [Theory]
    [InlineData(S.Referred, S.FirstAttended, "A referral that is referred can next be accepted or declined, not first appointment attended")]
    [InlineData(S.Accepted, S.Completed, "A referral that is accepted can next be first appointment attended or disengaged, not completed")]
    [InlineData(S.Accepted, S.Referred, "A referral that is accepted can next be first appointment attended or disengaged, not referred")]
    [InlineData(S.Accepted, S.Suggested, "A referral cannot go back to suggested")]
    [InlineData(S.Completed, S.Disengaged, "This referral has ended (completed). Make a new referral if the person needs the service again")]
    [InlineData(S.Declined, S.Accepted, "This referral has ended (declined). Make a new referral if the person needs the service again")]
    [InlineData(S.Accepted, S.Accepted, "The referral is already accepted")]
    public void OutOfOrderMoves_AreRefused_WithTheReason(S from, S to, string problem)
    {
        var move = SignpostingStateMachine.Check(from, to, SignpostingActor.Staff);
        Assert.False(move.Allowed);
        Assert.Equal(problem, move.Problem);
    }

    [Fact]
    public void APartner_CannotWithdraw_OrActOnAnUnsentSuggestion()
    {
        Assert.False(SignpostingStateMachine.Check(S.Accepted, S.Withdrawn, SignpostingActor.Partner).Allowed);
        Assert.False(SignpostingStateMachine.Check(S.Suggested, S.Referred, SignpostingActor.Partner).Allowed);
        Assert.Equal([S.Accepted, S.Declined], SignpostingStateMachine.Next(S.Referred, SignpostingActor.Partner));
        Assert.Equal([S.Accepted, S.Declined, S.Withdrawn], SignpostingStateMachine.Next(S.Referred, SignpostingActor.Staff));
        Assert.Empty(SignpostingStateMachine.Next(S.Completed, SignpostingActor.Staff));
    }

    [Fact]
    public void Validate_RefusesFutureDates_DatesBeforeThePreviousMove_AndMissingReasons()
    {
        Assert.Equal(["Date"], SignpostingStateMachine.Validate(S.Referred, Today.AddDays(-3), S.Accepted, Today.AddDays(1), null, SignpostingActor.Partner, Today).Select(e => e.Field));
        Assert.Contains(SignpostingStateMachine.Validate(S.Referred, Today.AddDays(-3), S.Accepted, Today.AddDays(-4), null, SignpostingActor.Partner, Today),
            e => e.Message.StartsWith("The date cannot be before the referral was referred"));
        Assert.Equal("Enter why the service declined the referral",
            Assert.Single(SignpostingStateMachine.Validate(S.Referred, Today, S.Declined, Today, " ", SignpostingActor.Partner, Today)).Message);
        Assert.Empty(SignpostingStateMachine.Validate(S.Referred, Today, S.Declined, Today, "Outside our area", SignpostingActor.Partner, Today));
        Assert.Equal("Status", Assert.Single(SignpostingStateMachine.Validate(S.Referred, Today, S.Completed, Today, null, SignpostingActor.Staff, Today)).Field);
    }

    [Fact]
    public void WorkingDays_SkipWeekendsAndBankHolidays()
    {
        var none = new HashSet<DateOnly>();
        // Thursday 26 November 2026 + 10 working days = Thursday 10 December.
        Assert.Equal(new DateOnly(2026, 12, 10), WorkingDays.Add(Today, 10, none));
        // Referred Friday 18 December; 25, 28 December (substitute Boxing Day) and 1 January are bank holidays.
        var holidays = new HashSet<DateOnly> { new(2026, 12, 25), new(2026, 12, 28), new(2027, 1, 1) };
        Assert.Equal(new DateOnly(2027, 1, 6), WorkingDays.Add(new DateOnly(2026, 12, 18), 10, holidays));
        Assert.False(WorkingDays.ResponseOverdue(Today, new DateOnly(2026, 12, 9), none));
        Assert.True(WorkingDays.ResponseOverdue(Today, new DateOnly(2026, 12, 10), none));
    }

    [Fact]
    public void Uptake_CountsSentReferrals_AndAttendanceWhateverFollowed()
    {
        var svc = Guid.NewGuid();
        var referrals = new[]
        {
            new SignpostingReferralFacts(NeedArea.Accommodation, svc, S.Suggested, null, null),
            new SignpostingReferralFacts(NeedArea.Accommodation, svc, S.Referred, Today.AddDays(-5), null),
            new SignpostingReferralFacts(NeedArea.Accommodation, svc, S.Declined, Today.AddDays(-30), null),
            new SignpostingReferralFacts(NeedArea.Accommodation, svc, S.Completed, Today.AddDays(-60), Today.AddDays(-50)),
            new SignpostingReferralFacts(NeedArea.Finance, svc, S.Disengaged, Today.AddDays(-40), Today.AddDays(-36)),
            new SignpostingReferralFacts(NeedArea.Finance, svc, S.FirstAttended, Today.AddDays(-20), Today.AddDays(-1)),
        };
        var u = SignpostingFigures.Uptake(referrals);
        Assert.Equal(5, u.Referred);
        Assert.Equal(3, u.FirstAttended);
        Assert.Equal(0.6, u.UptakeRate!.Value, 12);
        Assert.Equal(10, u.MedianDaysToFirstAppointment); // 4, 10, 19
        Assert.Null(SignpostingFigures.Uptake([]).UptakeRate);
        Assert.Equal(2.5, SignpostingFigures.Median([4, 1, 3, 2]));
    }
}
