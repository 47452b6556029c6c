using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Training;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Attitudes;

/// <summary>
/// Saves the learner's answers to the attitudes questionnaire, before or after the course, with the subscale means
/// (reversed items reverse-scored). Each phase is answered once.
/// </summary>
public sealed class SubmitAttitudes(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Why the questionnaire cannot be answered now, or null when it can.</summary>
    public static string? WhyClosed(LearnerCourse lc, TestPhase phase) =>
        !lc.IsEnrolled ? "Start the course before you answer this questionnaire"
        : lc.AttitudePhases.Contains(phase) ? "You have already answered this questionnaire"
        : phase == TestPhase.After && lc.Progress.BestPostTest?.Passed != true ? "This questionnaire opens when you have passed the knowledge test at the end of the course"
        : null;

    public async Task<Outcome<LearnerCourse>> HandleAsync(Guid userId, string slug, TestPhase phase, IReadOnlyDictionary<string, string?> answers,
        CancellationToken ct)
    {
        var lc = await LearnerCourse.LoadAsync(db, userId, slug, ct);
        if (lc is null) return Outcome.NotFound<LearnerCourse>();
        if (WhyClosed(lc, phase) is { } closed) return TrainingErrors.Refused<LearnerCourse>(closed);
        var values = answers.ToDictionary(a => a.Key,
            a => int.TryParse(a.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)(string.IsNullOrEmpty(a.Value) ? null : 0));
        var problems = AttitudeScoring.Validate(lc.Content.Attitudes, values);
        if (problems.Count > 0) return Outcome.Invalid<LearnerCourse>(problems.ToFieldErrors(key => $"Answers[{key}]"));

        var scores = AttitudeScoring.Score(lc.Content.Attitudes, values);
        var row = new AttitudeResponse
        {
            EnrolmentId = lc.Enrolment!.Id, Phase = phase, TakenAt = clock.GetUtcNow(),
            AnswersJson = CourseDocument.SerializeAnswers(lc.Content.Attitudes.Items.ToDictionary(i => i.Key, i => values[i.Key]!.Value)),
            ScoresJson = CourseDocument.SerializeScores(scores),
        };
        db.AttitudeResponses.Add(row);
        audit.Add(phase == TestPhase.Before ? AuditActions.Training.AttitudesBeforeSubmit : AuditActions.Training.AttitudesAfterSubmit, "AttitudeResponse", row.Id, null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return TrainingErrors.Refused<LearnerCourse>("You have already answered this questionnaire");
        }
        return lc;
    }
}
