using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Training;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Training.Sessions;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Manage;

/// <summary>
/// Changes a face-to-face session (trainer, venue, time, places) if it is still at the version the form was shown at:
/// every booking also moves that version, so a change made while someone booked is refused rather than overwriting
/// their place. Places cannot drop below the number booked; extra places go to the waiting list in order.
/// </summary>
public sealed class ChangeSession(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string ConflictMessage = "Someone else changed this session, or booked or cancelled a place, while you were editing. Nothing has been saved. Check the session, then make your change again.";

    public async Task<Outcome<TrainingSession>> HandleAsync(Guid sessionId, SessionDetails request, int version, CancellationToken ct)
    {
        var s = await db.TrainingSessions.FirstOrDefaultAsync(x => x.Id == sessionId, ct);
        if (s is null) return Outcome.NotFound<TrainingSession>();
        var now = clock.GetUtcNow();
        if (SessionRules.CannotChange(SessionBookings.Facts(s), now) is { } closed) return TrainingErrors.Refused<TrainingSession>(closed);
        var errors = new List<FieldError>();
        var trainers = await SessionDetails.TrainersAsync(db, s.TrainerId, ct);
        if (request.TrainerId is null || trainers.All(t => t.Id != request.TrainerId)) errors.Add(new("TrainerId", "Choose the trainer"));
        var parsed = request.Parse(errors);
        request.AddRuleErrors(SessionRules.ValidateChange(request.Venue, parsed.StartsAt, parsed.EndsAt, parsed.Capacity, s.BookedCount, now), parsed, errors,
            unreadablePlacesSpeakForThemselves: false);
        if (version != s.Version) errors.Add(new("", ConflictMessage));
        if (errors.Count > 0) return Outcome.Invalid<TrainingSession>(errors);

        var (venue, capacity) = (request.Venue!.Trim(), parsed.Capacity!.Value);
        var changes = new List<string>();
        if (s.TrainerId != request.TrainerId) changes.Add("trainer");
        if (s.Venue != venue) changes.Add("venue");
        if (s.StartsAt != parsed.StartsAt || s.EndsAt != parsed.EndsAt) changes.Add("time");
        if (s.Capacity != capacity) changes.Add($"places {s.Capacity} to {capacity}");
        (s.TrainerId, s.Venue, s.StartsAt, s.EndsAt) = (request.TrainerId!.Value, venue, parsed.StartsAt!.Value, parsed.EndsAt!.Value);
        if (capacity > s.Capacity)
        {
            var waiting = await db.SessionBookings.Where(b => b.SessionId == s.Id && b.Status == BookingStatus.Waiting)
                .OrderBy(b => b.RequestedAt).ThenBy(b => b.Id).ToListAsync(ct);
            foreach (var b in waiting.Take(SessionRules.PromotedOnGrowth(s.BookedCount, capacity, waiting.Count)))
            {
                (b.Status, b.BookedAt) = (BookingStatus.Booked, now);
                s.BookedCount++;
                changes.Add($"waiting booking {b.Id} got a place");
            }
        }
        s.Capacity = capacity;
        db.Entry(s).State = EntityState.Modified;
        db.Entry(s).Property(x => x.Version).OriginalValue = version;
        audit.Add(null, "TrainingSession", s.Id, null, reason: changes.Count == 0 ? "no change" : string.Join("; ", changes));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A booking or another coordinator moved the version first, or the places check refused the count.
            db.ChangeTracker.Clear();
            return Outcome.Conflict(await db.TrainingSessions.AsNoTracking().FirstAsync(x => x.Id == sessionId, ct));
        }
        return s;
    }
}
