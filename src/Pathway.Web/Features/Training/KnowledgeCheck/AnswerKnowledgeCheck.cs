using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.KnowledgeCheck;

/// <summary>The check as answered: how many of its questions were right.</summary>
public sealed record CheckAnswered(LearnerCourse Learner, CourseModule Module, int Right);

/// <summary>
/// Saves the answers to a module's knowledge check. Every question must be answered with one of its options; answering
/// again replaces the earlier answers.
/// </summary>
public sealed class AnswerKnowledgeCheck(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<CheckAnswered>> HandleAsync(Guid userId, string slug, string moduleKey, IReadOnlyDictionary<string, string?> answers,
        CancellationToken ct)
    {
        var lc = await LearnerCourse.LoadAsync(db, userId, slug, ct);
        if (lc?.Content.Module(moduleKey) is not { } module || module.KnowledgeCheck.Count == 0) return Outcome.NotFound<CheckAnswered>();
        if (lc.Enrolment is not { } enrolment) return TrainingErrors.Refused<CheckAnswered>("Start the course before you answer its knowledge checks");
        var problems = KnowledgeTestScoring.Validate(module.KnowledgeCheck, answers);
        if (problems.Count > 0) return Outcome.Invalid<CheckAnswered>(problems.ToFieldErrors(key => $"Answers[{key}]"));

        var now = clock.GetUtcNow();
        var keys = module.KnowledgeCheck.Select(q => q.Key).ToList();
        var existing = await db.CheckAnswers.Where(a => a.EnrolmentId == enrolment.Id && keys.Contains(a.QuestionKey)).ToDictionaryAsync(a => a.QuestionKey, ct);
        foreach (var q in module.KnowledgeCheck)
        {
            var chosen = answers[q.Key]!;
            if (existing.TryGetValue(q.Key, out var row))
            {
                row.OptionKey = chosen;
                row.IsCorrect = chosen == q.CorrectOption;
                row.AnsweredAt = now;
            }
            else
            {
                db.CheckAnswers.Add(new CheckAnswer { EnrolmentId = enrolment.Id, QuestionKey = q.Key, OptionKey = chosen, IsCorrect = chosen == q.CorrectOption, AnsweredAt = now });
            }
        }
        audit.Add(null, "Enrolment", enrolment.Id, null, reason: module.Key);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // the same answers sent twice at once; the first stands
        }
        return new CheckAnswered(lc, module, module.KnowledgeCheck.Count(q => answers[q.Key] == q.CorrectOption));
    }
}
