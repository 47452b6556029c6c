using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Manage;

/// <summary>
/// What the small draft-editing pages share: the draft loaded by course slug, the version the form was shown at, and
/// one way to present a handler's save (a stale version is refused, never silently overwritten).
/// </summary>
public abstract class DraftPage(PathwayDbContext db, ChangeCourseDraft change) : PageModel
{
    [BindProperty] public int Version { get; set; }
    public CourseDraft Course { get; private set; } = null!;
    /// <summary>The course has no draft: the page says how to start one.</summary>
    public bool NoDraft { get; private set; }

    /// <summary>Loads the draft; null with <see cref="NoDraft"/> false means the course does not exist.</summary>
    protected async Task<CourseContent?> LoadDraftAsync(string slug, CancellationToken ct)
    {
        if (await CourseDraft.LoadAsync(db, slug, ct) is not { } d) return null;
        Course = d;
        NoDraft = d.Content is null;
        if (!NoDraft && Request.Method == "GET") Version = d.Draft!.Version;
        return d.Content;
    }

    protected IActionResult Missing() => Course is not null && NoDraft ? Page() : NotFound();

    /// <summary>
    /// Presents a form's save: done goes to <paramref name="next"/> with <paramref name="success"/>; field errors keep
    /// the version the form was shown at; a conflict shows the draft as it now stands and carries its version.
    /// </summary>
    protected Task<IActionResult> PresentSaveAsync(string slug, Outcome<CourseDraft> outcome, string success, string next, CancellationToken ct) =>
        this.PresentAsync(outcome, _ =>
        {
            TempData["Success"] = success;
            return Redirect(next);
        }, () => LoadDraftAsync(slug, ct), prefix: "", conflict: ShowConflict);

    /// <summary>A one-button edit (add, move, remove) from a list (<see cref="ChangeCourseDraft"/>): refused with its reason, or saved and back to <paramref name="next"/>.</summary>
    protected async Task<IActionResult> ApplyAsync(string slug, Func<CourseContent, CourseStructure.Edit> edit, Func<string?, string> reason, string success,
        Func<string?, string> next, CancellationToken ct)
    {
        if (await LoadDraftAsync(slug, ct) is null) return NotFound();
        return await this.PresentAsync(await change.HandleAsync(slug, Version, edit, reason, ct), changed =>
        {
            TempData["Success"] = success;
            return Redirect(next(changed.NewKey));
        }, async () =>
        {
            await LoadDraftAsync(slug, ct);
            Version = Course.Draft?.Version ?? 0;
        }, prefix: "", conflict: changed => ShowConflict(changed.Draft));
    }

    private void ShowConflict(CourseDraft current)
    {
        Course = current;
        Version = current.Draft?.Version ?? 0;
        ModelState.AddModelError(string.Empty, CourseDraft.ConflictMessage);
    }
}
