using Pathway.Domain.Training;

namespace Pathway.Domain.Tests.Training;

public sealed class SessionChangeTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Places_CannotDropBelowTheNumberBooked()
    {
        var start = Now.AddDays(3);
        Assert.Equal("The number of places cannot be fewer than the 5 people already booked",
            SessionRules.ValidateChange("Room", start, start.AddHours(2), 4, 5, Now)["Capacity"]);
        // Out of range is the message that matters for zero; the booked rule speaks for any valid number below the bookings.
        Assert.Equal("The number of places must be between 1 and 200", SessionRules.ValidateChange("Room", start, start.AddHours(2), 0, 1, Now)["Capacity"]);
        Assert.Equal("The number of places cannot be fewer than the 2 people already booked", SessionRules.ValidateChange("Room", start, start.AddHours(2), 1, 2, Now)["Capacity"]);
        Assert.Empty(SessionRules.ValidateChange("Room", start, start.AddHours(2), 5, 5, Now));
    }

    [Fact]
    public void ACancelledOrStartedSession_CannotChange_AndGrowthPromotesInOrder()
    {
        Assert.Equal("This session has been cancelled, so it can no longer be changed",
            SessionRules.CannotChange(new(Now.AddDays(1), Now.AddDays(1).AddHours(2), 10, 0, true), Now));
        Assert.Equal("This session has already started, so it can no longer be changed",
            SessionRules.CannotChange(new(Now.AddMinutes(-1), Now.AddHours(2), 10, 3, false), Now));
        Assert.Null(SessionRules.CannotChange(new(Now.AddDays(1), Now.AddDays(1).AddHours(2), 10, 3, false), Now));
        Assert.Equal(2, SessionRules.PromotedOnGrowth(booked: 10, newCapacity: 12, waiting: 5));
        Assert.Equal(1, SessionRules.PromotedOnGrowth(booked: 10, newCapacity: 14, waiting: 1));
        Assert.Equal(0, SessionRules.PromotedOnGrowth(booked: 10, newCapacity: 10, waiting: 3));
    }
}
