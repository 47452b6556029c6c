using Pathway.Data;
using Pathway.Domain.Licences;
using Pathway.Domain.Training;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Manage;

/// <summary>Sets the knowledge-test pass mark of a draft. Learners already on a published version keep that version's mark.</summary>
public sealed class SetDraftPassMark(PathwayDbContext db, AuditLog audit)
{
    public async Task<Outcome<CourseDraft>> HandleAsync(string slug, int version, string? passMark, CancellationToken ct)
    {
        if (await CourseDraft.LoadAsync(db, slug, ct) is not { Content: { } c } d) return Outcome.NotFound<CourseDraft>();
        var (percent, error) = CourseStructure.ParsePassMark(passMark);
        if (error is not null) return Outcome.Invalid<CourseDraft>([new FieldError("PassMark", error)]);
        return await d.SaveAsync(db, audit, version, CourseStructure.SetPassMark(c, percent!.Value), $"pass mark {percent}%", ct);
    }
}
