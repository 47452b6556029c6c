using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Signposting;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Signposting.Matching;

/// <summary>
/// Records the needs no directory service can meet for this person today, from <see cref="MatchModel"/>; the case is
/// already checked for edit. The unmet needs are worked out here again, not taken from the form, so only needs that
/// really have no eligible service are recorded, once per need while it stays unmet. Answers the needs newly recorded.
/// </summary>
public sealed class RecordUnmetNeeds(PathwayDbContext db, AuditLog audit, SignpostingCalendar calendar)
{
    public async Task<Outcome<IReadOnlyList<NeedArea>>> HandleAsync(CaseContext c, IReadOnlyList<NeedArea> chosen, CancellationToken ct)
    {
        var today = calendar.Today;
        var (_, matches) = await CaseMatching.MatchAsync(db, c.Case, chosen, today, ct);
        var unmet = matches.Where(m => m.Unmet).Select(m => m.Need).ToList();
        var open = await db.UnmetNeeds.Where(u => u.CaseId == c.Id && u.MetOn == null).Select(u => u.Need).ToListAsync(ct);
        var added = unmet.Distinct().Where(n => !open.Contains(n)).ToList();
        foreach (var need in added)
        {
            var row = new UnmetNeed { CaseId = c.Id, Need = need, District = PostcodeAreas.DistrictOf(c.Case.Postcode), RecordedOn = today, RecordedById = c.Who.UserId };
            db.UnmetNeeds.Add(row);
            audit.Add(AuditActions.Signposting.UnmetRecord, "UnmetNeed", row.Id, c.Id, reason: need.ToString());
        }
        await db.SaveChangesAsync(ct);
        return new Outcome<IReadOnlyList<NeedArea>>.Done(added);
    }
}
