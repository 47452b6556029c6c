using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Training;

namespace Pathway.Web.Features.Training.Sessions;

/// <summary>A session as lists show it: course, trainer, time, venue and places.</summary>
public sealed record SessionView(
    Guid Id, Guid CourseId, string CourseTitle, Guid TrainerId, string Trainer, string Venue, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    int Capacity, int Booked, int Waiting, bool Cancelled)
{
    public int PlacesLeft => Math.Max(0, Capacity - Booked);

    public static async Task<List<SessionView>> QueryAsync(PathwayDbContext db, IQueryable<TrainingSession> sessions, CancellationToken ct)
    {
        var rows = await sessions.AsNoTracking()
            .Join(db.Courses, s => s.CourseId, c => c.Id, (s, c) => new { s, c.Title })
            .Join(db.Users, x => x.s.TrainerId, u => u.Id, (x, u) => new { x.s, x.Title, u.DisplayName })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.s.Id).ToList();
        var waiting = await db.SessionBookings.Where(b => ids.Contains(b.SessionId) && b.Status == BookingStatus.Waiting)
            .GroupBy(b => b.SessionId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        return rows.Select(r => new SessionView(r.s.Id, r.s.CourseId, r.Title, r.s.TrainerId, r.DisplayName, r.s.Venue, r.s.StartsAt, r.s.EndsAt,
                r.s.Capacity, r.s.BookedCount, waiting.GetValueOrDefault(r.s.Id), r.s.CancelledAt is not null))
            .OrderBy(r => r.StartsAt).ToList();
    }
}
