using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.Manage.EditSubscale;

/// <summary>Names and describes an attitude subscale of a draft. Its key stays, so scores stay comparable across versions.</summary>
[Authorize(Policy = Policies.TrainingCoordinator)]
[Audited(AuditActions.Training.CourseUpdate)]
public sealed class EditSubscaleModel(PathwayDbContext db, ChangeCourseDraft change, EditDraftSubscale edit) : DraftPage(db, change)
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Description { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, string subscaleKey, CancellationToken ct)
    {
        if (await LoadDraftAsync(slug, ct) is not { } c) return Missing();
        if (c.Attitudes.Subscales.FirstOrDefault(s => s.Key == subscaleKey) is not { } s) return NotFound();
        (Name, Description) = (s.Name, s.Description);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string subscaleKey, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadDraftAsync(slug, ct) is not { } c) return Missing();
        if (c.Attitudes.Subscales.All(s => s.Key != subscaleKey)) return NotFound();
        return await PresentSaveAsync(slug, await edit.HandleAsync(slug, subscaleKey, Version, Name, Description, ct), "Subscale saved in the draft",
            Course.Href("/attitudes"), ct);
    }
}
