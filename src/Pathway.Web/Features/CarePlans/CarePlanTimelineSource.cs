using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Cases.Timeline;

namespace Pathway.Web.Features.CarePlans;

/// <summary>Care plan versions made active by the clinical lead's countersignature: seen by the roles that see care plans.</summary>
public sealed class CarePlanTimelineSource : ITimelineSource
{
    public TimelineKind Kind { get; } = new("care-plan", "Care plans");
    public bool Visible(IReadOnlySet<StaffRole> roles) => CarePlanSections.ViewFor(roles) != CarePlanView.None;

    public async Task<IReadOnlyList<TimelineEntry>> LoadAsync(PathwayDbContext db, Guid caseId, DateOnly today, int limit, CancellationToken ct)
    {
        var plans = await db.CarePlans.AsNoTracking().Where(p => p.CaseId == caseId && p.CountersignedAt != null)
            .OrderByDescending(p => p.CountersignedAt).Take(limit)
            .Select(p => new { p.Id, p.Number, p.CountersignedAt, p.CountersignedById }).ToListAsync(ct);
        return plans.Select(p => new TimelineEntry(DateOnly.FromDateTime(p.CountersignedAt!.Value.UtcDateTime), p.CountersignedAt.Value, Kind,
            $"Care plan version {p.Number} made active", null, null, $"/cases/{caseId}/care-plans/{p.Id}", p.CountersignedById)).ToList();
    }
}
