using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.Training.Sessions;

/// <summary>
/// Booking and cancelling places on face-to-face sessions, for the pages and the API.
/// Every change to a session's places saves the session row under its <see cref="TrainingSession.Version"/> (a
/// conditional UPDATE: <c>WHERE Id = @id AND Version = @read</c>) in the same transaction as the booking, so changes
/// to one session's places are serialised: of two people booking the last place at once, the second one's update
/// matches no row and is retried against the new count, which sends them to the waiting list. A check constraint
/// (<c>BookedCount &lt;= Capacity</c>) refuses an overbooking whatever the code does.
/// </summary>
public static class SessionBookings
{
    public sealed record Outcome(BookingStatus? Status, string? Error, SessionBooking? Booking = null)
    {
        public bool Succeeded => Error is null;
    }

    private const int Retries = 100;

    public static SessionFacts Facts(TrainingSession s) => new(s.StartsAt, s.EndsAt, s.Capacity, s.BookedCount, s.CancelledAt is not null);

    /// <summary>Takes a place if one is free, otherwise a place on the waiting list.</summary>
    public static async Task<Outcome> BookAsync(PathwayDbContext db, AuditLog audit, Guid sessionId, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Retries; attempt++)
        {
            db.ChangeTracker.Clear();
            var session = await db.TrainingSessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
            if (session is null) return new(null, "not found");
            if (SessionRules.CannotBook(Facts(session), now) is { } why) return new(null, why);
            var live = await db.SessionBookings.AsNoTracking().FirstOrDefaultAsync(b => b.SessionId == sessionId && b.UserId == userId && b.Status != BookingStatus.Cancelled, ct);
            if (live is not null)
                return new(live.Status, live.Status == BookingStatus.Booked ? "You already have a place on this session" : "You are already on the waiting list for this session", live);

            var status = SessionRules.PlaceFor(Facts(session));
            var booking = new SessionBooking
            {
                SessionId = sessionId, UserId = userId, Status = status, RequestedAt = now, BookedAt = status == BookingStatus.Booked ? now : null,
            };
            if (status == BookingStatus.Booked) session.BookedCount++;
            Touch(db, session);
            db.SessionBookings.Add(booking);
            audit.Add(status == BookingStatus.Booked ? "training.session.book" : "training.session.wait", "SessionBooking", booking.Id, null, reason: $"session {sessionId}");
            try
            {
                await db.SaveChangesAsync(ct);
                return new(status, null, booking);
            }
            catch (DbUpdateException) when (attempt < Retries - 1)
            {
                // Someone else changed this session's places (or this person's second click won): read again and retry.
            }
        }
        return new(null, "The session is busy: try again");
    }

    /// <summary>Gives up a place (promoting the first person waiting) or leaves the waiting list.</summary>
    public static async Task<Outcome> CancelAsync(PathwayDbContext db, AuditLog audit, Guid sessionId, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Retries; attempt++)
        {
            db.ChangeTracker.Clear();
            var session = await db.TrainingSessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
            if (session is null) return new(null, "not found");
            var booking = await db.SessionBookings.FirstOrDefaultAsync(b => b.SessionId == sessionId && b.UserId == userId && b.Status != BookingStatus.Cancelled, ct);
            if (booking is null) return new(null, "You do not have a place on this session or its waiting list");
            if (SessionRules.CannotCancel(Facts(session), now) is { } why) return new(null, why);

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
            audit.Add("training.session.cancel", "SessionBooking", booking.Id, null, reason: reason);
            Touch(db, session);
            try
            {
                await db.SaveChangesAsync(ct);
                return new(BookingStatus.Cancelled, null, booking);
            }
            catch (DbUpdateException) when (attempt < Retries - 1)
            {
            }
        }
        return new(null, "The session is busy: try again");
    }

    /// <summary>Saves the session row even when only a booking changed, so its version moves and concurrent changes to the same session conflict.</summary>
    private static void Touch(PathwayDbContext db, TrainingSession session)
    {
        var entry = db.Entry(session);
        if (entry.State == EntityState.Unchanged) entry.State = EntityState.Modified;
    }
}
