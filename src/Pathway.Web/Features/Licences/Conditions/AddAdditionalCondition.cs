using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Licences.Conditions;

/// <summary>
/// Adds an additional condition to a licence of the case, from <see cref="AddConditionModel"/> or
/// <c>POST /api/v1/cases/{id}/licences/{licenceId}/conditions</c>; the case is already checked for edit. A licence of
/// another case is not found (with a denied audit row).
/// </summary>
public sealed class AddAdditionalCondition(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<AdditionalCondition>> HandleAsync(CaseContext c, Guid licenceId, NewCondition request,
        IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var licence = await LicenceLookup.FindAsync(db.Licences, audit, c.Id, licenceId, ct);
        if (licence is null) return Outcome.NotFound<AdditionalCondition>();
        var errors = unreadable.ToList();
        var alreadyInvalid = errors.Fields();
        errors.AddRange(request.Validate().Where(e => !alreadyInvalid.Contains(e.Field)));
        if (errors.Count > 0) return Outcome.Invalid<AdditionalCondition>(errors);

        var added = request.ToCondition(licence.Id, clock.GetUtcNow());
        db.AdditionalConditions.Add(added);
        audit.Add(null, "AdditionalCondition", added.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return added;
    }
}
