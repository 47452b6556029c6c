using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Training;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Manage;

/// <summary>Schedules a face-to-face session of a published course: trainer, venue, start and end, places.</summary>
public sealed class ScheduleSession(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<TrainingSession>> HandleAsync(Guid? courseId, SessionDetails request, Guid createdBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var errors = new List<FieldError>();
        if (courseId is not { } course || !await db.Courses.AnyAsync(c => c.Id == course && c.CurrentVersionId != null, ct))
            errors.Add(new("CourseId", "Choose the course"));
        var trainers = await SessionDetails.TrainersAsync(db, null, ct);
        if (request.TrainerId is null || trainers.All(t => t.Id != request.TrainerId)) errors.Add(new("TrainerId", "Choose the trainer"));
        var parsed = request.Parse(errors);
        request.AddRuleErrors(SessionRules.Validate(request.Venue, parsed.StartsAt, parsed.EndsAt, parsed.Capacity, now), parsed, errors,
            unreadablePlacesSpeakForThemselves: true);
        if (errors.Count > 0) return Outcome.Invalid<TrainingSession>(errors);

        var session = new TrainingSession
        {
            CourseId = courseId!.Value, TrainerId = request.TrainerId!.Value, Venue = request.Venue!.Trim(), StartsAt = parsed.StartsAt!.Value,
            EndsAt = parsed.EndsAt!.Value, Capacity = parsed.Capacity!.Value, CreatedById = createdBy, CreatedAt = now,
        };
        db.TrainingSessions.Add(session);
        audit.Add(null, "TrainingSession", session.Id, null, reason: $"{parsed.Capacity} places");
        await db.SaveChangesAsync(ct);
        return session;
    }
}
