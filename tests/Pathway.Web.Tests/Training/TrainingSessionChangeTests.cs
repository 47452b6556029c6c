using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Data.Training;
using Pathway.Domain.Staff;
using Pathway.Domain.Training;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Training;

/// <summary>Coordinators change and cancel face-to-face sessions; the places rule and the people booked are respected.</summary>
public abstract class TrainingSessionChangeTests(AppFixture app)
{
    private static readonly TimeZoneInfo Uk = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private Task<TrainingSession> NewSessionAsync(int capacity) => app.Factory.WithDbAsync(async db =>
    {
        var course = await db.Courses.SingleAsync(c => c.Slug == CourseContentFiles.FirstCourseSlug);
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(10).AddHours(10), TimeSpan.Zero);
        var coordinator = app.World.Users[StaffRole.TrainingCoordinator].Id;
        var s = new TrainingSession
        {
            CourseId = course.Id, TrainerId = coordinator, Venue = "Room 1", StartsAt = start, EndsAt = start.AddHours(3), Capacity = capacity,
            CreatedById = coordinator, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.TrainingSessions.Add(s);
        await db.SaveChangesAsync();
        return s;
    });

    private Task<TrainingSession> SessionAsync(Guid id) => app.Factory.WithDbAsync(db => db.TrainingSessions.AsNoTracking().SingleAsync(s => s.Id == id));

    private static async Task<string> PostAsync(HttpClient client, string path, Dictionary<string, string> fields, HttpStatusCode expected = HttpStatusCode.Redirect, string? formPage = null)
    {
        var res = await AppFixture.PostFormAsync(client, path, fields, formPage);
        var text = await AppFixture.TextAsync(res);
        Assert.True(res.StatusCode == expected, $"POST {path}: {res.StatusCode}, expected {expected}. {text[..Math.Min(text.Length, 600)]}");
        return text;
    }

    private static Dictionary<string, string> Form(TrainingSession s, string capacity, int? version = null, string venue = "Room 2")
    {
        var local = TimeZoneInfo.ConvertTime(s.StartsAt, Uk);
        return new()
        {
            ["TrainerId"] = s.TrainerId.ToString(), ["Venue"] = venue, ["Date.Day"] = local.Day.ToString(CultureInfo.InvariantCulture),
            ["Date.Month"] = local.Month.ToString(CultureInfo.InvariantCulture), ["Date.Year"] = local.Year.ToString(CultureInfo.InvariantCulture),
            ["StartTime"] = local.ToString("HH:mm", CultureInfo.InvariantCulture), ["EndTime"] = local.AddHours(3).ToString("HH:mm", CultureInfo.InvariantCulture),
            ["Capacity"] = capacity, ["Version"] = (version ?? s.Version).ToString(CultureInfo.InvariantCulture),
        };
    }

    [Fact]
    public async Task Changing_CannotDropPlacesBelowTheBooked_RefusesAStaleForm_AndExtraPlacesGoToTheWaitingList()
    {
        var session = await NewSessionAsync(2);
        var learners = new List<HttpClient>();
        for (var i = 0; i < 3; i++)
        {
            var client = await app.SignedInAsync(await app.NewStaffAsync(StaffRole.Learner, null));
            await PostAsync(client, $"/training/sessions/{session.Id}?handler=Book", [], formPage: $"/training/sessions/{session.Id}");
            learners.Add(client);
        }
        var coordinator = await app.PagesAsync(StaffRole.TrainingCoordinator);
        var path = $"/training/manage/sessions/{session.Id}";
        var current = await SessionAsync(session.Id);

        var tooFew = await PostAsync(coordinator, path, Form(current, "1"), HttpStatusCode.OK);
        Assert.Contains("The number of places cannot be fewer than the 2 people already booked", tooFew, StringComparison.Ordinal);
        var stale = await PostAsync(coordinator, path, Form(current, "3", current.Version - 1), HttpStatusCode.OK);
        Assert.Contains("Someone else changed this session", stale, StringComparison.Ordinal);

        await PostAsync(coordinator, path, Form(current, "3"));
        var grown = await SessionAsync(session.Id);
        Assert.Equal((3, 3, "Room 2"), (grown.Capacity, grown.BookedCount, grown.Venue));
        Assert.Equal(0, await app.Factory.WithDbAsync(db => db.SessionBookings.CountAsync(b => b.SessionId == session.Id && b.Status == BookingStatus.Waiting)));
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "training.session.update" && a.EntityId == session.Id.ToString())));
    }

    [Fact]
    public async Task Cancelling_ReleasesEveryPlace_AndThoseBookedSeeItAsCancelled()
    {
        var session = await NewSessionAsync(5);
        var client = await app.SignedInAsync(await app.NewStaffAsync(StaffRole.Learner, null));
        await PostAsync(client, $"/training/sessions/{session.Id}?handler=Book", [], formPage: $"/training/sessions/{session.Id}");
        var coordinator = await app.PagesAsync(StaffRole.TrainingCoordinator);
        var current = await SessionAsync(session.Id);
        await PostAsync(coordinator, $"/training/manage/sessions/{session.Id}?handler=Cancel", new() { ["Version"] = current.Version.ToString(CultureInfo.InvariantCulture) },
            formPage: $"/training/manage/sessions/{session.Id}");

        var cancelled = await SessionAsync(session.Id);
        Assert.NotNull(cancelled.CancelledAt);
        Assert.Equal(0, cancelled.BookedCount);
        Assert.All(await app.Factory.WithDbAsync(db => db.SessionBookings.AsNoTracking().Where(b => b.SessionId == session.Id).ToListAsync()),
            b => Assert.Equal(BookingStatus.Cancelled, b.Status));
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "training.session.cancel" && a.EntityId == session.Id.ToString())));
        Assert.Contains("Your place has been released", await AppFixture.TextAsync(await client.GetAsync($"/training/sessions/{session.Id}")), StringComparison.Ordinal);
        Assert.Contains("(cancelled)", await AppFixture.TextAsync(await client.GetAsync("/training/sessions")), StringComparison.Ordinal);
        Assert.Contains("This session has been cancelled, so it can no longer be changed",
            await AppFixture.TextAsync(await coordinator.GetAsync($"/training/manage/sessions/{session.Id}")), StringComparison.Ordinal);
    }
}

public sealed class TrainingSessionChangeTestsSqlite(SqliteApp app) : TrainingSessionChangeTests(app), IClassFixture<SqliteApp>;

public sealed class TrainingSessionChangeTestsPostgres(PostgresApp app) : TrainingSessionChangeTests(app), IClassFixture<PostgresApp>;
