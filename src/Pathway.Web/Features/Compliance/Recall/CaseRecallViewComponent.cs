using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Compliance;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Compliance.Recall;

/// <summary>
/// The recall part of a case's Compliance tab: its recall considerations and, for the supervising officer, the way in
/// to consider recall — shown under the early-warning signal that prompts it. Only rendered by a page that has already
/// checked read access to the case.
/// </summary>
public sealed class CaseRecallViewComponent(PathwayDbContext db) : ViewComponent
{
    public sealed record Model(Guid CaseId, IReadOnlyList<RecallConsideration> Considerations, bool CanStart, bool SignalActive);

    public async Task<IViewComponentResult> InvokeAsync(Guid caseId, bool signalActive)
    {
        var rows = await db.RecallConsiderations.AsNoTracking().Where(r => r.CaseId == caseId).OrderByDescending(r => r.CreatedAt).Take(20).ToListAsync();
        var canStart = UserClaimsPrincipal.ToStaffContext().Roles.Overlaps(ComplianceRoles.ProbationRecorders);
        return View("/Features/Compliance/Recall/_CaseRecall.cshtml", new Model(caseId, rows, canStart, signalActive));
    }
}
