using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Licences.Create;

/// <summary>
/// Adds a licence period to a case, from <see cref="CreateModel"/> or <c>POST /api/v1/cases/{id}/licences</c>; the case
/// is already checked for edit. Dates that cannot be true are refused with every problem reported at once. The done
/// value is the licence as saved, with its conditions and recalls.
/// </summary>
public sealed class AddLicence(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<Licence>> HandleAsync(CaseContext c, LicenceDetails request, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var errors = unreadable.ToList();
        errors.AddRange(await LicenceDetailsRules.ValidateAsync(request, c.Case.DateOfBirth, db, errors.Fields(), ct));
        if (errors.Count > 0) return Outcome.Invalid<Licence>(errors);

        var licence = new Licence { CaseId = c.Id, StandardConditionSetCode = "", CreatedAt = clock.GetUtcNow() };
        LicenceDetailsRules.Apply(request, licence);
        db.Licences.Add(licence);
        audit.Add(null, "Licence", licence.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return await LicenceLookup.ReadAsync(db, licence.Id, ct);
    }
}
