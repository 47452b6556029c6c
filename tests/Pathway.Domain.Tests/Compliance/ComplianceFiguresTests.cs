using Pathway.Domain.Compliance;

namespace Pathway.Domain.Tests.Compliance;

public sealed class ComplianceFiguresTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static ContactFact C(int daysAgo, ContactOutcome o) => new(Today.AddDays(-daysAgo), o);

    [Fact]
    public void KeptOfExpected_CountsAttendedOverAttendedPlusUnacceptable()
    {
        var contacts = new[]
        {
            C(1, ContactOutcome.Attended), C(8, ContactOutcome.Attended), C(15, ContactOutcome.UnacceptableAbsence),
            C(20, ContactOutcome.AcceptableAbsence), C(22, ContactOutcome.Rescheduled), C(2, ContactOutcome.Pending),
        };
        var w = ComplianceFigures.Window(contacts, Today, 4);
        Assert.Equal((2, 3, 1, 1), (w.Kept, w.Expected, w.Excused, w.AwaitingOutcome));
        Assert.Equal(2.0 / 3.0, w.Rate!.Value, 12);
        Assert.Equal(1, w.UnacceptableAbsences);
    }

    [Fact]
    public void Window_IncludesToday_AndTheDay27DaysAgo_ButNot28()
    {
        var contacts = new[] { C(0, ContactOutcome.Attended), C(27, ContactOutcome.Attended), C(28, ContactOutcome.UnacceptableAbsence) };
        var w = ComplianceFigures.Window(contacts, Today, 4);
        Assert.Equal((2, 2), (w.Kept, w.Expected));
    }

    [Fact]
    public void FutureContacts_HaveNotFallenDue()
    {
        var w = ComplianceFigures.Window([C(-3, ContactOutcome.Pending), C(3, ContactOutcome.Attended)], Today, 4);
        Assert.Equal((1, 1, 0), (w.Kept, w.Expected, w.AwaitingOutcome));
    }

    [Fact]
    public void NoExpectedContacts_GivesNoRate_NotAHundredPercent()
    {
        var w = ComplianceFigures.Window([C(3, ContactOutcome.AcceptableAbsence)], Today, 4);
        Assert.Null(w.Rate);
    }

    [Fact]
    public void StandardWindows_Are4_12_And26Weeks_EachWiderThanTheLast()
    {
        var contacts = new[] { C(10, ContactOutcome.Attended), C(40, ContactOutcome.UnacceptableAbsence), C(100, ContactOutcome.Attended), C(200, ContactOutcome.Attended) };
        var all = ComplianceFigures.Compute(contacts, Today);
        Assert.Equal([4, 12, 26], all.Select(w => w.Weeks));
        Assert.Equal([(1, 1), (1, 2), (2, 3)], all.Select(w => (w.Kept, w.Expected)));
    }

    [Theory]
    [InlineData(ContactOutcome.Attended)]
    [InlineData(ContactOutcome.UnacceptableAbsence)]
    [InlineData(ContactOutcome.AcceptableAbsence)]
    public void AnOutcomeForAContactInTheFuture_IsRefused(ContactOutcome outcome)
    {
        var errors = ContactRules.ValidateOutcome(Today.AddDays(1), outcome, "reason", Today);
        Assert.Contains(errors, e => e.Field == "Outcome" && e.Message.Contains("in the future", StringComparison.Ordinal));
    }

    [Fact]
    public void RescheduledInTheFuture_IsAllowed_AndAbsencesNeedAReason()
    {
        Assert.Empty(ContactRules.ValidateOutcome(Today.AddDays(2), ContactOutcome.Rescheduled, null, Today));
        Assert.Contains(ContactRules.ValidateOutcome(Today, ContactOutcome.UnacceptableAbsence, " ", Today), e => e.Field == "AbsenceReason");
        Assert.Empty(ContactRules.ValidateOutcome(Today, ContactOutcome.Attended, null, Today));
    }
}
