using Pathway.Domain.Training;

namespace Pathway.Domain.Tests.Training;

public sealed class SessionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static SessionFacts Session(int capacity, int booked, double startsInHours = 24, bool cancelled = false) =>
        new(Now.AddHours(startsInHours), Now.AddHours(startsInHours + 6), capacity, booked, cancelled);

    [Fact]
    public void APlaceIsGiven_WhileThereIsOne_ThenTheWaitingList()
    {
        Assert.Equal(BookingStatus.Booked, SessionRules.PlaceFor(Session(2, 1)));
        Assert.Equal(BookingStatus.Waiting, SessionRules.PlaceFor(Session(2, 2)));
        Assert.Equal(0, SessionRules.PlacesLeft(Session(2, 2)));
    }

    [Fact]
    public void Booking_IsRefused_OnceStarted_OrCancelled()
    {
        Assert.Null(SessionRules.CannotBook(Session(5, 0), Now));
        Assert.Contains("already started", SessionRules.CannotBook(Session(5, 0, startsInHours: -1), Now), StringComparison.Ordinal);
        Assert.Contains("cancelled", SessionRules.CannotBook(Session(5, 0, cancelled: true), Now), StringComparison.Ordinal);
    }

    [Fact]
    public void TheRegister_OpensWhenTheSessionStarts()
    {
        Assert.NotNull(SessionRules.CannotMarkRegister(Session(5, 1), Now));
        Assert.Null(SessionRules.CannotMarkRegister(Session(5, 1, startsInHours: -1), Now));
    }

    [Fact]
    public void Validate_NamesEachProblem()
    {
        var errors = SessionRules.Validate(" ", Now.AddHours(-1), Now.AddHours(-2), 0, Now);
        Assert.Equal("Enter the venue", errors["Venue"]);
        Assert.Equal("The start must be in the future", errors["StartsAt"]);
        Assert.Equal("The end must be after the start", errors["EndsAt"]);
        Assert.Equal("The number of places must be between 1 and 200", errors["Capacity"]);
        Assert.Empty(SessionRules.Validate("Room 1", Now.AddDays(1), Now.AddDays(1).AddHours(3), 12, Now));
    }

    [Fact]
    public void ABlendedCourse_NeedsAnAttendedSession_ToComplete()
    {
        var course = new CourseContent("C", "S", 3, 70, [], [], new AttitudeQuestionnaire([], []));
        var done = new LearnerProgress(new HashSet<string>(), new HashSet<string>(), true, true, new TestScore(8, 10, 80, true), true);
        Assert.Empty(CompletionRules.Missing(course, done));
        var blended = done with { SessionRequired = true };
        Assert.Contains(CompletionRules.Missing(course, blended), m => m.StartsWith("Attend a face-to-face session", StringComparison.Ordinal));
        Assert.Empty(CompletionRules.Missing(course, blended with { AttendedSession = true }));
        Assert.True(CompletionRules.PercentDone(course, blended) < 100);
        Assert.Equal(100, CompletionRules.PercentDone(course, blended with { AttendedSession = true }));
    }
}
