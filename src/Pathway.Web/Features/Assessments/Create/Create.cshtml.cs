using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Assessments.Create;

/// <summary>The form for <see cref="CreateAssessment"/>: a draft the signed-in psychologist (or clinical lead) authors.</summary>
[Authorize(Policy = Policies.Assessor)]
[Audited(AuditActions.Assessment.Create)]
[CaseScoped(AccessNeed.Edit, ReadActionOnGet = AuditActions.Case.Read)]
public sealed class CreateModel(CurrentCase current, CreateAssessment create, TimeProvider clock) : PageModel
{
    [BindProperty] public DateParts AssessmentDate { get; set; } = new();
    public CaseHeader Header => current.Context.Header(CaseTab.Assessments);

    public void OnGet() => AssessmentDate = DateParts.From(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        if (AssessmentDate.TryParse("Assessment date", out var date) is { } error) unreadable.Add(new(nameof(AssessmentDate), error));
        var outcome = await create.HandleAsync(current.Context, date, unreadable, ct);
        return await this.PresentAsync(outcome, a =>
        {
            TempData["Success"] = "Assessment started";
            return Redirect($"/cases/{a.CaseId}/assessments/{a.Id}");
        }, prefix: "");
    }
}
