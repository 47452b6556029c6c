using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Events;
using Pathway.Domain.Auditing;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.CarePlans.Version;

/// <summary>
/// An offender manager or senior probation officer (not the signer) countersigns a signed version, from
/// <see cref="VersionModel"/> or <c>POST /api/v1/cases/{id}/care-plans/{planId}/countersign</c>: it becomes the active
/// plan and supersedes the one before, in one transaction. A countersignature on a stale reading is a conflict.
/// </summary>
public sealed class CountersignCarePlan(PathwayDbContext db, AuditLog audit, TimeProvider clock, CarePlanAccess access, DomainEvents events)
{
    /// <param name="unreadable">What could not be read from the request (no version sent): reported alone, before the plan's rules.</param>
    public async Task<Outcome<CarePlan>> HandleAsync(CaseContext c, Guid planId, int version, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        if (await PlanSave.FindToChangeAsync(db, access, c, planId, ct) is not { } plan) return Outcome.NotFound<CarePlan>();
        if (unreadable.Count > 0) return Outcome.Invalid<CarePlan>(unreadable);

        var errors = CarePlanLifecycle.CanCountersign(new CarePlanFacts(plan.Status, [], plan.SignedById), c.Who.UserId, c.Who.Roles);
        if (errors.Count > 0) return Outcome.Invalid<CarePlan>(errors);
        if (version != plan.Version) return Outcome.Conflict(await PlanSave.CurrentAsync(db, planId, ct));

        var now = clock.GetUtcNow();
        Func<Task<CarePlan>> current = () => PlanSave.CurrentAsync(db, planId, ct);
        var previous = await db.CarePlans.FirstOrDefaultAsync(p => p.CaseId == plan.CaseId && p.Status == CarePlanStatus.Active, ct);
        if (previous is null)
        {
            Activate(plan, c, now, version);
            return await PlanSave.SaveAsync(db, plan, current, ct);
        }
        previous.Status = CarePlanStatus.Superseded;
        previous.SupersededAt = now;
        // The old active row must be written first, or the one-active index would see two for a moment.
        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        audit.Add(AuditActions.CarePlan.Supersede, "CarePlan", previous.Id, plan.CaseId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var first = await PlanSave.SaveAsync(db, plan, current, ct);
        if (first is not Outcome<CarePlan>.Done) return first;
        Activate(plan, c, now, version);
        var second = await PlanSave.SaveAsync(db, plan, current, ct);
        if (second is Outcome<CarePlan>.Done) await tx.CommitAsync(ct);
        return second;
    }

    private void Activate(CarePlan plan, CaseContext c, DateTimeOffset now, int version)
    {
        plan.Status = CarePlanStatus.Active;
        plan.CountersignedById = c.Who.UserId;
        plan.CountersignedAt = now;
        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        audit.Add(AuditActions.CarePlan.Countersign, "CarePlan", plan.Id, plan.CaseId);
        events.Raise(DomainEventTypes.CarePlanCountersigned, c.Case, $"/cases/{c.Id}/care-plans/{plan.Id}", new { carePlanId = plan.Id, signedById = plan.SignedById });
    }
}
