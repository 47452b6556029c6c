using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Disclosure;
using Pathway.Web.Features.Compliance.Recall.Overview;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Compliance.Recall.Service;

/// <summary>
/// Recall across the whole service for those who hold no case data: per team, the cases considering recall now, and over
/// the last 12 months the decisions by outcome, alternatives used and recalls by reason. Counts only; any count under
/// five, and any count that would reveal one, is hidden (<see cref="SmallCellSuppression"/>). Nobody is named.
/// </summary>
[Authorize(Policy = Policies.RecallServiceReader)]
[Audited(AuditActions.Recall.ServiceRead)]
public sealed class RecallServiceModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public SuppressedTable Open { get; private set; } = null!;
    public SuppressedTable Decisions { get; private set; } = null!;
    public SuppressedTable Alternatives { get; private set; } = null!;
    public SuppressedTable RecallReasons { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var figures = await RecallFigures.CountAsync(db, db.Cases, clock.GetUtcNow().AddYears(-1), ct);
        var teams = figures.Teams;
        Open = RecallFigures.Suppress(figures.Open, teams, [RecallFigures.OpenKey]);
        Decisions = RecallFigures.Suppress(figures.Decisions, teams, RecallFigures.DecisionColumns);
        Alternatives = RecallFigures.Suppress(figures.Alternatives, teams, RecallFigures.AlternativeColumns);
        RecallReasons = RecallFigures.Suppress(figures.RecallReasons, teams, RecallFigures.ReasonColumns);
        await audit.ReadAsync("RecallService", null, null, ct);
    }
}
