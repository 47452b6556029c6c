using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Training;
using Pathway.Web.Features.Tasks;

namespace Pathway.Web.Features.Training;

/// <summary>
/// The viewer's own training (never their team's): required courses not yet completed and refreshers overdue (due),
/// refreshers due within <see cref="Coverage"/>'s reminder window (expiring), and face-to-face sessions they hold a place on (booked).
/// </summary>
public sealed class TrainingTasks(PathwayDbContext db) : ITaskSource
{
    public async Task<IReadOnlyList<WorkItem>> FindAsync(TaskScope s, CancellationToken ct)
    {
        // A person's own training is not work on a case.
        if (s.Anyone) return [];
        var who = s.Who;
        var group = await StaffGroupLookup.ForAsync(db, who, ct);
        var required = await db.StaffGroupRequirements.AsNoTracking().Where(r => r.GroupId == group.Id).Select(r => r.CourseId).ToListAsync(ct);
        var courses = await db.Courses.AsNoTracking().Where(c => c.CurrentVersionId != null).Select(c => new { c.Id, c.Title, c.Slug, c.RefresherMonths }).ToListAsync(ct);
        var completed = await db.Enrolments.AsNoTracking().Where(e => e.UserId == who.UserId && e.CompletedAt != null)
            .GroupBy(e => e.CourseId).Select(g => new { CourseId = g.Key, Last = g.Max(e => e.CompletedAt) }).ToListAsync(ct);
        var items = new List<WorkItem>();
        foreach (var c in courses)
        {
            var at = completed.FirstOrDefault(e => e.CourseId == c.Id)?.Last;
            var last = at is { } l ? TaskRows.Day(l) : (DateOnly?)null;
            if (last is null)
            {
                if (required.Contains(c.Id))
                    items.Add(new(TaskKind.TrainingDue, c.Id.ToString(), $"Complete {c.Title}: required for your group", $"/training/courses/{c.Slug}",
                        null, who.UserId, null, s.Today, null, true));
            }
            else if (Coverage.RefresherDueSoon(last, c.RefresherMonths, s.Today))
            {
                var due = Refresher.DueOn(last, c.RefresherMonths)!.Value;
                items.Add(due <= s.Today
                    ? new(TaskKind.TrainingDue, c.Id.ToString(), $"Take the {c.Title} refresher", $"/training/courses/{c.Slug}", null, who.UserId, null, due, due, true)
                    : new(TaskKind.TrainingExpiring, c.Id.ToString(), $"Take the {c.Title} refresher before it expires", $"/training/courses/{c.Slug}", null, who.UserId, null,
                        last.Value, due, false));
            }
        }
        var booked = await db.SessionBookings.AsNoTracking()
            .Where(b => b.UserId == who.UserId && b.Status == BookingStatus.Booked)
            .Join(db.TrainingSessions.Where(t => t.CancelledAt == null && t.StartsAt > s.Now), b => b.SessionId, t => t.Id,
                (b, t) => new { t.Id, t.StartsAt, t.Venue, t.CourseId, b.BookedAt, b.RequestedAt })
            .Take(50).ToListAsync(ct);
        foreach (var b in booked)
        {
            var title = courses.FirstOrDefault(c => c.Id == b.CourseId)?.Title ?? "training";
            items.Add(new(TaskKind.TrainingBooked, b.Id.ToString(), $"Attend the {title} session at {b.Venue}", $"/training/sessions/{b.Id}",
                null, who.UserId, null, TaskRows.Day(b.BookedAt ?? b.RequestedAt), TaskRows.Day(b.StartsAt), false));
        }
        return items;
    }
}
