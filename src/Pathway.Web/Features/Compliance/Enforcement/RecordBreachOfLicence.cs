using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Licences;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Enforcement;

/// <summary>
/// Records a breach of specific conditions of the current licence, from <see cref="RecordBreachModel"/> or
/// <c>POST /api/v1/cases/{id}/breaches</c>; the case is already checked for edit.
/// </summary>
public sealed class RecordBreachOfLicence(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<Breach>> HandleAsync(CaseContext c, BreachDetails request, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var today = ComplianceEndpoints.Today(clock);
        var licence = await CurrentLicenceConditions.LoadAsync(db, c.Id, today, ct);
        var errors = unreadable.ToList();
        errors.AddRange(request.Validate(today, licence.Licence, errors.Fields()));
        var breached = licence.Resolve(request.ConditionRefs, "Conditions", errors);
        if (errors.Count > 0) return Outcome.Invalid<Breach>(errors);

        var breach = request.ToBreach(c.Id, licence.Licence!, breached, c.Who.UserId, clock.GetUtcNow());
        db.Breaches.Add(breach);
        audit.Add(null, "Breach", breach.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return breach;
    }
}
