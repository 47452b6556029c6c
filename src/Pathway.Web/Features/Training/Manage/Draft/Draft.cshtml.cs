using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Training;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.Manage.Draft;

/// <summary>
/// A course's draft version: its lessons and questions to edit, and publishing. Publishing freezes the draft and makes it
/// current for new enrolments only; anyone already enrolled stays on the version they started.
/// </summary>
[Authorize(Policy = Policies.TrainingCoordinator)]
[Audited("training.course.publish")]
public sealed class DraftModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
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

    public async Task<IActionResult> OnPostPublishAsync(string slug, CancellationToken ct)
    {
        if (await CourseDraft.LoadAsync(db, slug, ct) is not { } d) return NotFound();
        Course = d;
        if (d.Draft is not { } draft || d.Content is not { } content)
        {
            ModelState.AddModelError(string.Empty, "There is no draft to publish");
            return Page();
        }
        Problems = CourseEditing.PublishProblems(content);
        if (Version != draft.Version) ModelState.AddModelError(string.Empty, CourseDraft.ConflictMessage);
        foreach (var p in Problems) ModelState.AddModelError(string.Empty, p);
        if (!ModelState.IsValid)
        {
            Version = draft.Version;
            return Page();
        }
        var now = clock.GetUtcNow();
        draft.Status = CourseVersionStatus.Published;
        draft.PublishedAt = now;
        draft.PublishedById = User.ToStaffContext().UserId;
        db.Entry(draft).Property(v => v.Version).OriginalValue = Version;
        d.Course.CurrentVersionId = draft.Id;
        d.Course.Title = content.Title;
        audit.Add(null, "CourseVersion", draft.Id, null, reason: $"version {draft.Number} of {slug}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            Course = (await CourseDraft.LoadAsync(db, slug, ct))!;
            Version = Course.Draft?.Version ?? 0;
            ModelState.AddModelError(string.Empty, CourseDraft.ConflictMessage);
            return Page();
        }
        TempData["Success"] = $"Version {draft.Number} published. New learners get it; learners part-way through keep their version.";
        return Redirect("/training/manage");
    }

    public async Task<IActionResult> OnPostAddLessonAsync(string slug, string moduleKey, CancellationToken ct)
    {
        if (await CourseDraft.LoadAsync(db, slug, ct) is not { } d) return NotFound();
        Course = d;
        if (d.Draft is not { } draft || d.Content?.Module(moduleKey) is null) return NotFound();
        if (Version != draft.Version)
        {
            ModelState.AddModelError(string.Empty, CourseDraft.ConflictMessage);
            Version = draft.Version;
            Problems = CourseEditing.PublishProblems(d.Content);
            return Page();
        }
        var (content, key) = CourseEditing.AddLesson(d.Content, moduleKey);
        draft.ContentJson = CourseDocument.Serialize(content);
        db.Entry(draft).Property(v => v.Version).OriginalValue = Version;
        audit.Add("training.course.edit", "CourseVersion", draft.Id, null, reason: $"added lesson {key}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Redirect(d.Href());
        }
        return Redirect(d.Href($"/lessons/{key}"));
    }
}
