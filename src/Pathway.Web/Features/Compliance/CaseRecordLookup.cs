using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.Compliance;

/// <summary>
/// Finds a compliance record under the case in the URL, after <c>CaseAccess.LoadAsync</c> has allowed that case. A record
/// of another case (or none) answers null, so the caller says 404, and leaves a denied audit row, as licences do.
/// </summary>
public static class CaseRecordLookup
{
    public static async Task<T?> FindAsync<T>(IQueryable<T> set, AuditLog audit, Guid caseId, Guid id, CancellationToken ct)
        where T : class, ICaseOwned
    {
        var found = await set.FirstOrDefaultAsync(x => x.Id == id && x.CaseId == caseId, ct);
        if (found is null) await audit.DeniedAsync(typeof(T).Name, id, caseId, ct);
        return found;
    }
}
