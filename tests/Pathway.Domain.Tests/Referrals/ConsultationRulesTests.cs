using Pathway.Domain.Referrals;

namespace Pathway.Domain.Tests.Referrals;

public sealed class ConsultationRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly Guid Owner = Guid.NewGuid();

    private static ConsultationDetails Valid => new(Today.AddDays(-1), [Owner], [], "What helps?", "Keep contact predictable.", Today.AddDays(27),
        [new ActionDetails("Book a joint meeting", Owner, Today.AddDays(7)), new ActionDetails(null, null, null)]);

    [Fact]
    public void AValidConsultation_WithABlankActionRow_HasNoErrors() => Assert.Empty(ConsultationRules.Validate(Valid, Today));

    [Fact]
    public void MissingDateAdviceAndAttendees_AreNamed()
    {
        var errors = ConsultationRules.Validate(Valid with { HeldOn = null, Advice = " ", StaffAttendees = [] }, Today);
        Assert.Equal(["HeldOn", "StaffAttendees", "Advice"], errors.Select(e => e.Field));
    }

    [Fact]
    public void AFutureConsultation_AndANextDateNotAfterIt_AreRefused()
    {
        Assert.Contains(ConsultationRules.Validate(Valid with { HeldOn = Today.AddDays(1), NextConsultationOn = null }, Today),
            e => e.Message == "Date of the consultation must be today or in the past");
        Assert.Contains(ConsultationRules.Validate(Valid with { NextConsultationOn = Today.AddDays(-1) }, Today),
            e => e.Field == "NextConsultationOn");
    }

    [Fact]
    public void AHalfFilledAction_NamesWhatIsMissing_ByRow()
    {
        var errors = ConsultationRules.Validate(Valid with { Actions = [new ActionDetails(null, null, null), new ActionDetails("Call the AP", null, Today.AddDays(-5))] }, Today);
        Assert.Equal(["Actions[1].OwnerId", "Actions[1].DueOn"], errors.Select(e => e.Field));
        Assert.Equal("Action 2 cannot be due before the consultation", errors[1].Message);
    }

    [Fact]
    public void OtherAttendees_AreParsedOnePerLine_WithTheirRole()
    {
        var others = ConsultationRules.ParseOthers("DC Sam Reid, PPU, West Police\n\n  Jo Hart  \nAmir Khan, AP staff");
        Assert.Equal(
            [new OtherAttendee("DC Sam Reid", AttendeeRole.PublicProtectionUnit, "PPU, West Police"), new OtherAttendee("Jo Hart", AttendeeRole.Other, null),
             new OtherAttendee("Amir Khan", AttendeeRole.ApprovedPremisesStaff, "AP staff")],
            others);
        Assert.Equal("DC Sam Reid, PPU, West Police\nJo Hart\nAmir Khan, AP staff", ConsultationRules.FormatOthers(others));
    }

    [Fact]
    public void OverdueAndDueSoon_AreDecidedByTheDueDate()
    {
        Assert.True(ConsultationRules.IsOverdue(Today.AddDays(-1), false, Today));
        Assert.False(ConsultationRules.IsOverdue(Today.AddDays(-1), true, Today));
        Assert.False(ConsultationRules.IsOverdue(Today, false, Today));
        Assert.True(ConsultationRules.IsDueSoon(Today, false, Today));
        Assert.True(ConsultationRules.IsDueSoon(Today.AddDays(7), false, Today));
        Assert.False(ConsultationRules.IsDueSoon(Today.AddDays(8), false, Today));
    }
}
