using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Auditing;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Assessments.List;

/// <summary>The case's assessments (every version, grouped by assessment) and its OGRS3 calculations.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Assessment.List)]
[CaseScoped(AccessNeed.Read, EntityType = "AssessmentList")]
public sealed class ListModel(CurrentCase current, PathwayDbContext db) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.Assessments);
    public IReadOnlyList<IGrouping<Guid, Assessment>> Series { get; private set; } = [];
    public IReadOnlyList<Ogrs3Score> Scores { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public bool CanScore { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = current.Context.Id;
        CanScore = current.Context.Can.Edit;
        CanWrite = CanScore && AssessmentRoles.IsAssessor(current.Context.Who);
        var rows = await db.Assessments.AsNoTracking().Include(a => a.Author).Where(a => a.CaseId == id).ToListAsync(ct);
        Series = rows.OrderByDescending(a => a.CreatedAt).GroupBy(a => a.SeriesId).ToList();
        Scores = (await db.Ogrs3Scores.AsNoTracking().Where(s => s.CaseId == id).ToListAsync(ct)).OrderByDescending(s => s.CalculatedAt).ToList();
    }
}
