using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Instruments;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Screening.Fill;

/// <summary>
/// Completes a response with these answers and scores it, from <see cref="FillModel"/> ("Complete") or
/// <c>POST /api/v1/cases/{id}/screening/{responseId}/complete</c>; the case is already checked for edit. Refused naming
/// each missing required item or reason, or that the version was withdrawn from scoring; a stale version is a conflict.
/// </summary>
public sealed class CompleteScreening(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public Task<Outcome<InstrumentResponse>> HandleAsync(CaseContext c, Guid responseId, ResponseAnswers answers, int version,
        IReadOnlyList<FieldError> unreadable, ScreeningFieldName nameField, CancellationToken ct) =>
        ScreeningChange.ApplyAsync(db, audit, AuditActions.Screening.Complete, c, responseId, version, unreadable, nameField,
            r => ScreeningResponses.CompleteAsync(db, r, answers, c.Who.UserId, clock.GetUtcNow(), ct), ct);
}
