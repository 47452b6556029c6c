using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.CarePlans;
using Pathway.Web.Features.Tasks;

namespace Pathway.Web.Features.CarePlans;

/// <summary>
/// Care-plan work on cases the viewer may read: a signed plan waiting for the offender manager's countersignature
/// (<see cref="CarePlanLifecycle.CanCountersign"/>: not the person who signed), and active plans whose review is due within
/// <see cref="CarePlanReviews.DueSoonDays"/> days or overdue, for the case's psychologist and offender manager (as <see cref="ReviewsDue"/>).
/// </summary>
public sealed class CarePlanTasks(PathwayDbContext db) : ITaskSource
{
    public async Task<IReadOnlyList<WorkItem>> FindAsync(TaskScope s, CancellationToken ct)
    {
        var people = s.People;
        var anyone = s.Anyone;
        var horizon = s.Today.AddDays(CarePlanReviews.DueSoonDays);
        var rows = await (
            from p in db.CarePlans.AsNoTracking()
            join c in s.Visible on p.CaseId equals c.Id
            where (p.Status == CarePlanStatus.AwaitingCountersignature && c.OffenderManagerId != null && (anyone || people.Contains(c.OffenderManagerId.Value)) && p.SignedById != c.OffenderManagerId)
                || (p.Status == CarePlanStatus.Active && p.ReviewDate != null && p.ReviewDate <= horizon
                    && ((c.PsychologistId != null && (anyone || people.Contains(c.PsychologistId.Value))) || (c.OffenderManagerId != null && (anyone || people.Contains(c.OffenderManagerId.Value)))))
            select new { p.Id, p.CaseId, p.Status, p.ReviewDate, p.SignedAt, p.UpdatedAt, c.OffenderManagerId, c.PsychologistId, c.GivenName, c.FamilyName, c.Crn })
            .Take(200).ToListAsync(ct);
        var items = new List<WorkItem>();
        foreach (var x in rows)
        {
            var label = TaskRows.Case(x.CaseId, x.GivenName, x.FamilyName, x.Crn);
            if (x.Status == CarePlanStatus.AwaitingCountersignature)
            {
                items.Add(new(TaskKind.CarePlanToCountersign, x.Id.ToString(), "Countersign the care plan", $"/cases/{x.CaseId}/care-plans/{x.Id}",
                    label, x.OffenderManagerId, null, TaskRows.Day(x.SignedAt ?? x.UpdatedAt), null, false));
                continue;
            }
            var review = x.ReviewDate!.Value;
            foreach (var person in new[] { x.PsychologistId, x.OffenderManagerId }.OfType<Guid>().Distinct().Where(p => s.Has(p)))
                items.Add(new(TaskKind.CarePlanReview, $"{x.Id}:{person}", "Review the care plan", $"/cases/{x.CaseId}/care-plans/{x.Id}/review",
                    label, person, null, review.AddDays(-CarePlanReviews.DueSoonDays), review, CarePlanReviews.State(review, s.Today) == ReviewState.Overdue));
        }
        return items;
    }
}
