using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Cases.Timeline;

namespace Pathway.Web.Features.Referrals;

/// <summary>The day the case was referred to the personality disorder service, linked to its pathway.</summary>
public sealed class ReferralTimelineSource : ITimelineSource
{
    public TimelineKind Kind { get; } = new("referral", "Referral");
    public bool Visible(IReadOnlySet<StaffRole> roles) => true;

    public async Task<IReadOnlyList<TimelineEntry>> LoadAsync(PathwayDbContext db, Guid caseId, DateOnly today, int limit, CancellationToken ct)
    {
        var on = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.ReferredToServiceOn).FirstOrDefaultAsync(ct);
        return on is { } date && date <= today
            ? [new TimelineEntry(date, new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), Kind,
                "Referred to the personality disorder service", null, null, $"/cases/{caseId}/pathway", null)]
            : [];
    }
}
