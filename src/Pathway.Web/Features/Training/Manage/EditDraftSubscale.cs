using Pathway.Data;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Manage;

/// <summary>Names and describes an attitude subscale of a draft. Its key stays, so scores stay comparable across versions.</summary>
public sealed class EditDraftSubscale(PathwayDbContext db, AuditLog audit)
{
    public async Task<Outcome<CourseDraft>> HandleAsync(string slug, string subscaleKey, int version, string? name, string? description, CancellationToken ct)
    {
        if (await CourseDraft.LoadAsync(db, slug, ct) is not { Content: { } c } d || c.Attitudes.Subscales.All(s => s.Key != subscaleKey))
            return Outcome.NotFound<CourseDraft>();
        var problems = CourseStructure.CheckSubscale(name, description);
        if (problems.Count > 0) return Outcome.Invalid<CourseDraft>(problems.ToFieldErrors());
        var edited = CourseStructure.ReplaceSubscale(c, new AttitudeSubscale(subscaleKey, name!.Trim(), description?.Trim() ?? ""));
        return await d.SaveAsync(db, audit, version, edited.Content!, $"subscale {subscaleKey}", ct);
    }
}
