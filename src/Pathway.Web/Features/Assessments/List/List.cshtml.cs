using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Assessments;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Assessments.List;

/// <summary>The case's assessments (every version, grouped by assessment) and its OGRS3 calculations.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited("assessment.list")]
public sealed class ListModel(CaseAccess access, PathwayDbContext db) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public IReadOnlyList<IGrouping<Guid, Assessment>> Series { get; private set; } = [];
    public IReadOnlyList<Ogrs3Score> Scores { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public bool CanScore { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "AssessmentList");
        if (c is null) return NotFound();
        var who = User.ToStaffContext();
        Header = new CaseHeader(c, CaseTab.Assessments, CaseAccessRules.CanViewAccessLog(who));
        CanScore = await access.CanEditAsync(c, ct);
        CanWrite = CanScore && AssessmentRoles.IsAssessor(who);
        var rows = await db.Assessments.AsNoTracking().Include(a => a.Author).Where(a => a.CaseId == id).ToListAsync(ct);
        Series = rows.OrderByDescending(a => a.CreatedAt).GroupBy(a => a.SeriesId).ToList();
        Scores = (await db.Ogrs3Scores.AsNoTracking().Where(s => s.CaseId == id).ToListAsync(ct)).OrderByDescending(s => s.CalculatedAt).ToList();
        return Page();
    }
}
