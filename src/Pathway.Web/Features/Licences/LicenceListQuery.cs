using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;

namespace Pathway.Web.Features.Licences;

/// <summary>A case's licence periods, newest release first, with counts of current additional conditions and recalls.</summary>
public static class LicenceListQuery
{
    public sealed record Row(Licence Licence, int AdditionalConditions, int Recalls);

    public static async Task<IReadOnlyList<Row>> RunAsync(PathwayDbContext db, Guid caseId, CancellationToken ct) =>
        await db.Licences.AsNoTracking()
            .Where(l => l.CaseId == caseId)
            .OrderByDescending(l => l.ReleaseDate).ThenByDescending(l => l.CreatedAt)
            .Select(l => new Row(l, l.AdditionalConditions.Count(c => c.RemovedAt == null), l.Recalls.Count))
            .ToListAsync(ct);
}
