using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Tasks;

namespace Pathway.Web.Features.BreakGlass;

/// <summary>
/// Uses of emergency access not yet reviewed, for any clinical lead (who reviews them at <c>/break-glass/review</c>). The
/// case is named only when the clinical lead may read it anyway; the review page itself says which case it was.
/// </summary>
public sealed class BreakGlassTasks(PathwayDbContext db) : ITaskSource
{
    public async Task<IReadOnlyList<WorkItem>> FindAsync(TaskScope s, CancellationToken ct)
    {
        // Oversight of colleagues' emergency access: only ever the clinical lead's to see, as the access log is.
        if (!s.Who.IsIn(StaffRole.ClinicalLead)) return [];
        var anyone = s.Anyone;
        var visible = s.Visible;
        var grants = await db.BreakGlassGrants.AsNoTracking().Where(g => g.ReviewedAt == null && (!anyone || visible.Any(c => c.Id == g.CaseId)))
            .OrderBy(g => g.GrantedAt).Take(200)
            .Select(g => new { g.Id, g.CaseId, g.GrantedAt, By = db.Users.Where(u => u.Id == g.UserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        var caseIds = grants.Select(g => g.CaseId).Distinct().ToList();
        var cases = caseIds.Count == 0 ? [] : await s.Visible.Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.GivenName, c.FamilyName, c.Crn }).ToDictionaryAsync(c => c.Id, ct);
        return grants.Select(g => new WorkItem(TaskKind.BreakGlassReview, g.Id.ToString(), $"Review the emergency access used by {g.By ?? "a member of staff"}",
            "/break-glass/review", cases.TryGetValue(g.CaseId, out var c) ? TaskRows.Case(c.Id, c.GivenName, c.FamilyName, c.Crn) : null,
            null, StaffRole.ClinicalLead, TaskRows.Day(g.GrantedAt), null, false)).ToList();
    }
}
