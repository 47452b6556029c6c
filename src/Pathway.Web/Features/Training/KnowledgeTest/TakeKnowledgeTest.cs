using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Training;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.KnowledgeTest;

/// <summary>The test as taken, with its score.</summary>
public sealed record TestTaken(LearnerCourse Learner, TestScore Score);

/// <summary>
/// Scores and saves a knowledge test, before or after the course: the whole item bank of the learner's version. The test
/// at the start is taken once; the test at the end opens when every lesson and check is done and may be retaken until passed.
/// </summary>
public sealed class TakeKnowledgeTest(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Why the test cannot be taken now, or null when it can.</summary>
    public static string? WhyClosed(LearnerCourse lc, TestPhase phase) =>
        !lc.IsEnrolled ? "Start the course before you take its knowledge test"
        : lc.IsCompleted ? "You have completed this course"
        : phase == TestPhase.Before && lc.PreTest is not null ? "You have already taken the knowledge test at the start of the course"
        : phase == TestPhase.After && lc.Progress.BestPostTest?.Passed == true ? "You have already passed the knowledge test"
        : phase == TestPhase.After && !CompletionRules.PostTestOpen(lc.Content, lc.Progress)
            ? "The knowledge test at the end opens when you have taken the test at the start and finished every lesson and knowledge check"
        : null;

    public async Task<Outcome<TestTaken>> HandleAsync(Guid userId, string slug, TestPhase phase, IReadOnlyDictionary<string, string?> answers,
        CancellationToken ct)
    {
        var lc = await LearnerCourse.LoadAsync(db, userId, slug, ct);
        if (lc is null) return Outcome.NotFound<TestTaken>();
        if (WhyClosed(lc, phase) is { } closed) return TrainingErrors.Refused<TestTaken>(closed);
        var items = lc.Content.ItemBank;
        var problems = KnowledgeTestScoring.Validate(items, answers);
        if (problems.Count > 0) return Outcome.Invalid<TestTaken>(problems.ToFieldErrors(key => $"Answers[{key}]"));

        var score = KnowledgeTestScoring.Score(items, answers, lc.Content.PassMarkPercent);
        var attempt = new KnowledgeTestAttempt
        {
            EnrolmentId = lc.Enrolment!.Id, Phase = phase, Correct = score.Correct, Total = score.Total, Percent = score.Percent,
            Passed = score.Passed, AnswersJson = CourseDocument.SerializeAnswers(answers), TakenAt = clock.GetUtcNow(),
        };
        db.KnowledgeTestAttempts.Add(attempt);
        audit.Add(phase == TestPhase.Before ? AuditActions.Training.TestBeforeSubmit : AuditActions.Training.TestAfterSubmit, "KnowledgeTestAttempt", attempt.Id, null,
            reason: $"{score.Percent}%");
        await db.SaveChangesAsync(ct);
        return new TestTaken(lc, score);
    }
}
