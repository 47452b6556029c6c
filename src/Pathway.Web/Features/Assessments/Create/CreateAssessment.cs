using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Assessments.Create;

/// <summary>
/// Starts a specialist assessment: a draft, version 1 of a new series, authored by the person asking. From
/// <see cref="CreateModel"/> or <c>POST /api/v1/cases/{id}/assessments</c>; the case is already checked for edit.
/// </summary>
public sealed class CreateAssessment(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <param name="unreadable">The date as typed could not be read (each channel words that, and a missing date, its own way).</param>
    public async Task<Outcome<Assessment>> HandleAsync(CaseContext c, DateOnly? assessmentDate, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        if (unreadable.Count > 0) return Outcome.Invalid<Assessment>(unreadable);
        if (assessmentDate is not { } date) return Outcome.Invalid<Assessment>([new("AssessmentDate", "Enter the date of the assessment")]);

        var a = new Assessment
        {
            CaseId = c.Id, Status = AssessmentStatus.Draft, AssessmentDate = date, AuthorId = c.Who.UserId, CreatedAt = clock.GetUtcNow(),
        };
        a.SeriesId = a.Id;
        db.Assessments.Add(a);
        audit.Add(AuditActions.Assessment.Create, "Assessment", a.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return a;
    }
}
