using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Licences.Recalls;

/// <summary>
/// Records a recall on a licence's recall history (the revocation date, the type of recall, why, and the custody dates
/// known so far), from <see cref="AddRecallModel"/> or <c>POST /api/v1/cases/{id}/licences/{licenceId}/recalls</c>; the
/// case is already checked for edit. A licence of another case is not found (with a denied audit row).
/// </summary>
public sealed class RecordRecallOnLicence(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<Recall>> HandleAsync(CaseContext c, Guid licenceId, NewRecall request, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var licence = await LicenceLookup.FindAsync(db.Licences, audit, c.Id, licenceId, ct);
        if (licence is null) return Outcome.NotFound<Recall>();
        var errors = unreadable.ToList();
        errors.AddRange(request.Validate(licence, errors.Fields()));
        if (errors.Count > 0) return Outcome.Invalid<Recall>(errors);

        var added = request.ToRecall(licence, clock.GetUtcNow());
        db.Recalls.Add(added);
        audit.Add(null, "Recall", added.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return added;
    }
}
