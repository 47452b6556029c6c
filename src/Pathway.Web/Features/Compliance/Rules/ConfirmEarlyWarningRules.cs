using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Rules;

/// <summary>
/// The clinical lead confirms the version of the early-warning rules in force (for example the starting rules) without
/// changing it, from <see cref="EarlyWarningRulesPageModel"/>. Confirming a version that is no longer the latest is a
/// conflict: nothing is confirmed. Confirming a confirmed version changes nothing.
/// </summary>
public sealed class ConfirmEarlyWarningRules(PathwayDbContext db, AuditLog audit)
{
    public async Task<Outcome<EarlyWarningRulesVersion?>> HandleAsync(int number, CancellationToken ct)
    {
        var latest = await db.EarlyWarningRuleVersions.OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (latest is null || latest.Number != number) return Outcome.Conflict(latest);
        if (!latest.ConfirmedByClinicalLead)
        {
            latest.ConfirmedByClinicalLead = true;
            audit.Add(AuditActions.Admin.EarlyWarningRulesConfirm, "EarlyWarningRulesVersion", latest.Number, null);
            await db.SaveChangesAsync(ct);
        }
        return latest;
    }
}
