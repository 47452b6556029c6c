using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Cases.AccessLog;

/// <summary>"Who looked at this case": the clinical lead's view of the audit trail for one case.</summary>
[Authorize(Policy = Policies.ClinicalLead)]
[Audited(AuditActions.Case.AccessLogRead)]
[CaseScoped(AccessNeed.Read, EntityType = "CaseAccessLog", EntityRouteValue = "id")]
public sealed class AccessLogModel(CurrentCase current, PathwayDbContext db) : PageModel
{
    public sealed record Row(long Sequence, DateTimeOffset At, string Who, string? Role, string Action, AuditOutcome Outcome, string? Reason);

    public CaseHeader Header { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public const int PageSize = 50;

    public PaginationModel Pager => new(PageNumber, Math.Max(1, (Total + PageSize - 1) / PageSize), p => $"/cases/{Header.Case.Id}/access-log?page={p}");

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        PageNumber = Math.Max(1, page ?? 1);
        var id = current.Context.Id;
        Header = current.Context.Header(CaseTab.AccessLog) with { ShowAccessLog = true };
        var q = db.AuditEvents.AsNoTracking().Where(a => a.CaseId == id);
        Total = await q.CountAsync(ct);
        Rows = await q.OrderByDescending(a => a.Sequence).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new Row(a.Sequence, a.OccurredAt,
                a.UserId == null ? "System" : db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? "Unknown user",
                a.Role, a.Action, a.Outcome, a.Reason))
            .ToListAsync(ct);
    }
}
