using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Overview;

/// <summary>The course as completed: <c>JustNow</c> is false when it already was.</summary>
public sealed record CourseCompleted(LearnerCourse Learner, bool JustNow);

/// <summary>Completes the learner's enrolment, refused with what is missing until every requirement is met.</summary>
public sealed class CompleteCourse(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<CourseCompleted>> HandleAsync(Guid userId, string slug, CancellationToken ct)
    {
        var lc = await LearnerCourse.LoadAsync(db, userId, slug, ct, track: true);
        if (lc is null) return Outcome.NotFound<CourseCompleted>();
        if (!lc.IsEnrolled) return TrainingErrors.Refused<CourseCompleted>("Start the course before you complete it");
        if (lc.IsCompleted) return new CourseCompleted(lc, JustNow: false);
        var missing = CompletionRules.Missing(lc.Content, lc.Progress);
        if (missing.Count > 0) return TrainingErrors.Refused<CourseCompleted>("You cannot complete this course yet. " + string.Join(". ", missing) + ".");

        lc.Enrolment!.CompletedAt = clock.GetUtcNow();
        audit.Add(AuditActions.Training.Complete, "Enrolment", lc.Enrolment.Id, null, reason: $"post-test {lc.BestPostTest?.Percent}%");
        await db.SaveChangesAsync(ct);
        return new CourseCompleted(lc, JustNow: true);
    }
}
