using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Assessments;

namespace Pathway.Web.Features.Signposting.Referrals;

/// <summary>Sending a referral for a need that was recorded as unmet marks it met (staged; the caller saves).</summary>
internal static class UnmetNeedsMet
{
    public static async Task MarkAsync(PathwayDbContext db, Guid caseId, NeedArea need, DateOnly today, CancellationToken ct)
    {
        foreach (var u in await db.UnmetNeeds.Where(u => u.CaseId == caseId && u.Need == need && u.MetOn == null).ToListAsync(ct))
            u.MetOn = today;
    }
}
