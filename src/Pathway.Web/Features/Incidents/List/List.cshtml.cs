using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.Incidents;
using Pathway.Domain.Staff;
using Pathway.Web.Features.CarePlans;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Incidents.List;

/// <summary>A case's incidents, newest first, and their patterns: by type, by function, and the triggers that recur.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Incident.List)]
[CaseScoped(AccessNeed.Read, EntityType = "IncidentList")]
public sealed class ListModel(CurrentCase current, CarePlanAccess access, PathwayDbContext db) : PageModel
{
    public sealed record Bar(string Label, int Count);

    public static IReadOnlyList<Shared.ChartBar> Chart(IReadOnlyList<Bar> bars) =>
        bars.Select(b => new Shared.ChartBar(b.Label, b.Count, b.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    public CaseHeader Header => current.Context.Header(CaseTab.Incidents);
    public IReadOnlyList<Incident> Incidents { get; private set; } = [];
    public IReadOnlyList<Bar> ByType { get; private set; } = [];
    public IReadOnlyList<Bar> ByFunction { get; private set; } = [];
    public IReadOnlyList<Bar> ByQuarter { get; private set; } = [];
    public IReadOnlyList<Bar> RecurringTriggers { get; private set; } = [];
    public bool CanRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await access.ViewAsync(current.Context, ct, "IncidentList") is not { } pc) return NotFound();
        Incidents = await db.Incidents.AsNoTracking().Include(i => i.ChainAnalysis).Where(i => i.CaseId == pc.Case.Id)
            .OrderByDescending(i => i.OccurredAt).ToListAsync(ct);
        ByType = Incidents.GroupBy(i => i.Type).OrderBy(g => g.Key).Select(g => new Bar(IncidentTypes.DisplayName(g.Key), g.Count())).ToList();
        ByFunction = Incidents.Where(i => i.ChainAnalysis?.CompletedAt is not null && i.ChainAnalysis.FunctionCategory is not null)
            .GroupBy(i => i.ChainAnalysis!.FunctionCategory!.Value).OrderBy(g => g.Key)
            .Select(g => new Bar(BehaviourFunctions.DisplayName(g.Key), g.Count())).ToList();
        ByQuarter = Incidents.GroupBy(i => (i.OccurredAt.Year, Q: (i.OccurredAt.Month - 1) / 3 + 1)).OrderBy(g => g.Key)
            .Select(g => new Bar($"{g.Key.Year} Q{g.Key.Q}", g.Count())).ToList();
        RecurringTriggers = Triggers(Incidents);
        CanRecord = User.ToStaffContext().IsInAny(RoleSets.IncidentRecorders);
        return Page();
    }

    /// <summary>Triggers named on more than one incident (case and spacing ignored), commonest first.</summary>
    public static IReadOnlyList<Bar> Triggers(IEnumerable<Incident> incidents) =>
        incidents.Where(i => !string.IsNullOrWhiteSpace(i.Trigger))
            .GroupBy(i => string.Join(' ', i.Trigger!.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Where(g => g.Count() > 1).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => new Bar(g.First().Trigger!.Trim(), g.Count())).ToList();
}
