using System.Globalization;
using Pathway.Data;
using Pathway.Domain.Licences;
using Pathway.Domain.Training;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Manage;

/// <summary>A lesson as typed: title, minutes and Markdown.</summary>
public sealed record LessonText(string? Title, string? Minutes, string? Markdown)
{
    public int ParsedMinutes => int.TryParse(Minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
}

/// <summary>
/// Saves a lesson of a course's draft. A draft that moved on since the form was shown is reported with the form's own
/// problems, so the coordinator sees everything at once.
/// </summary>
public sealed class EditDraftLesson(PathwayDbContext db, AuditLog audit)
{
    public async Task<Outcome<CourseDraft>> HandleAsync(string slug, string lessonKey, int version, LessonText request, CancellationToken ct)
    {
        if (await CourseDraft.LoadAsync(db, slug, ct) is not { Draft: { } draft, Content: { } content } d || content.Lesson(lessonKey) is null)
            return Outcome.NotFound<CourseDraft>();
        var minutes = request.ParsedMinutes;
        var errors = CourseEditing.CheckLesson(request.Title, request.Markdown, minutes).ToFieldErrors();
        if (version != draft.Version) errors.Add(new FieldError("", CourseDraft.ConflictMessage));
        if (errors.Count > 0) return Outcome.Invalid<CourseDraft>(errors);

        var lesson = new Domain.Training.Lesson(lessonKey, request.Title!.Trim(), minutes, request.Markdown!.Replace("\r\n", "\n", StringComparison.Ordinal));
        return await d.SaveAsync(db, audit, version, CourseEditing.ReplaceLesson(content, lesson), $"lesson {lessonKey}", ct);
    }
}
