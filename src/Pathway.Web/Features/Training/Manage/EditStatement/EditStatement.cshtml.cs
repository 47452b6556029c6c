using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.Manage.EditStatement;

/// <summary>Edits one attitude statement of a draft: its wording, its subscale and whether it is reverse-scored.</summary>
[Authorize(Policy = Policies.TrainingCoordinator)]
[Audited(AuditActions.Training.CourseUpdate)]
public sealed class EditStatementModel(PathwayDbContext db, ChangeCourseDraft change, EditDraftStatement edit) : DraftPage(db, change)
{
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Subscale { get; set; }
    [BindProperty] public string? Reversed { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, string statementKey, CancellationToken ct)
    {
        if (await LoadDraftAsync(slug, ct) is not { } c) return Missing();
        if (c.Attitudes.Items.FirstOrDefault(i => i.Key == statementKey) is not { } item) return NotFound();
        (Text, Subscale, Reversed) = (item.Text, item.Subscale, item.Reversed ? "yes" : "no");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string statementKey, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadDraftAsync(slug, ct) is not { } c) return Missing();
        if (c.Attitudes.Items.All(i => i.Key != statementKey)) return NotFound();
        return await PresentSaveAsync(slug, await edit.HandleAsync(slug, statementKey, Version, Text, Subscale, Reversed, ct), "Statement saved in the draft",
            Course.Href("/attitudes"), ct);
    }
}
