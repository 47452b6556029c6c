using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Coordination;
using Pathway.Domain.Events;
using Pathway.Domain.Signposting;
using Pathway.Domain.Training;
using Pathway.Web.Features.Signposting;

namespace Pathway.Web.Infrastructure.Outbox;

/// <summary>
/// The daily job: reminders raised into the outbox (care-plan reviews due within a week or overdue, overdue
/// consultation and co-ordination actions, signposting referrals with no reply in 10 working days, refreshers of
/// completed training expiring within <see cref="TrainingReminderDays"/>), then one digest email to each person who
/// chose a daily digest, counting their new notifications. It runs once a day across all app instances: the first to
/// take the <see cref="JobLease"/> row for the day runs it, the others skip. A reminder about the same thing is not
/// repeated within a week; a training reminder is raised once per person, course and refresher due date.
/// </summary>
public sealed class DailyReminders(IServiceScopeFactory scopes, IEmailSender email, IOptions<NotifyOptions> notify, IOptions<SignpostingOptions> signposting,
    TimeProvider clock)
{
    public const string JobName = "daily-reminders";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);
    /// <summary>How far ahead of a refresher's due date its holder is reminded (the home page's "expiring" window).</summary>
    public const int TrainingReminderDays = 30;
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Runs today's job if no instance has; returns whether this call ran it.</summary>
    public async Task<bool> RunIfDueAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (!await TakeLeaseAsync(db, now, today, ct)) return false;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RaiseRemindersAsync(db, now, today, ct);
        await SendDigestsAsync(db, now, today, ct);
        var lease = await db.JobLeases.FirstAsync(l => l.Name == JobName, ct);
        lease.LastRunOn = today;
        lease.LeasedUntil = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>One atomic update takes the lease: only if it has lapsed and the job has not run today.</summary>
    private async Task<bool> TakeLeaseAsync(PathwayDbContext db, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        if (!await db.JobLeases.AnyAsync(l => l.Name == JobName, ct))
        {
            try
            {
                db.JobLeases.Add(new JobLease { Name = JobName, LeasedUntil = DateTimeOffset.UnixEpoch });
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // another instance made it first
            }
        }
        var until = now + Lease;
        return await db.JobLeases
            .Where(l => l.Name == JobName && l.LeasedUntil < now && (l.LastRunOn == null || l.LastRunOn < today))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, _holder).SetProperty(l => l.LeasedUntil, until), ct) == 1;
    }

    private async Task RaiseRemindersAsync(PathwayDbContext db, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        var weekAgo = now.AddDays(-7);
        var recent = (await db.OutboxEvents.AsNoTracking().Where(e => e.ActorId == null && e.OccurredAt > weekAgo)
            .Select(e => new { e.EventType, e.AdditionalInformation }).ToListAsync(ct))
            .Select(e => (e.EventType, e.AdditionalInformation)).ToHashSet();
        void Raise(string type, Guid? caseId, string path, Guid id, object info)
        {
            var json = Json(info);
            if (recent.Any(r => r.EventType == type && r.AdditionalInformation.Contains(id.ToString(), StringComparison.Ordinal))) return;
            DomainEvents.Stage(db, new OutboxEvent { EventType = type, OccurredAt = now, CaseId = caseId, DetailPath = path, AdditionalInformation = json }, now);
        }

        var soon = today.AddDays(7);
        var reviews = await (from p in db.CarePlans.AsNoTracking()
                             join c in db.Cases on p.CaseId equals c.Id
                             where p.Status == CarePlanStatus.Active && p.ReviewDate != null && p.ReviewDate <= soon
                             select new { p.Id, p.CaseId, c.PsychologistId, c.OffenderManagerId }).ToListAsync(ct);
        foreach (var p in reviews)
            Raise(DomainEventTypes.CarePlanReviewDue, p.CaseId, $"/cases/{p.CaseId}/care-plans/{p.Id}", p.Id,
                new { carePlanId = p.Id, psychologistId = p.PsychologistId, offenderManagerId = p.OffenderManagerId });

        var consultation = await db.ConsultationActions.AsNoTracking().Where(a => a.CompletedAt == null && a.DueOn < today)
            .Select(a => new { a.Id, a.CaseId, a.ConsultationId, a.OwnerId }).ToListAsync(ct);
        foreach (var a in consultation)
            Raise(DomainEventTypes.ConsultationActionOverdue, a.CaseId, $"/cases/{a.CaseId}/consultations/{a.ConsultationId}", a.Id,
                new { actionId = a.Id, consultationId = a.ConsultationId, ownerId = a.OwnerId });

        var group = await db.GroupActions.AsNoTracking().Where(a => a.Status == GroupActionStatus.Open && a.DueOn < today && a.OwnerStaffUserId != null)
            .Select(a => new { a.Id, a.CaseId, a.OwnerStaffUserId }).ToListAsync(ct);
        foreach (var a in group)
            Raise(DomainEventTypes.CoordinationActionOverdue, a.CaseId, "/coordination-group/actions", a.Id,
                new { groupActionId = a.Id, ownerId = a.OwnerStaffUserId });

        await RaiseTrainingRemindersAsync(db, now, today, ct);

        var sent = await db.SignpostingReferrals.AsNoTracking().Where(r => r.Status == SignpostingReferralStatus.Referred && r.ReferredOn != null)
            .Select(r => new { r.Id, r.CaseId, r.ReferredOn, r.CreatedById }).ToListAsync(ct);
        foreach (var r in sent.Where(r => WorkingDays.ResponseOverdue(r.ReferredOn!.Value, today, signposting.Value.Holidays)))
            Raise(DomainEventTypes.SignpostingReferralNoReply, r.CaseId, $"/cases/{r.CaseId}/signposting/{r.Id}", r.Id,
                new { signpostingReferralId = r.Id, referredById = r.CreatedById });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// "Training expiring": a completed course whose refresher falls due after today and within
    /// <see cref="TrainingReminderDays"/> (<see cref="Coverage.RefresherDueSoon"/>, the rule the home page uses), once per
    /// person, course and due date: the window is at most that long, so looking back that far finds an earlier reminder.
    /// </summary>
    private static async Task RaiseTrainingRemindersAsync(PathwayDbContext db, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        var courses = await db.Courses.AsNoTracking().Where(c => c.CurrentVersionId != null && c.RefresherMonths > 0)
            .Select(c => new { c.Id, c.Slug, c.RefresherMonths }).ToDictionaryAsync(c => c.Id, ct);
        if (courses.Count == 0) return;
        var courseIds = courses.Keys.ToList();
        var completions = await db.Enrolments.AsNoTracking()
            .Where(e => e.CompletedAt != null && courseIds.Contains(e.CourseId) && db.Users.Any(u => u.Id == e.UserId && u.DisabledAt == null))
            .GroupBy(e => new { e.UserId, e.CourseId }).Select(g => new { g.Key.UserId, g.Key.CourseId, Last = g.Max(e => e.CompletedAt) })
            .ToListAsync(ct);

        var since = now.AddDays(-TrainingReminderDays - 1);
        var raised = (await db.OutboxEvents.AsNoTracking().Where(e => e.EventType == DomainEventTypes.TrainingExpiring && e.OccurredAt > since)
            .Select(e => e.AdditionalInformation).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var done in completions)
        {
            var course = courses[done.CourseId];
            var last = DateOnly.FromDateTime(done.Last!.Value.UtcDateTime);
            if (!Coverage.RefresherDueSoon(last, course.RefresherMonths, today, TrainingReminderDays)) continue;
            var due = Refresher.DueOn(last, course.RefresherMonths)!.Value;
            if (due <= today) continue; // expired: the home page lists it as training due, not as a reminder
            var info = Json(new TrainingExpiry(course.Id, done.UserId, due));
            if (!raised.Add(info)) continue;
            DomainEvents.Stage(db, new OutboxEvent
            {
                EventType = DomainEventTypes.TrainingExpiring, OccurredAt = now, DetailPath = $"/training/courses/{course.Slug}", AdditionalInformation = info,
            }, now);
        }
    }

    /// <summary>A training reminder's ids (its person, course and due date also make it unique).</summary>
    private sealed record TrainingExpiry(Guid CourseId, Guid UserId, DateOnly DueOn);

    private static string Json(object info) => System.Text.Json.JsonSerializer.Serialize(info, WebJson);
    private static readonly System.Text.Json.JsonSerializerOptions WebJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>One email per person who chose a digest for some kind, counting unread notifications of those kinds not yet counted.</summary>
    private async Task SendDigestsAsync(PathwayDbContext db, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        var choices = await db.NotificationPreferences.AsNoTracking().Where(p => p.Mode == NotificationMode.DailyDigest).ToListAsync(ct);
        foreach (var person in choices.GroupBy(p => p.UserId))
        {
            var kinds = person.Select(p => p.Kind).ToList();
            var fresh = await db.Notifications.Where(n => n.RecipientId == person.Key && n.ReadAt == null && n.DigestedAt == null && kinds.Contains(n.Kind))
                .ToListAsync(ct);
            if (fresh.Count == 0) continue;
            var address = await db.Users.Where(u => u.Id == person.Key && u.DisabledAt == null).Select(u => u.Email).FirstOrDefaultAsync(ct);
            if (address is null) continue;
            var sentence = fresh.Count == 1 ? "You have 1 new notification in Pathway." : $"You have {fresh.Count} new notifications in Pathway.";
            await email.SendAsync(db, address, notify.Value.Template("Digest"), EmailChannel.Personalisation(sentence, notify.Value),
                $"digest-{person.Key:N}-{today:yyyyMMdd}", null, ct);
            foreach (var n in fresh) n.DigestedAt = now;
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Tries the daily job every <see cref="OutboxOptions.Interval"/> (it runs at most once a day) while the outbox is enabled.</summary>
public sealed class DailyRemindersService(DailyReminders job, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<DailyRemindersService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await job.RunIfDueAsync(stoppingToken)) log.LogInformation("The daily reminders ran");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The exception's type only: a database error's message can quote the values of the row it failed on.
                log.LogError("The daily reminders could not run: {Error}", ex.GetType().Name);
            }
            await Task.Delay(TimeSpan.FromMinutes(5), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
