using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Referrals;

namespace Pathway.Web.Features.Referrals;

/// <summary>Which open referrals the queue shows.</summary>
public enum QueueView
{
    Unallocated,
    Mine,
    Allocated,
    All,
}

public enum QueueSort
{
    /// <summary>Urgent first, then the longest waiting: the order a clinical lead allocates in.</summary>
    Priority,
    Oldest,
    Newest,
}

public sealed record QueueRow(
    Guid ReferralId, Guid CaseId, string Crn, string Name, ReferralUrgency Urgency, PathwayStage Stage, DateTimeOffset ReferredAt,
    string? ReferredBy, string? TeamName, Guid? AllocatedToId, string? AllocatedTo, int Version);

/// <summary>Open referrals on cases the person may see, filtered and ordered for the queue (page and API).</summary>
public static class ReferralQueueQuery
{
    public const int PageSize = 25;

    public static async Task<(IReadOnlyList<QueueRow> Rows, int Total)> RunAsync(
        PathwayDbContext db, IQueryable<CaseRecord> visible, Guid me, QueueView view, ReferralUrgency? urgency, QueueSort sort, int page, CancellationToken ct)
    {
        var q = db.Referrals.AsNoTracking().Where(r => r.EndedAt == null && visible.Any(c => c.Id == r.CaseId));
        q = view switch
        {
            QueueView.Unallocated => q.Where(r => r.AllocatedPsychologistId == null),
            QueueView.Mine => q.Where(r => r.AllocatedPsychologistId == me),
            QueueView.Allocated => q.Where(r => r.AllocatedPsychologistId != null),
            _ => q,
        };
        if (urgency is { } u) q = q.Where(r => r.Urgency == u);
        var total = await q.CountAsync(ct);
        // Urgency is stored as text, so order by an explicit rank rather than by the column.
        q = sort switch
        {
            QueueSort.Oldest => q.OrderBy(r => r.ReferredAt),
            QueueSort.Newest => q.OrderByDescending(r => r.ReferredAt),
            _ => q.OrderBy(r => r.Urgency == ReferralUrgency.Urgent ? 0 : r.Urgency == ReferralUrgency.Soon ? 1 : 2).ThenBy(r => r.ReferredAt),
        };
        var rows = await q.Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize)
            .Select(r => new QueueRow(
                r.Id, r.CaseId, r.Case!.Crn, r.Case.FamilyName + ", " + r.Case.GivenName, r.Urgency, r.Stage, r.ReferredAt,
                r.ReferredBy!.DisplayName, r.Case.Team!.Name, r.AllocatedPsychologistId,
                r.AllocatedPsychologist == null ? null : r.AllocatedPsychologist.DisplayName, r.Version))
            .ToListAsync(ct);
        return (rows, total);
    }
}
