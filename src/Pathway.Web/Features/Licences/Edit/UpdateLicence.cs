using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Licences.Edit;

/// <summary>
/// Changes a licence's sentence and dates, from <see cref="EditModel"/> or <c>PUT /api/v1/cases/{id}/licences/{licenceId}</c>.
/// The change carries the version it was read at: if someone else saved since, nothing is overwritten and the outcome is
/// a conflict with the licence as saved now. Field errors are reported before a conflict, on the page as on the API.
/// A licence keeps the standard condition set it was issued with unless a change names another that may apply.
/// </summary>
public sealed class UpdateLicence(PathwayDbContext db, AuditLog audit)
{
    /// <param name="keepSetIfNone">The API's rule: a change that names no standard condition set keeps the licence's.</param>
    public async Task<Outcome<Licence>> HandleAsync(CaseContext c, Guid licenceId, LicenceDetails request, int version,
        IReadOnlyList<FieldError> unreadable, CancellationToken ct, bool keepSetIfNone = false)
    {
        var licence = await LicenceLookup.FindAsync(db.Licences, audit, c.Id, licenceId, ct);
        if (licence is null) return Outcome.NotFound<Licence>();
        if (keepSetIfNone && request.StandardConditionSetCode is null)
            request = request with { StandardConditionSetCode = licence.StandardConditionSetCode };
        var errors = unreadable.ToList();
        errors.AddRange(await LicenceDetailsRules.ValidateAsync(request, c.Case.DateOfBirth, db, errors.Fields(), ct, licence.StandardConditionSetCode));
        if (errors.Count > 0) return Outcome.Invalid<Licence>(errors);
        if (version != licence.Version) return Outcome.Conflict(await LicenceLookup.ReadAsync(db, licenceId, ct));

        LicenceDetailsRules.Apply(request, licence);
        // Guard the gap between loading and saving too: the update only matches the version we checked.
        db.Entry(licence).Property(x => x.Version).OriginalValue = version;
        audit.Add(null, "Licence", licence.Id, c.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(await LicenceLookup.ReadAsync(db, licenceId, ct));
        }
        return await LicenceLookup.ReadAsync(db, licenceId, ct);
    }
}
