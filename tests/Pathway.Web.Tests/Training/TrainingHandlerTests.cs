using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Training.Manage;
using Pathway.Web.Infrastructure.Forms;
using Pathway.Web.Infrastructure.UseCases;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Training;

/// <summary>
/// Training's handlers on their own (no HTTP): the validation permutations of the forms they read. The pages' journeys,
/// concurrency and audit rows stay with the HTTP tests.
/// </summary>
public sealed class TrainingHandlerTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<T> WithAsync<THandler, T>(Func<THandler, PathwayDbContext, Task<T>> work) where THandler : notnull
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<THandler>(), scope.ServiceProvider.GetRequiredService<PathwayDbContext>());
    }

    private static IReadOnlyList<FieldError> Errors<T>(Outcome<T> outcome) => Assert.IsType<Outcome<T>.Invalid>(outcome).Errors;

    private static SessionDetails Session(string? venue = null, DateParts? date = null, string? start = null, string? end = null, string? places = null) =>
        new(null, venue, date ?? new DateParts(), start, end, places);

    [Fact]
    public async Task ScheduleSession_WithNothingTyped_AsksForEveryField_Once()
    {
        var outcome = await WithAsync<ScheduleSession, Outcome<Data.Entities.TrainingSession>>((h, _) => h.HandleAsync(null, Session(), Guid.NewGuid(), default));
        Assert.Equal(["CourseId", "TrainerId", "Date", "StartTime", "EndTime", "Venue", "Capacity"], Errors(outcome).Select(e => e.Field));
        Assert.Contains(Errors(outcome), e => e is { Field: "Date", Message: "Enter the date of the session" });
        Assert.Contains(Errors(outcome), e => e is { Field: "Capacity", Message: "Enter the number of places" });
    }

    [Fact]
    public async Task ScheduleSession_WithUnreadableTimesAndPlaces_SaysHowToTypeThem_NotThatTheyAreMissing()
    {
        var date = new DateParts { Day = "1", Month = "1", Year = "2001" };
        var outcome = await WithAsync<ScheduleSession, Outcome<Data.Entities.TrainingSession>>((h, _) =>
            h.HandleAsync(null, Session("Room 1", date, "9.30", "12:00", "lots"), Guid.NewGuid(), default));
        var errors = Errors(outcome);
        Assert.Contains(errors, e => e is { Field: "StartTime", Message: "Enter the start time as hours and minutes, for example 09:30" });
        Assert.Single(errors, e => e.Field == "Capacity");
        Assert.Contains(errors, e => e is { Field: "Capacity", Message: "Enter the number of places as a whole number, for example 16" });
        Assert.DoesNotContain(errors, e => e.Field == "Venue");
    }

    [Fact]
    public async Task ScheduleSession_InThePast_IsRefusedAgainstTheStartTime()
    {
        var date = new DateParts { Day = "1", Month = "1", Year = "2001" };
        var outcome = await WithAsync<ScheduleSession, Outcome<Data.Entities.TrainingSession>>((h, _) =>
            h.HandleAsync(null, Session("Room 1", date, "09:30", "12:00", "12"), Guid.NewGuid(), default));
        Assert.Contains(Errors(outcome), e => e is { Field: "StartTime", Message: "The start must be in the future" });
        Assert.DoesNotContain(Errors(outcome), e => e.Field is "Date" or "EndTime" or "Capacity");
    }

    [Fact]
    public async Task ChangeSession_OfAnUnknownSession_IsNotFound() =>
        Assert.IsType<Outcome<Data.Entities.TrainingSession>.NotFound>(
            await WithAsync<ChangeSession, Outcome<Data.Entities.TrainingSession>>((h, _) => h.HandleAsync(Guid.NewGuid(), Session(), 0, default)));

    [Fact]
    public async Task SetTrainingRequirements_RefusesARefresherOutOfRange_AndPairsNotShown_SavingNothing()
    {
        var (outcome, course, before) = await WithAsync<SetTrainingRequirements, (Outcome<int>, Data.Entities.Course, int)>(async (h, db) =>
        {
            var course = await db.Courses.AsNoTracking().OrderBy(c => c.Title).FirstAsync();
            var before = await db.StaffGroupRequirements.CountAsync();
            var outcome = await h.HandleAsync([$"{Guid.NewGuid()}:{course.Id}"], new Dictionary<Guid, string?> { [course.Id] = "121" }, default);
            return (outcome, course, before);
        });
        var errors = Errors(outcome);
        Assert.Contains(errors, e => e.Field == $"Refresher[{course.Id}]" && e.Message.Contains("from 1 to 120", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Field: "", Message: "Select requirements from the groups and courses shown" });
        Assert.Equal(before, await app.Factory.WithDbAsync(db => db.StaffGroupRequirements.CountAsync()));
    }

    [Theory]
    [InlineData("", "nope", "Enter the email address of a member of staff")]
    [InlineData("nobody@example.invalid", "", "There is no member of staff with this email address")]
    public async Task AssignTrainingGroup_NeedsAKnownPerson_AndAKnownGroup(string email, string groupKey, string emailError)
    {
        var errors = Errors(await WithAsync<AssignTrainingGroup, Outcome<TrainingGroupAssigned>>((h, _) => h.HandleAsync(email, groupKey, default)));
        Assert.Contains(errors, e => e.Field == "Email" && e.Message == emailError);
        Assert.Equal(groupKey != "", errors.Any(e => e is { Field: "GroupKey", Message: "Select a training group" }));
    }

    [Fact]
    public async Task DraftEdits_OfACourseThatDoesNotExist_AreNotFound()
    {
        Assert.IsType<Outcome<CourseDraft>.NotFound>(await WithAsync<RenameDraftModule, Outcome<CourseDraft>>((h, _) => h.HandleAsync("no-such-course", "m1", 1, "x", default)));
        Assert.IsType<Outcome<CourseDraft>.NotFound>(await WithAsync<SetDraftPassMark, Outcome<CourseDraft>>((h, _) => h.HandleAsync("no-such-course", 1, "80", default)));
    }
}
