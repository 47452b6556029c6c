using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Training;

namespace Pathway.Web.Features.Training.Sessions;

/// <summary>
/// What booking and cancelling places (<see cref="BookSessionPlace"/>, <see cref="CancelSessionPlace"/>) share.
/// Every change to a session's places saves the session row under its <see cref="TrainingSession.Version"/> (a
/// conditional UPDATE: <c>WHERE Id = @id AND Version = @read</c>) in the same transaction as the booking, so changes
/// to one session's places are serialised: of two people booking the last place at once, the second one's update
/// matches no row and is retried against the new count, which sends them to the waiting list. A check constraint
/// (<c>BookedCount &lt;= Capacity</c>) refuses an overbooking whatever the code does.
/// </summary>
public static class SessionBookings
{
    public const int Retries = 100;
    public const string Busy = "The session is busy: try again";

    public static SessionFacts Facts(TrainingSession s) => new(s.StartsAt, s.EndsAt, s.Capacity, s.BookedCount, s.CancelledAt is not null);

    /// <summary>Saves the session row even when only a booking changed, so its version moves and concurrent changes to the same session conflict.</summary>
    public static void Touch(PathwayDbContext db, TrainingSession session)
    {
        var entry = db.Entry(session);
        if (entry.State == EntityState.Unchanged) entry.State = EntityState.Modified;
    }
}
