using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Evaluation;

/// <summary>The learner's ratings (1 to 5, by question field) and optional comments.</summary>
public sealed record EvaluationAnswers(IReadOnlyDictionary<string, string?> Ratings, string? Comments);

/// <summary>Saves the course evaluation (Kirkpatrick level 1, reaction), once, after the learner has completed the course.</summary>
public sealed class SubmitEvaluation(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public static readonly IReadOnlyList<(string Field, string Question)> Questions =
    [
        ("Relevance", "The course was relevant to my work"),
        ("Clarity", "The lessons were clear and easy to follow"),
        ("Confidence", "I feel more confident working with people with a personality disorder"),
        ("Recommend", "I would recommend this course to a colleague"),
    ];

    public static string? WhyClosed(LearnerCourse lc) =>
        !lc.IsCompleted ? "You can give feedback when you have completed the course"
        : lc.Evaluated ? "You have already given feedback on this course. Thank you"
        : null;

    public async Task<Outcome<LearnerCourse>> HandleAsync(Guid userId, string slug, EvaluationAnswers request, CancellationToken ct)
    {
        var lc = await LearnerCourse.LoadAsync(db, userId, slug, ct);
        if (lc is null) return Outcome.NotFound<LearnerCourse>();
        if (WhyClosed(lc) is { } closed) return TrainingErrors.Refused<LearnerCourse>(closed);
        var errors = new List<FieldError>();
        var ratings = new Dictionary<string, int>();
        foreach (var (field, question) in Questions)
        {
            if (int.TryParse(request.Ratings.GetValueOrDefault(field), out var v) && v is >= 1 and <= 5) ratings[field] = v;
            else errors.Add(new(field, $"Select how much you agree: {question.ToLowerInvariant()}"));
        }
        var comments = request.Comments?.Trim();
        if (comments?.Length > 2000) errors.Add(new("Comments", "Comments must be 2,000 characters or fewer"));
        if (errors.Count > 0) return Outcome.Invalid<LearnerCourse>(errors);

        var row = new CourseEvaluation
        {
            EnrolmentId = lc.Enrolment!.Id, Relevance = ratings["Relevance"], Clarity = ratings["Clarity"],
            Confidence = ratings["Confidence"], Recommend = ratings["Recommend"],
            Comments = string.IsNullOrEmpty(comments) ? null : comments, SubmittedAt = clock.GetUtcNow(),
        };
        db.CourseEvaluations.Add(row);
        audit.Add(null, "Enrolment", row.EnrolmentId, null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // sent twice at once: the first stands
        }
        return lc;
    }
}
