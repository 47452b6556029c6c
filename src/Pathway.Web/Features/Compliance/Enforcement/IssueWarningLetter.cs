using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Licences;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Enforcement;

/// <summary>
/// Records a first or final warning letter against the conditions of the current licence it says were breached. The
/// request is <see cref="WarningDetails"/> (as typed on <see cref="IssueWarningModel"/> or sent to
/// <c>POST /api/v1/cases/{id}/warnings</c>) with the fields that could not be read; the case is already checked for edit.
/// </summary>
public sealed class IssueWarningLetter(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<WarningLetter>> HandleAsync(CaseContext c, WarningDetails request, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var today = ComplianceEndpoints.Today(clock);
        var conditions = await CurrentLicenceConditions.LoadAsync(db, c.Id, today, ct);
        var errors = unreadable.ToList();
        errors.AddRange(request.Validate(today, conditions.Licence, errors.Fields()));
        var linked = conditions.Resolve(request.ConditionRefs, "Conditions", errors);
        if (errors.Count > 0) return Outcome.Invalid<WarningLetter>(errors);

        var letter = request.ToLetter(c.Id, conditions.Licence!, linked, c.Who.UserId, clock.GetUtcNow());
        db.WarningLetters.Add(letter);
        audit.Add(null, "WarningLetter", letter.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return letter;
    }
}
