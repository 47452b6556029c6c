using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.Manage.Courses;

/// <summary>Courses, their versions and enrolments, for training coordinators; starts a draft of the next version.</summary>
[Authorize(Policy = Policies.TrainingCoordinator)]
[Audited("training.course.draft")]
public sealed class CoursesModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public sealed record VersionRow(int Number, CourseVersionStatus Status, DateTimeOffset? PublishedAt, bool IsCurrent, int Enrolments, int Completed);
    public sealed record CourseRow(string Slug, string Title, int? RefresherMonths, IReadOnlyList<VersionRow> Versions);

    public IReadOnlyList<CourseRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var courses = await db.Courses.AsNoTracking().OrderBy(c => c.Title).ToListAsync(ct);
        var versions = await db.CourseVersions.AsNoTracking()
            .Select(v => new { v.Id, v.CourseId, v.Number, v.Status, v.PublishedAt }).ToListAsync(ct);
        var counts = await db.Enrolments.GroupBy(e => e.CourseVersionId)
            .Select(g => new { Id = g.Key, All = g.Count(), Done = g.Count(e => e.CompletedAt != null) }).ToDictionaryAsync(x => x.Id, ct);
        Rows = courses.Select(c => new CourseRow(c.Slug, c.Title, c.RefresherMonths,
            versions.Where(v => v.CourseId == c.Id).OrderByDescending(v => v.Number)
                .Select(v => new VersionRow(v.Number, v.Status, v.PublishedAt, v.Id == c.CurrentVersionId,
                    counts.TryGetValue(v.Id, out var n) ? n.All : 0, counts.TryGetValue(v.Id, out var m) ? m.Done : 0)).ToList())).ToList();
    }

    /// <summary>Starts a draft as a copy of the current version. Only one draft at a time; a second request opens it.</summary>
    public async Task<IActionResult> OnPostDraftAsync(string slug, CancellationToken ct)
    {
        var d = await CourseDraft.LoadAsync(db, slug, ct);
        if (d is null) return NotFound();
        if (d.Draft is not null) return Redirect(d.Href());
        if (d.Current is null) return NotFound();
        var next = await db.CourseVersions.Where(v => v.CourseId == d.Course.Id).MaxAsync(v => v.Number, ct) + 1;
        var draft = new CourseVersion
        {
            CourseId = d.Course.Id, Number = next, Status = CourseVersionStatus.Draft, ContentJson = d.Current.ContentJson,
            CreatedAt = clock.GetUtcNow(), CreatedById = User.ToStaffContext().UserId,
        };
        db.CourseVersions.Add(draft);
        audit.Add(null, "CourseVersion", draft.Id, null, reason: $"version {next} of {slug}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // someone else started the same draft a moment ago: open theirs
        }
        return Redirect(d.Href());
    }
}
