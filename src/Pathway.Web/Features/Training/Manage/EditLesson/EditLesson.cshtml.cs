using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Training;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.Manage.EditLesson;

/// <summary>Edits a lesson of a draft. "Preview" renders the Markdown without saving (no JavaScript needed).</summary>
[Authorize(Policy = Policies.TrainingCoordinator)]
[Audited("training.course.edit")]
public sealed class EditLessonModel(PathwayDbContext db, AuditLog audit) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Minutes { get; set; }
    [BindProperty] public string? Markdown { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Action { get; set; }
    public CourseDraft Course { get; private set; } = null!;
    public string LessonKey { get; private set; } = "";
    public bool NoDraft { get; private set; }
    public bool Previewing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string lessonKey, CancellationToken ct)
    {
        if (await CourseDraft.LoadAsync(db, slug, ct) is not { } d) return NotFound();
        Course = d;
        LessonKey = lessonKey;
        if (d.Content is null) { NoDraft = true; return Page(); }
        if (d.Content.Lesson(lessonKey) is not { } lesson) return NotFound();
        (Title, Minutes, Markdown, Version) = (lesson.Title, lesson.Minutes.ToString(CultureInfo.InvariantCulture), lesson.Markdown, d.Draft!.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string lessonKey, CancellationToken ct)
    {
        if (await CourseDraft.LoadAsync(db, slug, ct) is not { } d) return NotFound();
        Course = d;
        LessonKey = lessonKey;
        ModelState.Clear();
        if (d.Draft is not { } draft || d.Content?.Lesson(lessonKey) is null) { NoDraft = d.Content is null; return NoDraft ? Page() : NotFound(); }
        var minutes = int.TryParse(Minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
        if (Action == "preview")
        {
            Previewing = true;
            return Page();
        }
        foreach (var (field, message) in CourseEditing.CheckLesson(Title, Markdown, minutes)) ModelState.AddModelError(field, message);
        if (Version != draft.Version)
        {
            ModelState.AddModelError(string.Empty, CourseDraft.ConflictMessage);
            Version = draft.Version;
        }
        if (!ModelState.IsValid) return Page();

        var content = CourseEditing.ReplaceLesson(d.Content, new Domain.Training.Lesson(lessonKey, Title!.Trim(), minutes, Markdown!.Replace("\r\n", "\n", StringComparison.Ordinal)));
        draft.ContentJson = CourseDocument.Serialize(content);
        db.Entry(draft).Property(v => v.Version).OriginalValue = Version;
        audit.Add(null, "CourseVersion", draft.Id, null, reason: $"lesson {lessonKey}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, CourseDraft.ConflictMessage);
            Course = (await CourseDraft.LoadAsync(db, slug, ct))!;
            Version = Course.Draft?.Version ?? 0;
            return Page();
        }
        TempData["Success"] = $"Lesson ‘{Title!.Trim()}’ saved in the draft";
        return Redirect(d.Href());
    }
}
