using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Attitudes;

/// <summary>
/// The attitudes questionnaire (<see cref="SubmitAttitudes"/>): once when the learner starts, once after they pass the
/// test at the end. Each statement is answered on a 5-point agreement scale.
/// </summary>
[Audited(AuditActions.Training.AttitudesSubmit)]
public sealed class AttitudesModel(PathwayDbContext db, SubmitAttitudes submit) : PageModel
{
    [BindProperty] public Dictionary<string, string?> Answers { get; set; } = [];
    public LearnerCourse Learner { get; private set; } = null!;
    public TestPhase Phase { get; private set; }
    public string? Closed { get; private set; }
    public IReadOnlyList<SubscaleScore> Scores { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, string phase, CancellationToken ct)
    {
        if (!await LoadAsync(slug, phase, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string phase, CancellationToken ct)
    {
        if (LearnerCourse.ParsePhase(phase) is not { } p) return NotFound();
        var outcome = await submit.HandleAsync(User.ToStaffContext().UserId, slug, p, Answers, ct);
        return await this.PresentAsync(outcome, lc =>
        {
            TempData["Success"] = "Thank you. Your answers have been saved.";
            return Redirect(p == TestPhase.Before ? lc.Href("/tests/before") : lc.Href());
        }, () => LoadAsync(slug, phase, ct), prefix: "");
    }

    private async Task<bool> LoadAsync(string slug, string phaseSlug, CancellationToken ct)
    {
        if (LearnerCourse.ParsePhase(phaseSlug) is not { } phase) return false;
        var lc = await LearnerCourse.LoadAsync(db, User.ToStaffContext().UserId, slug, ct);
        if (lc is null) return false;
        Learner = lc;
        Phase = phase;
        Closed = SubmitAttitudes.WhyClosed(lc, phase);
        return true;
    }
}
