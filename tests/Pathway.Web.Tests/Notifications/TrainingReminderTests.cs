using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data.Entities;
using Pathway.Domain.Events;
using Pathway.Domain.Staff;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Notifications;

/// <summary>
/// The daily job raises "training expiring" for a completed course whose refresher falls due within 30 days (the home
/// page's window), to its holder only, once per person, course and due date however often the job runs or on however
/// many instances; not for a refresher already overdue or further off, nor for a disabled account.
/// </summary>
public abstract class TrainingReminderTests(AppFixture app)
{
    [Fact]
    public async Task TheDailyJob_RemindsOfTrainingExpiring_OncePerPersonCourseAndDueDate()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var course = await app.Factory.WithDbAsync(db => db.Courses.AsNoTracking().FirstAsync(c => c.CurrentVersionId != null && c.RefresherMonths > 0));
        var months = course.RefresherMonths!.Value;
        var expiring = await app.NewStaffAsync(StaffRole.Learner, null);
        var overdue = await app.NewStaffAsync(StaffRole.Learner, null);
        var later = await app.NewStaffAsync(StaffRole.Learner, null);
        var renewed = await app.NewStaffAsync(StaffRole.Learner, null);
        var disabled = await app.NewStaffAsync(StaffRole.Learner, null);
        await CompleteAsync(expiring, course, today.AddMonths(-months).AddDays(10)); // due in 10 days
        await CompleteAsync(overdue, course, today.AddMonths(-months).AddDays(-1)); // due yesterday: training due, not expiring
        await CompleteAsync(later, course, today.AddMonths(-months).AddDays(40)); // due in 40 days
        await CompleteAsync(renewed, course, today.AddMonths(-months).AddDays(10));
        await CompleteAsync(renewed, course, today.AddDays(-3)); // the latest completion counts
        await CompleteAsync(disabled, course, today.AddMonths(-months).AddDays(10));
        await app.Factory.WithDbAsync(db => db.Users.Where(u => u.Id == disabled.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAt, DateTimeOffset.UtcNow)));

        // Two instances at once: one runs it. Then it runs again the same day (its lease reset by hand): nothing new.
        await ResetLeaseAsync();
        Assert.Equal(1, (await Task.WhenAll(Instance().RunIfDueAsync(), Instance().RunIfDueAsync())).Count(r => r));
        await ResetLeaseAsync();
        Assert.True(await Instance().RunIfDueAsync());

        var events = await app.Factory.WithDbAsync(db => db.OutboxEvents.AsNoTracking().Where(e => e.EventType == DomainEventTypes.TrainingExpiring).ToListAsync());
        string[] Ids(StaffUser u) => [.. events.Where(e => e.AdditionalInformation.Contains(u.Id.ToString(), StringComparison.Ordinal)).Select(e => e.AdditionalInformation)];
        var reminder = Assert.Single(events, e => e.AdditionalInformation.Contains(expiring.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains(course.Id.ToString(), reminder.AdditionalInformation, StringComparison.Ordinal);
        Assert.Contains($"\"dueOn\":\"{today.AddDays(10):yyyy-MM-dd}\"", reminder.AdditionalInformation, StringComparison.Ordinal);
        Assert.Equal((null, null, null, $"/training/courses/{course.Slug}"), (reminder.CaseId, reminder.Crn, reminder.ActorId, reminder.DetailPath));
        Assert.Empty(Ids(overdue));
        Assert.Empty(Ids(later));
        Assert.Empty(Ids(renewed));
        Assert.Empty(Ids(disabled));

        // It reaches its holder, and only them, as a notice linking to the course.
        var dispatcher = app.Factory.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchOnceAsync() > 0) { }
        var notice = Assert.Single(await app.Factory.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.EventId == reminder.Id).ToListAsync()));
        Assert.Equal((expiring.Id, $"/training/courses/{course.Slug}"), (notice.RecipientId, notice.Link));
    }

    private DailyReminders Instance() => ActivatorUtilities.CreateInstance<DailyReminders>(app.Factory.Services);

    private Task ResetLeaseAsync() =>
        app.Factory.WithDbAsync(db => db.JobLeases.Where(l => l.Name == DailyReminders.JobName).ExecuteDeleteAsync());

    private Task CompleteAsync(StaffUser user, Course course, DateOnly on) => app.Factory.WithDbAsync(async db =>
    {
        var at = new DateTimeOffset(on.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero);
        db.Enrolments.Add(new Enrolment
        {
            UserId = user.Id, CourseId = course.Id, CourseVersionId = course.CurrentVersionId!.Value, EnrolledAt = at.AddDays(-1), CompletedAt = at, UpdatedAt = at,
            Attempt = await db.Enrolments.CountAsync(e => e.UserId == user.Id && e.CourseId == course.Id) + 1,
        });
        await db.SaveChangesAsync();
    });
}

public sealed class TrainingReminderTestsSqlite(SqliteApp app) : TrainingReminderTests(app), IClassFixture<SqliteApp>;

public sealed class TrainingReminderTestsPostgres(PostgresApp app) : TrainingReminderTests(app), IClassFixture<PostgresApp>;
