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
/// The psychologist signs a draft, from <see cref="VersionModel"/> or <c>POST /api/v1/cases/{id}/care-plans/{planId}/sign</c>.
/// Every required section needs content, each risk-management pillar its plan or why it does not apply, and the review
/// date must be in the future and within a year. A signature on a stale reading of the plan is a conflict.
/// </summary>
public sealed class SignCarePlan(PathwayDbContext db, AuditLog audit, TimeProvider clock, CarePlanAccess access, DomainEvents events)
{
    /// <param name="unreadable">What could not be read from the request (no version sent): reported alone, before the plan's rules.</param>
    public async Task<Outcome<CarePlan>> HandleAsync(CaseContext c, Guid planId, int version, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        if (await PlanSave.FindToChangeAsync(db, access, c, planId, ct) is not { } plan) return Outcome.NotFound<CarePlan>();
        if (unreadable.Count > 0) return Outcome.Invalid<CarePlan>(unreadable);

        var text = plan.Texts.ToDictionary(t => t.Key, t => t.Text, StringComparer.Ordinal);
        if (await db.CarePlanRestrictedNotes.AsNoTracking().FirstOrDefaultAsync(n => n.CarePlanId == plan.Id, ct) is { } note) text["not-disclosed"] = note.Text;
        var rows = CarePlanContent.SectionsWithRows(
            await db.CarePlanGoals.CountAsync(g => g.CarePlanId == plan.Id, ct),
            await db.CarePlanActions.CountAsync(a => a.CarePlanId == plan.Id, ct),
            await db.CarePlanSkills.CountAsync(k => k.CarePlanId == plan.Id, ct));
        var empty = CarePlanFields.EmptySections(text, plan.Agreement, plan.ReviewDate, rows);
        var errors = CarePlanLifecycle.CanSign(new CarePlanFacts(plan.Status, empty, plan.SignedById, CarePlanFields.MissingPillars(text)), c.Who.Roles).ToList();
        if (errors.Count == 0 && CarePlanFields.CheckReviewDate(plan.ReviewDate, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) is { } dateError)
            errors.Add(dateError);
        if (errors.Count > 0) return Outcome.Invalid<CarePlan>(errors);
        if (version != plan.Version) return Outcome.Conflict(await PlanSave.CurrentAsync(db, planId, ct));

        plan.Status = CarePlanStatus.AwaitingCountersignature;
        plan.SignedById = c.Who.UserId;
        plan.SignedAt = clock.GetUtcNow();
        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        audit.Add(AuditActions.CarePlan.Sign, "CarePlan", plan.Id, plan.CaseId);
        events.Raise(DomainEventTypes.CarePlanSubmitted, c.Case, $"/cases/{c.Id}/care-plans/{plan.Id}", new { carePlanId = plan.Id, signedById = plan.SignedById, offenderManagerId = c.Case.OffenderManagerId });
        return await PlanSave.SaveAsync(db, plan, () => PlanSave.CurrentAsync(db, planId, ct), ct);
    }
}
