using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Recall;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Compliance.Recall.Overview;

/// <summary>
/// Recall across the cases a person can see, per team: cases being considered now, decisions by outcome, alternatives
/// used and recalls by reason over the last 12 months. Counts are grouped in SQL; only the open list names people.
/// </summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Recall.OverviewRead)]
public sealed class RecallOverviewModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public const int OpenLimit = 200;
    public sealed record OpenRow(Guid CaseId, Guid ConsiderationId, string Name, string Crn, string Team, RecallConsiderationStatus Status, DateTimeOffset Started);

    public IReadOnlyList<OpenRow> Open { get; private set; } = [];
    public int OpenTotal { get; private set; }
    public IReadOnlyList<RecallCount> Decisions { get; private set; } = [];
    public IReadOnlyList<RecallCount> Alternatives { get; private set; } = [];
    public IReadOnlyList<RecallCount> RecallReasons { get; private set; } = [];
    public IReadOnlyList<string> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var visible = await access.VisibleAsync(ct);
        var since = clock.GetUtcNow().AddYears(-1);
        var considerations = db.RecallConsiderations.AsNoTracking().Join(visible, r => r.CaseId, c => c.Id, (r, c) => new { R = r, C = c });
        var open = considerations.Where(x => x.R.Status != RecallConsiderationStatus.Decided);
        OpenTotal = await open.CountAsync(ct);
        Open = (await open.OrderBy(x => x.R.CreatedAt).Take(OpenLimit)
                .Select(x => new { x.C.Id, Rid = x.R.Id, x.C.FamilyName, x.C.GivenName, x.C.Crn, Team = x.C.Team!.Name, x.R.Status, x.R.CreatedAt }).ToListAsync(ct))
            .Select(x => new OpenRow(x.Id, x.Rid, $"{x.FamilyName}, {x.GivenName}", x.Crn, x.Team, x.Status, x.CreatedAt)).ToList();

        var figures = await RecallFigures.CountAsync(db, visible, since, ct);
        Decisions = figures.Decisions;
        Alternatives = figures.Alternatives;
        RecallReasons = figures.RecallReasons;
        Teams = figures.Teams.Concat(Open.Select(o => o.Team)).Distinct().Order(StringComparer.Ordinal).ToList();
        await audit.ReadAsync("RecallOverview", null, null, ct);
    }
}
