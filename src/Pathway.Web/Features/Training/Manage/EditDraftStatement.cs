using Pathway.Data;
using Pathway.Domain.Licences;
using Pathway.Domain.Training;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Manage;

/// <summary>Changes one attitude statement of a draft: its wording, its subscale and whether it is reverse-scored.</summary>
public sealed class EditDraftStatement(PathwayDbContext db, AuditLog audit)
{
    public async Task<Outcome<CourseDraft>> HandleAsync(string slug, string statementKey, int version, string? text, string? subscale, string? reversed,
        CancellationToken ct)
    {
        if (await CourseDraft.LoadAsync(db, slug, ct) is not { Content: { } c } d || c.Attitudes.Items.All(i => i.Key != statementKey))
            return Outcome.NotFound<CourseDraft>();
        var errors = CourseStructure.CheckAttitudeItem(c, text, subscale).ToFieldErrors();
        if (reversed is not ("yes" or "no")) errors.Add(new FieldError("Reversed", "Select whether the statement is reverse-scored"));
        if (errors.Count > 0) return Outcome.Invalid<CourseDraft>(errors);
        var edited = CourseStructure.ReplaceAttitudeItem(c, new AttitudeItem(statementKey, text!.Trim(), subscale!, reversed == "yes"));
        return await d.SaveAsync(db, audit, version, edited.Content!, $"statement {statementKey}", ct);
    }
}
