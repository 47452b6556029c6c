using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Licences.Conditions;

/// <summary>A condition after a removal was asked for; <paramref name="RemovedNow"/> is false when it had already gone.</summary>
public sealed record ConditionRemoval(AdditionalCondition Condition, bool RemovedNow);

/// <summary>
/// Removes an additional condition from a licence of the case (from <see cref="RemoveConditionModel"/>; the case is already
/// checked for edit). The condition is kept with the time it was removed, so the licence's history still shows what
/// applied when; removing twice (a double submit, or two people at once) keeps the first removal's time.
/// </summary>
public sealed class RemoveAdditionalCondition(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<ConditionRemoval>> HandleAsync(CaseContext c, Guid licenceId, Guid conditionId, CancellationToken ct)
    {
        var licence = await LicenceLookup.FindAsync(db.Licences.Include(x => x.AdditionalConditions), audit, c.Id, licenceId, ct);
        if (licence is null) return Outcome.NotFound<ConditionRemoval>();
        var condition = await FindAsync(licence, conditionId, audit, ct);
        if (condition is null) return Outcome.NotFound<ConditionRemoval>();
        if (condition.RemovedAt is not null) return new ConditionRemoval(condition, RemovedNow: false);

        condition.RemovedAt = clock.GetUtcNow();
        audit.Add(null, "AdditionalCondition", condition.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return new ConditionRemoval(condition, RemovedNow: true);
    }

    /// <summary>A condition of another licence under this licence's URL is not found, with a denied audit row, like a licence of another case.</summary>
    public static async Task<AdditionalCondition?> FindAsync(Licence licence, Guid conditionId, AuditLog audit, CancellationToken ct)
    {
        var condition = licence.AdditionalConditions.FirstOrDefault(x => x.Id == conditionId);
        if (condition is null) await audit.DeniedAsync("AdditionalCondition", conditionId, licence.CaseId, ct);
        return condition;
    }
}
