using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.Manage.EditModule;

/// <summary>Renames a module of a draft.</summary>
[Authorize(Policy = Policies.TrainingCoordinator)]
[Audited(AuditActions.Training.CourseUpdate)]
public sealed class EditModuleModel(PathwayDbContext db, ChangeCourseDraft change, RenameDraftModule rename) : DraftPage(db, change)
{
    [BindProperty] public string? Title { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, string moduleKey, CancellationToken ct)
    {
        if (await LoadDraftAsync(slug, ct) is not { } c) return Missing();
        if (c.Module(moduleKey) is not { } m) return NotFound();
        Title = m.Title;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string moduleKey, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadDraftAsync(slug, ct) is not { } c) return Missing();
        if (c.Module(moduleKey) is null) return NotFound();
        return await PresentSaveAsync(slug, await rename.HandleAsync(slug, moduleKey, Version, Title, ct), "Module saved in the draft", Course.Href(), ct);
    }
}
