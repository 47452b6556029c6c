using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Features.Training.Sessions;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Manage;

/// <summary>The cancelled session and how many people were booked or waiting.</summary>
public sealed record SessionCancelled(TrainingSession Session, int Released);

/// <summary>
/// Cancels a session that has not started, if it is still at the version the form was shown at: every place and
/// waiting-list entry is released, and those people see the session as cancelled.
/// </summary>
public sealed class CancelSession(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<SessionCancelled>> HandleAsync(Guid sessionId, int version, CancellationToken ct)
    {
        var s = await db.TrainingSessions.FirstOrDefaultAsync(x => x.Id == sessionId, ct);
        if (s is null) return Outcome.NotFound<SessionCancelled>();
        var now = clock.GetUtcNow();
        if (SessionRules.CannotChange(SessionBookings.Facts(s), now) is { } closed) return TrainingErrors.Refused<SessionCancelled>(closed);
        if (version != s.Version) return Outcome.Conflict(new SessionCancelled(s, 0));

        var live = await db.SessionBookings.Where(b => b.SessionId == s.Id && b.Status != BookingStatus.Cancelled).ToListAsync(ct);
        foreach (var b in live) (b.Status, b.CancelledAt) = (BookingStatus.Cancelled, now);
        var booked = s.BookedCount;
        (s.CancelledAt, s.BookedCount) = (now, 0);
        db.Entry(s).Property(x => x.Version).OriginalValue = version;
        audit.Add(AuditActions.Training.SessionCancel, "TrainingSession", s.Id, null,
            reason: $"released {booked} places and {live.Count - booked} waiting-list entries");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(new SessionCancelled(await db.TrainingSessions.AsNoTracking().FirstAsync(x => x.Id == sessionId, ct), 0));
        }
        return new SessionCancelled(s, live.Count);
    }
}
