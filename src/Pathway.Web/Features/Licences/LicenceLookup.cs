using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.Licences;

/// <summary>
/// Finds a licence under the case in the URL. Call it only once the case is allowed (by <c>CurrentCase</c>, before the handler).
/// A licence that belongs to another case (or does not exist) answers null, so the caller says 404, and leaves a
/// denied audit row: probing licence ids across cases shows up in the trail like probing case ids does.
/// </summary>
public static class LicenceLookup
{
    public static async Task<Licence?> FindAsync(IQueryable<Licence> licences, AuditLog audit, Guid caseId, Guid licenceId, CancellationToken ct)
    {
        var licence = await licences.FirstOrDefaultAsync(l => l.Id == licenceId && l.CaseId == caseId, ct);
        if (licence is null) await audit.DeniedAsync("Licence", licenceId, caseId, ct);
        return licence;
    }

    /// <summary>The licence with its standard conditions, additional conditions and recalls.</summary>
    public static IQueryable<Licence> WithConditionsAndRecalls(this IQueryable<Licence> licences) =>
        licences.Include(l => l.StandardConditionSet).ThenInclude(s => s!.Items)
            .Include(l => l.AdditionalConditions)
            .Include(l => l.Recalls)
            .AsSplitQuery();

    /// <summary>A licence known to exist, as saved now, with its conditions and recalls (what a handler answers with).</summary>
    public static Task<Licence> ReadAsync(PathwayDbContext db, Guid licenceId, CancellationToken ct) =>
        db.Licences.AsNoTracking().WithConditionsAndRecalls().FirstAsync(l => l.Id == licenceId, ct);
}
