using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Sessions;

/// <summary>Gives up a place on a session (promoting the first person waiting) or leaves its waiting list (see <see cref="SessionBookings"/>).</summary>
public sealed class CancelSessionPlace(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<SessionBooking>> HandleAsync(Guid sessionId, Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        for (var attempt = 0; attempt < SessionBookings.Retries; attempt++)
        {
            db.ChangeTracker.Clear();
            var session = await db.TrainingSessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
            if (session is null) return Outcome.NotFound<SessionBooking>();
            var booking = await db.SessionBookings.FirstOrDefaultAsync(b => b.SessionId == sessionId && b.UserId == userId && b.Status != BookingStatus.Cancelled, ct);
            if (booking is null) return TrainingErrors.Refused<SessionBooking>("You do not have a place on this session or its waiting list");
            if (SessionRules.CannotCancel(SessionBookings.Facts(session), now) is { } why) return TrainingErrors.Refused<SessionBooking>(why);

            var had = booking.Status;
            booking.Status = BookingStatus.Cancelled;
            booking.CancelledAt = now;
            var reason = had == BookingStatus.Booked ? "gave up a place" : "left the waiting list";
            if (had == BookingStatus.Booked)
            {
                var next = await db.SessionBookings.Where(b => b.SessionId == sessionId && b.Status == BookingStatus.Waiting)
                    .OrderBy(b => b.RequestedAt).ThenBy(b => b.Id).FirstOrDefaultAsync(ct);
                if (next is null || session.CancelledAt is not null) session.BookedCount--;
                else
                {
                    next.Status = BookingStatus.Booked;
                    next.BookedAt = now;
                    reason += $"; the place went to waiting booking {next.Id}";
                }
            }
            // One row per change: the promotion is named in it (the chain numbers rows at save, one per change).
            audit.Add(AuditActions.Training.SessionBookingCancel, "SessionBooking", booking.Id, null, reason: reason);
            SessionBookings.Touch(db, session);
            try
            {
                await db.SaveChangesAsync(ct);
                return booking;
            }
            catch (DbUpdateException) when (attempt < SessionBookings.Retries - 1)
            {
            }
        }
        return TrainingErrors.Refused<SessionBooking>(SessionBookings.Busy);
    }
}
