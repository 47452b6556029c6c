using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pathway.Data;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.Manage.PassMark;

/// <summary>The knowledge-test pass mark of a draft. Learners already on a published version keep that version's mark.</summary>
[Authorize(Policy = Policies.TrainingCoordinator)]
[Audited("training.course.edit")]
public sealed class PassMarkModel(PathwayDbContext db, AuditLog audit) : DraftPage(db, audit)
{
    [BindProperty] public string? PassMark { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadDraftAsync(slug, ct) is not { } c) return Missing();
        PassMark = c.PassMarkPercent.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadDraftAsync(slug, ct) is not { } c) return Missing();
        var (percent, error) = CourseStructure.ParsePassMark(PassMark);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(PassMark), error);
            return Page();
        }
        return await SaveAsync(slug, CourseStructure.SetPassMark(c, percent!.Value), $"pass mark {percent}%", $"Pass mark set to {percent}% in the draft", Course.Href(), ct);
    }
}
