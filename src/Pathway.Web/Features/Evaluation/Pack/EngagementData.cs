using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Compliance;
using Pathway.Domain.Evaluation;
using Pathway.Domain.Signposting;

namespace Pathway.Web.Features.Evaluation.Pack;

/// <summary>
/// Reads the contacts and signposting referrals of the cases in an outcome report (dated on or after
/// <paramref name="from"/>) and measures engagement per group with <see cref="Engagement.Measure"/>, for the evaluation
/// page and the pack. <paramref name="caseIds"/> is a query (<see cref="OutcomeData.CaseIds"/>), not a list of ids.
/// </summary>
public static class EngagementData
{
    public static async Task<IReadOnlyList<EngagementMeasures>> MeasureAsync(PathwayDbContext db, OutcomeReport report, IQueryable<Guid> caseIds, DateOnly from, CancellationToken ct)
    {
        var contacts = (await db.Contacts.AsNoTracking().Where(c => caseIds.Contains(c.CaseId) && c.Date >= from)
            .Select(c => new { c.CaseId, c.Date, c.Outcome }).ToListAsync(ct)).ToLookup(c => c.CaseId, c => new ContactFact(c.Date, c.Outcome));
        var signposting = (await db.SignpostingReferrals.AsNoTracking().Where(r => caseIds.Contains(r.CaseId) && r.ReferredOn != null && r.ReferredOn >= from)
            .Select(r => new { r.CaseId, r.Need, r.ServiceId, r.Status, r.ReferredOn, r.FirstAttendedOn }).ToListAsync(ct))
            .ToLookup(r => r.CaseId, r => new SignpostingReferralFacts(r.Need, r.ServiceId, r.Status, r.ReferredOn, r.FirstAttendedOn));
        return Engagement.Measure(report, contacts, signposting);
    }
}
