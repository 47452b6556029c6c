using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Training;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Manage.EditLesson;

/// <summary>Edits a lesson of a draft (<see cref="EditDraftLesson"/>). "Preview" renders the Markdown without saving (no JavaScript needed).</summary>
[Authorize(Policy = Policies.TrainingCoordinator)]
[Audited(AuditActions.Training.CourseUpdate)]
public sealed class EditLessonModel(PathwayDbContext db, EditDraftLesson edit) : PageModel
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
        if (d.Draft is null || d.Content?.Lesson(lessonKey) is null) { NoDraft = d.Content is null; return NoDraft ? Page() : NotFound(); }
        if (Action == "preview")
        {
            Previewing = true;
            return Page();
        }
        var outcome = await edit.HandleAsync(slug, lessonKey, Version, new LessonText(Title, Minutes, Markdown), ct);
        return await this.PresentAsync(outcome, saved =>
        {
            TempData["Success"] = $"Lesson ‘{Title!.Trim()}’ saved in the draft";
            return Redirect(saved.Href());
        }, () => ReloadAsync(slug, ct), prefix: "", conflict: _ => ModelState.AddModelError(string.Empty, CourseDraft.ConflictMessage));
    }

    /// <summary>A refused form shows the draft as it now stands and carries its current version.</summary>
    private async Task ReloadAsync(string slug, CancellationToken ct)
    {
        Course = (await CourseDraft.LoadAsync(db, slug, ct))!;
        Version = Course.Draft?.Version ?? 0;
    }
}
