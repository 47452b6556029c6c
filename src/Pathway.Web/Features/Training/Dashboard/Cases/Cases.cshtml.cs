using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.Dashboard.Cases;

/// <summary>
/// For the training coordinator: each case (by CRN only: coordinators do not see case data) with its offender manager
/// and AP keyworker and whether each is trained, cases with someone untrained first, so training can be offered
/// where it reaches practice. Service managers see only the suppressed counts on the dashboard.
/// </summary>
[Authorize(Policy = Policies.TrainingCoordinator)]
[Audited(AuditActions.Training.DashboardCasesRead)]
public sealed class CasesModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(string Crn, string? OffenderManager, PracticeStatus OmStatus, string? Keyworker, PracticeStatus KeyworkerStatus);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public PaginationModel Pager { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var trained = TrainingFigures.Trained(await TrainingFigures.CoverageAsync(db, today, ct));
        var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var cases = await db.Cases.AsNoTracking().Select(c => new { c.Crn, c.OffenderManagerId, c.ApKeyworkerId }).ToListAsync(ct);
        var rows = cases.Select(c => new Row(c.Crn, Name(c.OffenderManagerId), Practice.StatusOf(c.OffenderManagerId, trained),
                Name(c.ApKeyworkerId), Practice.StatusOf(c.ApKeyworkerId, trained)))
            .OrderBy(r => r.OmStatus == PracticeStatus.NotTrained || r.KeyworkerStatus == PracticeStatus.NotTrained ? 0 : 1)
            .ThenBy(r => r.Crn, StringComparer.Ordinal).ToList();
        Total = rows.Count;
        var pages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        Rows = rows.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        Pager = new PaginationModel(page, pages, p => $"/training/dashboard/cases?page={p}");
        await audit.WriteAsync(null, "TrainingDashboard", null, null, reason: $"cases page {page}", ct: ct);

        string? Name(Guid? id) => id is { } x ? names.GetValueOrDefault(x) : null;
    }
}
