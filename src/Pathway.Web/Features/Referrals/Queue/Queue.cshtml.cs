using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Referrals;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Referrals.Queue;

/// <summary>
/// The referral queue for the PD service: open referrals on cases the person may see, unallocated first by default,
/// urgent and longest-waiting at the top. Filters and sorting are links and a GET form, so it works without JavaScript.
/// </summary>
[Authorize(Policy = Policies.PdService)]
[Audited(AuditActions.Referral.QueueRead)]
public sealed class QueueModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public QueueView View { get; private set; }
    public ReferralUrgency? Urgency { get; private set; }
    public QueueSort Sort { get; private set; }
    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public PaginationModel Pagination { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(string? view, string? urgency, string? sort, int page = 1, CancellationToken ct = default)
    {
        View = Enum.TryParse<QueueView>(view, true, out var v) && Enum.IsDefined(v) ? v : QueueView.Unallocated;
        Urgency = Enum.TryParse<ReferralUrgency>(urgency, true, out var u) && Enum.IsDefined(u) ? u : null;
        Sort = Enum.TryParse<QueueSort>(sort, true, out var s) && Enum.IsDefined(s) ? s : QueueSort.Priority;
        page = Math.Max(page, 1);
        var visible = await access.VisibleAsync(ct);
        (Rows, Total) = await ReferralQueueQuery.RunAsync(db, visible, User.ToStaffContext().UserId, View, Urgency, Sort, page, ct);
        Now = clock.GetUtcNow();
        Pagination = new PaginationModel(page, Math.Max(1, (Total + ReferralQueueQuery.PageSize - 1) / ReferralQueueQuery.PageSize), p => Href(View, Urgency, Sort, p));
        await audit.ReadAsync("ReferralQueue", null, null, ct);
    }

    public static string Href(QueueView view, ReferralUrgency? urgency, QueueSort sort, int page = 1)
    {
        var q = new List<string> { $"view={view.ToString().ToLowerInvariant()}" };
        if (urgency is { } u) q.Add($"urgency={u.ToString().ToLowerInvariant()}");
        if (sort != QueueSort.Priority) q.Add($"sort={sort.ToString().ToLowerInvariant()}");
        if (page > 1) q.Add($"page={page}");
        return "/referrals?" + string.Join("&", q);
    }
}
