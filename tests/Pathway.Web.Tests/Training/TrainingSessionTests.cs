using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Data.Training;
using Pathway.Domain.Staff;
using Pathway.Domain.Training;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Training;

/// <summary>Face-to-face sessions: scheduling, booking under concurrency, the waiting list, the register and blended completion.</summary>
public abstract partial class TrainingSessionTests(AppFixture app)
{
    private const string Slug = CourseContentFiles.FirstCourseSlug;

    private Task<TrainingSession> NewSessionAsync(int capacity, DateTimeOffset? startsAt = null, Guid? trainerId = null) => app.Factory.WithDbAsync(async db =>
    {
        var course = await db.Courses.SingleAsync(c => c.Slug == Slug);
        var start = startsAt ?? DateTimeOffset.UtcNow.AddDays(7);
        var s = new TrainingSession
        {
            CourseId = course.Id, TrainerId = trainerId ?? app.World.Users[StaffRole.TrainingCoordinator].Id, Venue = "Room 4, Probation Office",
            StartsAt = start, EndsAt = start.AddHours(6), Capacity = capacity, CreatedById = app.World.Users[StaffRole.TrainingCoordinator].Id, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.TrainingSessions.Add(s);
        await db.SaveChangesAsync();
        return s;
    });

    private Task<List<SessionBooking>> BookingsAsync(Guid sessionId) =>
        app.Factory.WithDbAsync(db => db.SessionBookings.AsNoTracking().Where(b => b.SessionId == sessionId).ToListAsync());

    private static async Task<string> PostAsync(HttpClient client, string path, Dictionary<string, string> fields, HttpStatusCode expected = HttpStatusCode.Redirect, string? formPage = null)
    {
        var res = await AppFixture.PostFormAsync(client, path, fields, formPage);
        var text = await AppFixture.TextAsync(res);
        Assert.True(res.StatusCode == expected, $"POST {path}: {res.StatusCode}, expected {expected}. {text[..Math.Min(text.Length, 600)]}");
        return res.StatusCode == HttpStatusCode.Redirect ? res.Headers.Location!.ToString() : text;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [Fact]
    public async Task ManyPeopleBookingTheLastPlacesAtOnce_NeverOverbook_TheRestWait()
    {
        const int capacity = 3, people = 12;
        var session = await NewSessionAsync(capacity);
        var path = $"/training/sessions/{session.Id}";
        var learners = await Task.WhenAll(Enumerable.Range(0, people).Select(async _ =>
        {
            var client = await app.SignedInAsync(await app.NewStaffAsync(StaffRole.Learner, null));
            var html = await (await client.GetAsync(path)).Content.ReadAsStringAsync();
            return (client, token: WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value));
        }));

        // Every request is ready before any is sent, so they arrive together.
        using var go = new SemaphoreSlim(0);
        var posts = learners.Select(async l =>
        {
            await go.WaitAsync();
            return await l.client.PostAsync($"{path}?handler=Book", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = l.token }));
        }).ToList();
        go.Release(people);
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var bookings = await BookingsAsync(session.Id);
        Assert.Equal(people, bookings.Count);
        Assert.Equal(capacity, bookings.Count(b => b.Status == BookingStatus.Booked));
        Assert.Equal(people - capacity, bookings.Count(b => b.Status == BookingStatus.Waiting));
        var stored = await app.Factory.WithDbAsync(db => db.TrainingSessions.AsNoTracking().SingleAsync(s => s.Id == session.Id));
        Assert.Equal(capacity, stored.BookedCount);
    }

    [Fact]
    public async Task TheDatabase_RefusesMoreBookedPlacesThanTheCapacity()
    {
        var session = await NewSessionAsync(1);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => app.Factory.WithDbAsync(async db =>
        {
            await db.TrainingSessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.BookedCount, 2));
        }));
        Assert.Contains("CK_TrainingSessions_Places", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_APlace_PromotesTheFirstPersonWaiting()
    {
        var session = await NewSessionAsync(1);
        var path = $"/training/sessions/{session.Id}";
        var first = await app.NewStaffAsync(StaffRole.Learner, null);
        var second = await app.NewStaffAsync(StaffRole.Learner, null);
        var third = await app.NewStaffAsync(StaffRole.Learner, null);
        var c1 = await app.SignedInAsync(first);
        var c2 = await app.SignedInAsync(second);
        var c3 = await app.SignedInAsync(third);
        await PostAsync(c1, $"{path}?handler=Book", [], formPage: path);
        await PostAsync(c2, $"{path}?handler=Book", [], formPage: path);
        await PostAsync(c3, $"{path}?handler=Book", [], formPage: path);
        Assert.Contains("You are number 2 on the waiting list", await AppFixture.TextAsync(await c3.GetAsync(path)), StringComparison.Ordinal);
        var again = await PostAsync(c1, $"{path}?handler=Book", [], HttpStatusCode.OK, formPage: path);
        Assert.Contains("You already have a place on this session", again, StringComparison.Ordinal);

        await PostAsync(c1, $"{path}?handler=Cancel", [], formPage: path);

        var bookings = await BookingsAsync(session.Id);
        Assert.Equal(BookingStatus.Cancelled, bookings.Single(b => b.UserId == first.Id).Status);
        Assert.Equal(BookingStatus.Booked, bookings.Single(b => b.UserId == second.Id).Status);
        Assert.Equal(BookingStatus.Waiting, bookings.Single(b => b.UserId == third.Id).Status);
        Assert.Contains("You have a place", await AppFixture.TextAsync(await c2.GetAsync(path)), StringComparison.Ordinal);
        Assert.Contains("You are number 1 on the waiting list", await AppFixture.TextAsync(await c3.GetAsync(path)), StringComparison.Ordinal);
        var actions = await app.Factory.WithDbAsync(db => db.AuditEvents.Where(a => a.Action.StartsWith("training.session")).Select(a => a.Action).ToListAsync());
        Assert.Contains("training.session.book", actions);
        Assert.Contains("training.session.waiting-list.join", actions);
        Assert.Contains("training.session.booking.cancel", actions);
        Assert.Contains(await app.Factory.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == "training.session.booking.cancel").Select(a => a.Reason).ToListAsync()),
            r => r!.Contains("the place went to waiting booking", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Booking_ASessionThatHasStarted_IsRefused()
    {
        var session = await NewSessionAsync(5, DateTimeOffset.UtcNow.AddHours(-1));
        var path = $"/training/sessions/{session.Id}";
        var client = await app.SignedInAsync(await app.NewStaffAsync(StaffRole.Learner, null));
        var html = await PostAsync(client, $"{path}?handler=Book", [], HttpStatusCode.OK);
        Assert.Contains("This session has already started, so it can no longer be booked", html, StringComparison.Ordinal);
        Assert.Empty(await BookingsAsync(session.Id));
    }

    [Fact]
    public async Task ACoordinator_SchedulesASession_WithSpecificMessagesForBadInput()
    {
        var coordinator = await app.PagesAsync(StaffRole.TrainingCoordinator);
        var courseId = await app.Factory.WithDbAsync(db => db.Courses.Where(c => c.Slug == Slug).Select(c => c.Id).SingleAsync());
        var trainer = app.World.Users[StaffRole.TrainingCoordinator].Id;
        var day = DateTime.UtcNow.AddDays(30);
        var fields = new Dictionary<string, string>
        {
            ["CourseId"] = courseId.ToString(), ["TrainerId"] = trainer.ToString(), ["Venue"] = "Training room, Leeds",
            ["Date.Day"] = day.Day.ToString(), ["Date.Month"] = day.Month.ToString(), ["Date.Year"] = day.Year.ToString(),
            ["StartTime"] = "10:00", ["EndTime"] = "9:00", ["Capacity"] = "0",
        };
        var bad = await PostAsync(coordinator, "/training/manage/sessions", fields, HttpStatusCode.OK);
        Assert.Contains("The end must be after the start", bad, StringComparison.Ordinal);
        Assert.Contains("The number of places must be between 1 and 200", bad, StringComparison.Ordinal);

        fields["EndTime"] = "16:00";
        fields["Capacity"] = "12";
        var location = await PostAsync(coordinator, "/training/manage/sessions", fields);
        var page = await AppFixture.TextAsync(await coordinator.GetAsync(location));
        Assert.Contains("Training room, Leeds", page, StringComparison.Ordinal);
        Assert.Contains("12 of 12 left", page, StringComparison.Ordinal);

        var learner = await app.PagesAsync(StaffRole.Learner);
        var refused = await AppFixture.PostFormAsync(learner, "/training/manage/sessions", fields, "/training");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("access-denied", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTrainer_MarksTheRegister_AndABlendedCourseThenCompletesOnlyWithAttendance()
    {
        var trainer = await app.NewStaffAsync(StaffRole.Psychologist, app.World.Service.Id);
        var session = await NewSessionAsync(4, DateTimeOffset.UtcNow.AddDays(3), trainer.Id);
        var path = $"/training/sessions/{session.Id}";
        var learner = await app.NewStaffAsync(StaffRole.Learner, null);
        var client = await app.SignedInAsync(learner);
        await PostAsync(client, $"{path}?handler=Book", [], formPage: path);
        await app.Factory.WithDbAsync(async db =>
        {
            await db.Courses.Where(c => c.Slug == Slug).ExecuteUpdateAsync(s => s.SetProperty(c => c.RequiresSession, true));
            await db.TrainingSessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, DateTimeOffset.UtcNow.AddHours(-2)));
        });
        try
        {
            const string course = "/training/courses/" + Slug;
            await PostAsync(client, $"{course}?handler=Enrol", []);
            var refused = await PostAsync(client, $"{course}?handler=Complete", [], HttpStatusCode.OK);
            Assert.Contains("Attend a face-to-face session", refused, StringComparison.Ordinal);

            // Someone who is neither the trainer nor a coordinator cannot mark it.
            var other = await app.SignedInAsync(await app.NewStaffAsync(StaffRole.Psychologist, app.World.Service.Id));
            var otherPage = await AppFixture.TextAsync(await other.GetAsync(path));
            Assert.DoesNotContain(learner.Email!, otherPage, StringComparison.Ordinal);
            var denied = await AppFixture.PostFormAsync(other, $"{path}?handler=Register", [], path);
            Assert.Contains("access-denied", denied.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);

            var trainerClient = await app.SignedInAsync(trainer);
            var bookingId = (await BookingsAsync(session.Id)).Single().Id;
            await PostAsync(trainerClient, $"{path}?handler=Register", new() { ["Present"] = bookingId.ToString() }, formPage: path);
            var marked = (await BookingsAsync(session.Id)).Single();
            Assert.True(marked.Attended);
            Assert.Equal(trainer.Id, marked.AttendanceMarkedById);

            var after = await PostAsync(client, $"{course}?handler=Complete", [], HttpStatusCode.OK);
            Assert.DoesNotContain("Attend a face-to-face session", after, StringComparison.Ordinal);
            Assert.Contains("Attended", await AppFixture.TextAsync(await client.GetAsync("/training/sessions")), StringComparison.Ordinal);
        }
        finally
        {
            await app.Factory.WithDbAsync(db => db.Courses.Where(c => c.Slug == Slug).ExecuteUpdateAsync(s => s.SetProperty(c => c.RequiresSession, false)));
        }
    }
}

public sealed class TrainingSessionTestsSqlite(SqliteApp app) : TrainingSessionTests(app), IClassFixture<SqliteApp>;

public sealed class TrainingSessionTestsPostgres(PostgresApp app) : TrainingSessionTests(app), IClassFixture<PostgresApp>;
