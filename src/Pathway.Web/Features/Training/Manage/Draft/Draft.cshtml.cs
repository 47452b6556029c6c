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

namespace Pathway.Web.Features.Training.Manage.Draft;

/// <summary>
/// A course's draft version: its lessons and questions to edit (<see cref="ChangeCourseDraft"/>), and publishing
/// (<see cref="PublishCourseDraft"/>).
/// </summary>
[Authorize(Policy = Policies.TrainingCoordinator)]
[Audited(AuditActions.Training.CoursePublish)]
public sealed class DraftModel(PathwayDbContext db, PublishCourseDraft publish, ChangeCourseDraft change) : PageModel
{
    [BindProperty] public int Version { get; set; }
    public CourseDraft Course { get; private set; } = null!;
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await CourseDraft.LoadAsync(db, slug, ct) is not { } d) return NotFound();
        Course = d;
        Version = d.Draft?.Version ?? 0;
        if (d.Content is not null) Problems = CourseEditing.PublishProblems(d.Content);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(string slug, CancellationToken ct) =>
        await this.PresentAsync(await publish.HandleAsync(slug, Version, User.ToStaffContext().UserId, ct), published =>
        {
            TempData["Success"] = $"Version {published.Number} published. New learners get it; learners part-way through keep their version.";
            return Redirect("/training/manage");
        }, () => ReloadAsync(slug, ct), prefix: "", conflict: _ => ModelState.AddModelError(string.Empty, CourseDraft.ConflictMessage));

    public Task<IActionResult> OnPostAddLessonAsync(string slug, string moduleKey, CancellationToken ct) =>
        ApplyAsync(slug, c =>
        {
            if (c.Module(moduleKey) is null) return CourseStructure.Edit.Refused("That module is not in the draft");
            var (content, key) = CourseEditing.AddLesson(c, moduleKey);
            return new(content, null, key);
        }, key => $"added lesson {key}", (d, key) => d.Href($"/lessons/{key}"), ct);

    public Task<IActionResult> OnPostAddModuleAsync(string slug, CancellationToken ct) =>
        ApplyAsync(slug, CourseStructure.AddModule, key => $"added module {key}", (d, key) => d.Href($"/modules/{key}"), ct);

    public Task<IActionResult> OnPostRemoveModuleAsync(string slug, string moduleKey, CancellationToken ct) =>
        ApplyAsync(slug, c => CourseStructure.RemoveModule(c, moduleKey), _ => $"removed module {moduleKey}", Back("Module removed from the draft"), ct);

    public Task<IActionResult> OnPostMoveModuleAsync(string slug, string moduleKey, int by, CancellationToken ct) =>
        ApplyAsync(slug, c => CourseStructure.MoveModule(c, moduleKey, Math.Sign(by)), _ => $"moved module {moduleKey}", Back("Module moved"), ct);

    public Task<IActionResult> OnPostRemoveLessonAsync(string slug, string lessonKey, CancellationToken ct) =>
        ApplyAsync(slug, c => CourseStructure.RemoveLesson(c, lessonKey), _ => $"removed lesson {lessonKey}", Back("Lesson removed from the draft"), ct);

    public Task<IActionResult> OnPostMoveLessonAsync(string slug, string lessonKey, int by, CancellationToken ct) =>
        ApplyAsync(slug, c => CourseStructure.MoveLesson(c, lessonKey, Math.Sign(by)), _ => $"moved lesson {lessonKey}", Back("Lesson moved"), ct);

    /// <summary>A blank question in a module's knowledge check, or in the knowledge test when no module is named.</summary>
    public Task<IActionResult> OnPostAddQuestionAsync(string slug, string? moduleKey, CancellationToken ct) =>
        ApplyAsync(slug, c => CourseStructure.AddQuestion(c, string.IsNullOrEmpty(moduleKey) ? null : moduleKey), key => $"added question {key}",
            (d, key) => d.Href($"/questions/{key}"), ct);

    public Task<IActionResult> OnPostRemoveQuestionAsync(string slug, string questionKey, CancellationToken ct) =>
        ApplyAsync(slug, c => CourseStructure.RemoveQuestion(c, questionKey), _ => $"removed question {questionKey}", Back("Question removed from the draft"), ct);

    private Func<CourseDraft, string?, string> Back(string success) => (d, _) =>
    {
        TempData["Success"] = success;
        return d.Href();
    };

    /// <summary>One edit to the draft (<see cref="ChangeCourseDraft"/>): refused with its reason, refused as stale when the draft moved on, or saved.</summary>
    private async Task<IActionResult> ApplyAsync(string slug, Func<CourseContent, CourseStructure.Edit> edit, Func<string?, string> reason,
        Func<CourseDraft, string?, string> next, CancellationToken ct) =>
        await this.PresentAsync(await change.HandleAsync(slug, Version, edit, reason, ct), changed => Redirect(next(changed.Draft, changed.NewKey)),
            () => ReloadAsync(slug, ct), prefix: "", conflict: _ => ModelState.AddModelError(string.Empty, CourseDraft.ConflictMessage));

    /// <summary>A refused change shows the draft as it now stands, its problems, and carries its current version.</summary>
    private async Task ReloadAsync(string slug, CancellationToken ct)
    {
        Course = (await CourseDraft.LoadAsync(db, slug, ct))!;
        Version = Course.Draft?.Version ?? 0;
        if (Course.Content is not null) Problems = CourseEditing.PublishProblems(Course.Content);
    }
}
