using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Sessions;

/// <summary>Takes a place on a face-to-face session if one is free, otherwise a place on its waiting list (see <see cref="SessionBookings"/>).</summary>
public sealed class BookSessionPlace(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<SessionBooking>> HandleAsync(Guid sessionId, Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        for (var attempt = 0; attempt < SessionBookings.Retries; attempt++)
        {
            db.ChangeTracker.Clear();
            var session = await db.TrainingSessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
            if (session is null) return Outcome.NotFound<SessionBooking>();
            if (SessionRules.CannotBook(SessionBookings.Facts(session), now) is { } why) return TrainingErrors.Refused<SessionBooking>(why);
            var live = await db.SessionBookings.AsNoTracking().FirstOrDefaultAsync(b => b.SessionId == sessionId && b.UserId == userId && b.Status != BookingStatus.Cancelled, ct);
            if (live is not null)
                return TrainingErrors.Refused<SessionBooking>(live.Status == BookingStatus.Booked
                    ? "You already have a place on this session" : "You are already on the waiting list for this session");

            var status = SessionRules.PlaceFor(SessionBookings.Facts(session));
            var booking = new SessionBooking
            {
                SessionId = sessionId, UserId = userId, Status = status, RequestedAt = now, BookedAt = status == BookingStatus.Booked ? now : null,
            };
            if (status == BookingStatus.Booked) session.BookedCount++;
            SessionBookings.Touch(db, session);
            db.SessionBookings.Add(booking);
            audit.Add(status == BookingStatus.Booked ? AuditActions.Training.SessionBook : AuditActions.Training.SessionWaitingListJoin, "SessionBooking", booking.Id, null, reason: $"session {sessionId}");
            try
            {
                await db.SaveChangesAsync(ct);
                return booking;
            }
            catch (DbUpdateException) when (attempt < SessionBookings.Retries - 1)
            {
                // Someone else changed this session's places (or this person's second click won): read again and retry.
            }
        }
        return TrainingErrors.Refused<SessionBooking>(SessionBookings.Busy);
    }
}
