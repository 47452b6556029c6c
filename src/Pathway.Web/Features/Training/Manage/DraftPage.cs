using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.Training.Manage;

/// <summary>
/// What the small draft-editing pages share: the draft loaded by course slug, the version the form was shown at, and
/// one save that refuses a stale version (no silent overwrite) and stages its audit row in the same transaction.
/// </summary>
public abstract class DraftPage(PathwayDbContext db, AuditLog audit) : PageModel
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

    /// <summary>Saves <paramref name="content"/> if the draft is still at the posted version; otherwise shows the conflict.</summary>
    protected async Task<IActionResult> SaveAsync(string slug, CourseContent content, string reason, string success, string next, CancellationToken ct)
    {
        if (Version != Course.Draft!.Version || !await Course.TrySaveAsync(db, audit, Version, content, reason, ct))
        {
            Course = (await CourseDraft.LoadAsync(db, slug, ct))!;
            Version = Course.Draft?.Version ?? 0;
            ModelState.AddModelError(string.Empty, CourseDraft.ConflictMessage);
            return Page();
        }
        TempData["Success"] = success;
        return Redirect(next);
    }

    /// <summary>A one-button edit (add, move, remove) from a list: refused with its reason, or saved and back to <paramref name="next"/>.</summary>
    protected async Task<IActionResult> ApplyAsync(string slug, Func<CourseContent, CourseStructure.Edit> edit, Func<string?, string> reason, string success,
        Func<string?, string> next, CancellationToken ct)
    {
        if (await LoadDraftAsync(slug, ct) is not { } content) return NotFound();
        var result = edit(content);
        if (result.Error is { } why)
        {
            ModelState.AddModelError(string.Empty, why);
            Version = Course.Draft!.Version;
            return Page();
        }
        return await SaveAsync(slug, result.Content!, reason(result.NewKey), success, next(result.NewKey), ct);
    }

    protected void AddErrors(IReadOnlyDictionary<string, string> problems)
    {
        foreach (var (field, message) in problems) ModelState.AddModelError(field, message);
    }
}
