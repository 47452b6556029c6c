using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.CarePlans;

namespace Pathway.Web.Features.CarePlans;

/// <summary>Active plans whose review is due within 14 days or overdue, on cases the person is responsible for.</summary>
public static class ReviewsDue
{
    public sealed record Entry(Guid CaseId, Guid PlanId, string Name, string Crn, DateOnly ReviewDate, ReviewState State);

    public static async Task<IReadOnlyList<Entry>> ForAsync(IQueryable<CaseRecord> visible, IQueryable<CarePlan> plans, Guid userId, DateOnly today, CancellationToken ct)
    {
        var horizon = today.AddDays(CarePlanReviews.DueSoonDays);
        var rows = await (
            from p in plans
            join c in visible on p.CaseId equals c.Id
            where p.Status == CarePlanStatus.Active && p.ReviewDate != null && p.ReviewDate <= horizon
                && (c.PsychologistId == userId || c.OffenderManagerId == userId)
            orderby p.ReviewDate
            select new { c.Id, PlanId = p.Id, c.GivenName, c.FamilyName, c.Crn, p.ReviewDate })
            .Take(50).ToListAsync(ct);
        return rows.Select(r => new Entry(r.Id, r.PlanId, $"{r.GivenName} {r.FamilyName}", r.Crn, r.ReviewDate!.Value, CarePlanReviews.State(r.ReviewDate.Value, today))).ToList();
    }
}
