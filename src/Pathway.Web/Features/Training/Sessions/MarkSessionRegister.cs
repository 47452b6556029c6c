using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Sessions;

/// <summary>
/// Marks everyone with a place on a session present or absent (ticked is present), once it has started. The caller
/// has checked that the person is its trainer or a training coordinator. A register saved meanwhile by someone else,
/// or a booking changed meanwhile, is a conflict: nothing is saved.
/// </summary>
public sealed class MarkSessionRegister(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<TrainingSession>> HandleAsync(Guid sessionId, Guid markedBy, IReadOnlyCollection<Guid> present, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var session = await db.TrainingSessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null) return Outcome.NotFound<TrainingSession>();
        if (SessionRules.CannotMarkRegister(SessionBookings.Facts(session), now) is { } why) return TrainingErrors.Refused<TrainingSession>(why);
        var booked = await db.SessionBookings.Where(b => b.SessionId == sessionId && b.Status == BookingStatus.Booked).ToListAsync(ct);
        if (present.Any(id => booked.All(b => b.Id != id))) return TrainingErrors.Refused<TrainingSession>("Mark only people who have a place on this session");

        foreach (var b in booked)
        {
            var isPresent = present.Contains(b.Id);
            if (b.Attended == isPresent) continue;
            b.Attended = isPresent;
            b.AttendanceMarkedAt = now;
            b.AttendanceMarkedById = markedBy;
        }
        db.Entry(session).State = EntityState.Modified; // moves the version: two registers saved at once do not interleave
        audit.Add(AuditActions.Training.SessionRegister, "TrainingSession", sessionId, null, reason: $"{present.Count} of {booked.Count} present");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(await db.TrainingSessions.AsNoTracking().FirstAsync(s => s.Id == sessionId, ct));
        }
        return session;
    }
}
