using Pathway.Data;
using Pathway.Domain.Licences;
using Pathway.Domain.Training;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Manage;

/// <summary>A question as typed: its text, answers in order (blank ones dropped), the letter of the correct one, and feedback.</summary>
public sealed record QuestionText(string? Text, IReadOnlyList<string?> Options, string? Correct, string? Feedback);

/// <summary>
/// Saves a knowledge-check or knowledge-test question of a course's draft. A draft that moved on since the form was
/// shown is reported with the form's own problems.
/// </summary>
public sealed class EditDraftQuestion(PathwayDbContext db, AuditLog audit)
{
    public async Task<Outcome<CourseDraft>> HandleAsync(string slug, string questionKey, int version, QuestionText request, CancellationToken ct)
    {
        if (await CourseDraft.LoadAsync(db, slug, ct) is not { Draft: { } draft, Content: { } content } d || content.Question(questionKey) is null)
            return Outcome.NotFound<CourseDraft>();
        var errors = CourseEditing.CheckQuestion(request.Text, request.Options, request.Correct, request.Feedback)
            .ToFieldErrors(field => field == "Options" ? "Options[0]" : field);
        if (version != draft.Version) errors.Add(new FieldError("", CourseDraft.ConflictMessage));
        if (errors.Count > 0) return Outcome.Invalid<CourseDraft>(errors);

        // Keep each answer's letter so that "correct" still points at the answer the coordinator chose.
        var options = request.Options.Select((o, i) => (o, Key: CourseEditing.OptionKey(i))).Where(x => !string.IsNullOrWhiteSpace(x.o))
            .Select(x => new QuestionOption(x.Key, x.o!.Trim())).ToList();
        var question = new Question(questionKey, request.Text!.Trim(), options, request.Correct!, request.Feedback!.Trim());
        return await d.SaveAsync(db, audit, version, CourseEditing.ReplaceQuestion(content, question), $"question {questionKey}", ct);
    }
}
