using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Domain.Access;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Assessments.Create;

/// <summary>Starts a specialist assessment: a draft the signed-in psychologist (or clinical lead) authors.</summary>
[Authorize(Policy = Policies.Assessor)]
[Audited("assessment.create")]
public sealed class CreateModel(CaseAccess access, AssessmentWorkflow workflow, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty] public DateParts AssessmentDate { get; set; } = new();
    public CaseHeader Header { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        await audit.WriteAsync("case.read", "Case", c.Id, c.Id, ct: ct);
        AssessmentDate = DateParts.From(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        Header = new CaseHeader(c, CaseTab.Assessments, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        ModelState.Clear();
        var error = AssessmentDate.TryParse("Assessment date", out var date);
        if (error is null && date is null) error = "Enter the date of the assessment";
        if (error is not null)
        {
            ModelState.AddModelError(nameof(AssessmentDate), error);
            Header = new CaseHeader(c, CaseTab.Assessments, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()));
            return Page();
        }
        var a = await workflow.CreateAsync(c.Id, date!.Value, User.ToStaffContext(), ct);
        TempData["Success"] = "Assessment started";
        return Redirect($"/cases/{c.Id}/assessments/{a.Id}");
    }
}
