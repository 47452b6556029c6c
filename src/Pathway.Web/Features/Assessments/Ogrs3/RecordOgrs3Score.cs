using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Risk;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Assessments.Ogrs3Page;

/// <summary>
/// Calculates OGRS3 from the person's criminal history and stores it on the case with its inputs, from
/// <see cref="Ogrs3Model"/> or <c>POST /api/v1/cases/{id}/ogrs3</c>; the case is already checked for edit. Impossible
/// inputs are refused with a message per field (a field that could not be read is not reported twice).
/// </summary>
public sealed class RecordOgrs3Score(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<Ogrs3Score>> HandleAsync(CaseContext c, Ogrs3Inputs inputs, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var errors = unreadable.ToList();
        var typed = errors.Select(e => e.Field).ToHashSet();
        errors.AddRange(Ogrs3.Validate(inputs).Where(e => !typed.Contains(e.Field)));
        if (errors.Count > 0) return Outcome.Invalid<Ogrs3Score>(errors);

        var score = Ogrs3Score.From(c.Id, inputs, c.Who.UserId, clock.GetUtcNow());
        db.Ogrs3Scores.Add(score);
        audit.Add(null, "Ogrs3Score", score.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return score;
    }
}
