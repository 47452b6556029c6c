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
/// Saves a draft's answers, which may be incomplete, from <see cref="FillModel"/> ("Save draft") or
/// <c>PUT /api/v1/cases/{id}/screening/{responseId}</c>; the case is already checked for edit. Nothing is stored if an
/// answer is not one the definition allows, or the version sent is stale (see <see cref="ScreeningChange"/>).
/// </summary>
public sealed class SaveScreeningDraft(PathwayDbContext db, AuditLog audit)
{
    public Task<Outcome<InstrumentResponse>> HandleAsync(CaseContext c, Guid responseId, ResponseAnswers answers, int version,
        IReadOnlyList<FieldError> unreadable, ScreeningFieldName nameField, CancellationToken ct) =>
        ScreeningChange.ApplyAsync(db, audit, AuditActions.Screening.Update, c, responseId, version, unreadable, nameField,
            r => Task.FromResult(ScreeningResponses.SaveDraft(r, answers)), ct);
}
