using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.Manage.PassMark;

/// <summary>The knowledge-test pass mark of a draft. Learners already on a published version keep that version's mark.</summary>
[Authorize(Policy = Policies.TrainingCoordinator)]
[Audited(AuditActions.Training.CourseUpdate)]
public sealed class PassMarkModel(PathwayDbContext db, ChangeCourseDraft change, SetDraftPassMark set) : DraftPage(db, change)
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
        if (await LoadDraftAsync(slug, ct) is null) return Missing();
        var outcome = await set.HandleAsync(slug, Version, PassMark, ct);
        return await PresentSaveAsync(slug, outcome, $"Pass mark set to {CourseStructure.ParsePassMark(PassMark).Percent}% in the draft", Course.Href(), ct);
    }
}
