using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Manage.Courses;

/// <summary>Courses, their versions and enrolments, for training coordinators; starts a draft of the next version.</summary>
[Authorize(Policy = Policies.TrainingCoordinator)]
[Audited(AuditActions.Training.CourseCreate)]
public sealed class CoursesModel(PathwayDbContext db, StartCourseDraft start) : PageModel
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

    /// <summary>Starts a draft as a copy of the current version (<see cref="StartCourseDraft"/>), or opens the one there is.</summary>
    public async Task<IActionResult> OnPostDraftAsync(string slug, CancellationToken ct) =>
        await this.PresentAsync(await start.HandleAsync(slug, User.ToStaffContext().UserId, ct), d => Redirect(d.Href()), prefix: "");
}
