using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.CarePlans;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Incidents.List;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.CarePlans.Review;

/// <summary>
/// Prepares a review: the incidents and chain analyses since the plan was last made active, with the functions and
/// triggers they point to, so the next version can be written from them.
/// </summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited(AuditActions.CarePlan.ReviewRead)]
[CaseScoped(AccessNeed.Read, EntityType = "CarePlan", EntityRouteValue = "planId")]
public sealed class ReviewModel(CurrentCase current, CarePlanAccess access, PathwayDbContext db) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.CarePlan);
    public CarePlan Plan { get; private set; } = null!;
    public DateTimeOffset Since { get; private set; }
    public IReadOnlyList<Incident> Incidents { get; private set; } = [];
    public IReadOnlyList<ListModel.Bar> Functions { get; private set; } = [];
    public IReadOnlyList<ListModel.Bar> Triggers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        var pc = await access.ViewAsync(current.Context, ct, "CarePlan", planId);
        if (pc is null) return NotFound();
        var plan = await access.FindPlanAsync(db.CarePlans.AsNoTracking(), pc, planId, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        Since = plan.CountersignedAt ?? plan.CreatedAt;
        // Incident times are recorded to the minute: one in the minute the plan became active counts as since then.
        Since = new DateTimeOffset(Since.Ticks - Since.Ticks % TimeSpan.TicksPerMinute, Since.Offset);
        Incidents = (await db.Incidents.AsNoTracking().Include(i => i.ChainAnalysis).ThenInclude(a => a!.Links)
            .Where(i => i.CaseId == pc.Case.Id).ToListAsync(ct)).Where(i => i.OccurredAt >= Since).OrderBy(i => i.OccurredAt).ToList();
        Functions = Incidents.Where(i => i.ChainAnalysis?.CompletedAt is not null && i.ChainAnalysis.FunctionCategory is not null)
            .GroupBy(i => i.ChainAnalysis!.FunctionCategory!.Value)
            .Select(g => new ListModel.Bar(Domain.Incidents.BehaviourFunctions.DisplayName(g.Key), g.Count())).OrderByDescending(b => b.Count).ToList();
        Triggers = Incidents.Where(i => !string.IsNullOrWhiteSpace(i.Trigger))
            .GroupBy(i => i.Trigger!.Trim().ToLowerInvariant()).Select(g => new ListModel.Bar(g.First().Trigger!.Trim(), g.Count()))
            .OrderByDescending(b => b.Count).ToList();
        return Page();
    }
}
