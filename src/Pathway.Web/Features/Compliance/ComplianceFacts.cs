using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Compliance;

namespace Pathway.Web.Features.Compliance;

/// <summary>
/// Loads what the compliance figures and early-warning rules look at, for one case or a batch of cases, in one query per
/// kind of fact (never one per case), limited to the period the widest window or rule can see.
/// </summary>
public static class ComplianceFacts
{
    public static async Task<IReadOnlyDictionary<Guid, CaseSignalFacts>> LoadAsync(
        PathwayDbContext db, IReadOnlyCollection<Guid> caseIds, DateOnly from, DateOnly today, CancellationToken ct)
    {
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => caseIds.Contains(c.CaseId) && c.Date >= from && c.Date <= today)
            .Select(c => new { c.CaseId, c.Date, c.Outcome })
            .ToListAsync(ct);
        var concerns = await db.BehavioursOfConcern.AsNoTracking()
            .Where(c => caseIds.Contains(c.CaseId) && c.Date >= from && c.Date <= today)
            .Select(c => new { c.CaseId, c.Date, c.Type, c.MatchedEarlyWarningSign, c.CarePlanId })
            .ToListAsync(ct);
        var warnings = await db.WarningLetters.AsNoTracking()
            .Where(w => caseIds.Contains(w.CaseId) && w.IssuedOn >= from && w.IssuedOn <= today)
            .Select(w => new { w.CaseId, w.IssuedOn, w.Level })
            .ToListAsync(ct);
        var byContact = contacts.ToLookup(c => c.CaseId, c => new ContactFact(c.Date, c.Outcome));
        var byConcern = concerns.ToLookup(c => c.CaseId, c => new ConcernFact(c.Date, c.Type, c.MatchedEarlyWarningSign, c.CarePlanId is not null));
        var byWarning = warnings.ToLookup(w => w.CaseId, w => new WarningFact(w.IssuedOn, w.Level));
        return caseIds.Distinct().ToDictionary(id => id, id => new CaseSignalFacts(byContact[id].ToList(), byConcern[id].ToList(), byWarning[id].ToList()));
    }

    /// <summary>The first day any standard compliance window (26 weeks) can see.</summary>
    public static DateOnly WindowStart(DateOnly today, int weeks = 26) => today.AddDays(-7 * weeks + 1);
}
