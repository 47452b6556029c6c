using Pathway.Data;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Manage;

/// <summary>Renames a module of a course's draft, if the draft is still at the version the form was shown at.</summary>
public sealed class RenameDraftModule(PathwayDbContext db, AuditLog audit)
{
    public async Task<Outcome<CourseDraft>> HandleAsync(string slug, string moduleKey, int version, string? title, CancellationToken ct)
    {
        if (await CourseDraft.LoadAsync(db, slug, ct) is not { Content: { } c } d || c.Module(moduleKey) is null) return Outcome.NotFound<CourseDraft>();
        var problems = CourseStructure.CheckModuleTitle(title);
        if (problems.Count > 0) return Outcome.Invalid<CourseDraft>(problems.ToFieldErrors());
        return await d.SaveAsync(db, audit, version, CourseStructure.RenameModule(c, moduleKey, title!).Content!, $"renamed module {moduleKey}", ct);
    }
}
