using Pathway.Data;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Manage;

/// <summary>The draft as saved, and the key of anything the change added.</summary>
public sealed record DraftChanged(CourseDraft Draft, string? NewKey);

/// <summary>
/// A one-button change to a draft's structure (add, move or remove a module, lesson, question, statement or subscale),
/// from the draft and attitudes pages: refused with its reason, or refused as a conflict when the draft is no longer at
/// the version the page was shown at, or saved with its audit row.
/// </summary>
public sealed class ChangeCourseDraft(PathwayDbContext db, AuditLog audit)
{
    public async Task<Outcome<DraftChanged>> HandleAsync(string slug, int version, Func<CourseContent, CourseStructure.Edit> edit, Func<string?, string> reason,
        CancellationToken ct)
    {
        if (await CourseDraft.LoadAsync(db, slug, ct) is not { Content: { } content } d) return Outcome.NotFound<DraftChanged>();
        var result = edit(content);
        if (result.Error is { } why) return TrainingErrors.Refused<DraftChanged>(why);
        return await d.SaveAsync(db, audit, version, result.Content!, reason(result.NewKey), ct) switch
        {
            Outcome<CourseDraft>.Conflict c => Outcome.Conflict(new DraftChanged(c.Current, null)),
            _ => new DraftChanged(d, result.NewKey),
        };
    }
}
