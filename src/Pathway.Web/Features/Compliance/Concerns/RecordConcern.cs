using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Licences;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Concerns;

/// <summary>
/// Records a behaviour of concern, optionally linked to conditions of the current licence and to a trigger or early
/// warning sign of the active care plan, from <see cref="RecordConcernModel"/> or <c>POST /api/v1/cases/{id}/concerns</c>.
/// Anyone who may read the case may contribute one (the case is already checked for that).
/// </summary>
public sealed class RecordConcern(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<BehaviourOfConcern>> HandleAsync(CaseContext c, ConcernDetails request, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var today = ComplianceEndpoints.Today(clock);
        var errors = unreadable.ToList();
        errors.AddRange(request.Validate(today, errors.Fields()));
        var linked = (await CurrentLicenceConditions.LoadAsync(db, c.Id, today, ct)).Resolve(request.ConditionRefs, "Conditions", errors);
        var signs = await CarePlanSignChoices.LoadAsync(db, c.Id, c.Who, ct);
        var sign = signs.Resolve(request.CarePlanSignKey, "CarePlanSign", errors);
        if (errors.Count > 0) return Outcome.Invalid<BehaviourOfConcern>(errors);

        var concern = request.ToConcern(c.Id, linked, sign, signs.PlanId, c.Who.UserId, clock.GetUtcNow());
        db.BehavioursOfConcern.Add(concern);
        audit.Add(null, "BehaviourOfConcern", concern.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return concern;
    }
}
