using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Account;

/// <summary>Revokes one of the signed-in person's own API tokens (someone else's is not found). Revoking again keeps the first time.</summary>
public sealed class RevokeApiToken(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<ApiToken>> HandleAsync(Guid ownerId, Guid tokenId, CancellationToken ct)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == ownerId, ct);
        if (token is null) return Outcome.NotFound<ApiToken>();
        token.RevokedAt ??= clock.GetUtcNow();
        audit.Add(AuditActions.Account.TokensRevoke, "ApiToken", token.Id, null);
        await db.SaveChangesAsync(ct);
        return token;
    }
}
