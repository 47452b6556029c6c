using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Overview;

/// <summary>
/// A course's overview and the learner's task list. Starting the course (<see cref="EnrolOnCourse"/>) pins the learner
/// to the current version; completing it (<see cref="CompleteCourse"/>) is refused, with a list of what is missing,
/// until every requirement is met.
/// </summary>
[Audited(AuditActions.Training.OverviewRead)]
public sealed class OverviewModel(PathwayDbContext db, EnrolOnCourse enrol, CompleteCourse complete) : PageModel
{
    public LearnerCourse Learner { get; private set; } = null!;
    public IReadOnlyList<string> Missing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEnrolAsync(string slug, CancellationToken ct) =>
        await this.PresentAsync(await enrol.HandleAsync(User.ToStaffContext().UserId, slug, ct),
            e => Redirect(e.AlreadyInProgress ? e.Learner.ResumeHref() : e.Learner.Href("/attitudes/before")), prefix: "");

    public async Task<IActionResult> OnPostCompleteAsync(string slug, CancellationToken ct)
    {
        var outcome = await complete.HandleAsync(User.ToStaffContext().UserId, slug, ct);
        return await this.PresentAsync(outcome, done =>
        {
            if (!done.JustNow) return Redirect(done.Learner.Href());
            TempData["Success"] = $"You have completed {done.Learner.Content.Title}";
            return Redirect(done.Learner.Href("/evaluation"));
        }, async () =>
        {
            await LoadAsync(slug, ct);
            if (Learner.IsEnrolled && !Learner.IsCompleted) Missing = CompletionRules.Missing(Learner.Content, Learner.Progress);
        }, prefix: "");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var lc = await LearnerCourse.LoadAsync(db, User.ToStaffContext().UserId, slug, ct);
        if (lc is null) return false;
        Learner = lc;
        return true;
    }
}
