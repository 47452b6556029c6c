using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Infrastructure.Access;

public enum AccessNeed
{
    Read,
    Edit,
    /// <summary>
    /// Read access is enough to add to the record (a behaviour of concern seen by approved-premises staff); no read row
    /// is written because the change writes its own.
    /// </summary>
    Contribute,
}

/// <summary>
/// Loads a case and checks, after loading, that the signed-in person may see or change it. A case outside their scope
/// and a case that does not exist look the same to them (null, so the caller answers 404); both leave a denied
/// audit row. A read that is allowed leaves a read row with the endpoint's declared action.
/// </summary>
public sealed class CaseAccess(PathwayDbContext db, AuditLog audit, IHttpContextAccessor http, TimeProvider clock)
{
    private StaffContext Who => http.HttpContext!.User.ToStaffContext();

    public async Task<CaseRecord?> LoadAsync(Guid caseId, AccessNeed need, CancellationToken ct,
        string entityType = "Case", object? entityId = null)
    {
        var c = await db.Cases
            .Include(x => x.Shares)
            .Include(x => x.NamedStaff)
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == caseId, ct);
        var who = Who;
        var allowed = c is not null && await IsAllowedAsync(who, c, need, ct);
        if (!allowed)
        {
            await audit.DeniedAsync(entityType, entityId ?? caseId, c?.Id, ct);
            return null;
        }
        if (need == AccessNeed.Read) await audit.ReadAsync(entityType, entityId ?? caseId, caseId, ct);
        return c;
    }

    public async Task<AccessBasis> BasisAsync(CaseRecord c, CancellationToken ct) =>
        CaseAccessRules.ReadBasis(Who, await ScopeAsync(Who, c, ct));

    public async Task<bool> CanEditAsync(CaseRecord c, CancellationToken ct) =>
        CaseAccessRules.CanEdit(Who, await ScopeAsync(Who, c, ct));

    private async Task<bool> IsAllowedAsync(StaffContext who, CaseRecord c, AccessNeed need, CancellationToken ct)
    {
        var scope = await ScopeAsync(who, c, ct);
        return need == AccessNeed.Edit ? CaseAccessRules.CanEdit(who, scope) : CaseAccessRules.CanRead(who, scope);
    }

    // A page asks about one case several times (load, basis, can-edit); look the grant up once per request.
    private readonly Dictionary<(Guid User, Guid Case), bool> _breakGlass = [];

    private async Task<CaseScope> ScopeAsync(StaffContext who, CaseRecord c, CancellationToken ct)
    {
        if (!_breakGlass.TryGetValue((who.UserId, c.Id), out var breakGlass))
        {
            var now = clock.GetUtcNow();
            breakGlass = await db.BreakGlassGrants.AnyAsync(g => g.CaseId == c.Id && g.UserId == who.UserId && g.ExpiresAt > now, ct);
            _breakGlass[(who.UserId, c.Id)] = breakGlass;
        }
        return new CaseScope(
            c.TeamId,
            c.ReferredToServiceOn is not null,
            c.ApprovedPremisesId,
            c.Shares.Select(s => s.TeamId).ToArray(),
            c.IsRestricted,
            c.NamedStaff.Select(n => n.UserId).ToArray(),
            breakGlass);
    }

    /// <summary>The cases this person may see, for lists and searches.</summary>
    public Task<IQueryable<CaseRecord>> VisibleAsync(CancellationToken ct) => db.VisibleToAsync(Who, clock.GetUtcNow(), ct);
}
