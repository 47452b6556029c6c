using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Lesson;

/// <summary>Marks a lesson of the learner's pinned course version complete (once is enough).</summary>
public sealed class CompleteLesson(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<LearnerCourse>> HandleAsync(Guid userId, string slug, string lessonKey, CancellationToken ct)
    {
        var lc = await LearnerCourse.LoadAsync(db, userId, slug, ct);
        if (lc?.Content.Lesson(lessonKey) is null) return Outcome.NotFound<LearnerCourse>();
        if (lc.Enrolment is not { } enrolment) return TrainingErrors.Refused<LearnerCourse>("Start the course before you mark lessons as complete");
        if (lc.Progress.CompletedLessons.Contains(lessonKey)) return lc;

        db.LessonProgress.Add(new LessonProgress { EnrolmentId = enrolment.Id, LessonKey = lessonKey, CompletedAt = clock.GetUtcNow() });
        audit.Add(null, "Enrolment", enrolment.Id, null, reason: lessonKey);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // marked complete twice at once: once is enough
        }
        return lc;
    }
}
