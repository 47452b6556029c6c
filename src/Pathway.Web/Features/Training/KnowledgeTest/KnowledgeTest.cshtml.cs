using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.KnowledgeTest;

/// <summary>
/// The knowledge test form, before and after the course (<see cref="TakeKnowledgeTest"/>). The answers to the test at the
/// start are not revealed (the same items come back at the end).
/// </summary>
[Audited(AuditActions.Training.TestSubmit)]
public sealed class KnowledgeTestModel(PathwayDbContext db, TakeKnowledgeTest take) : PageModel
{
    [BindProperty] public Dictionary<string, string?> Answers { get; set; } = [];
    public LearnerCourse Learner { get; private set; } = null!;
    public TestPhase Phase { get; private set; }
    /// <summary>Why the test cannot be taken now, or null when it can.</summary>
    public string? Closed { get; private set; }
    public KnowledgeTestAttempt? Latest { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string phase, CancellationToken ct)
    {
        if (!await LoadAsync(slug, phase, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string phase, CancellationToken ct)
    {
        if (LearnerCourse.ParsePhase(phase) is not { } p) return NotFound();
        var outcome = await take.HandleAsync(User.ToStaffContext().UserId, slug, p, Answers, ct);
        return await this.PresentAsync(outcome, taken =>
        {
            var (lc, score) = (taken.Learner, taken.Score);
            if (p == TestPhase.Before)
            {
                TempData["Success"] = $"Thank you. You scored {score.Correct} out of {score.Total}. You will take the same test at the end of the course.";
                return Redirect(lc.Content.Lessons.FirstOrDefault() is { } first ? lc.Href($"/lessons/{first.Key}") : lc.Href());
            }
            TempData[score.Passed ? "Success" : "Result"] = score.Passed
                ? $"You passed with {score.Percent}% ({score.Correct} out of {score.Total})"
                : $"You scored {score.Percent}% ({score.Correct} out of {score.Total}). The pass mark is {lc.Content.PassMarkPercent}%.";
            return Redirect(lc.Href("/tests/after"));
        }, () => LoadAsync(slug, phase, ct), prefix: "");
    }

    private async Task<bool> LoadAsync(string slug, string phaseSlug, CancellationToken ct)
    {
        if (LearnerCourse.ParsePhase(phaseSlug) is not { } phase) return false;
        var lc = await LearnerCourse.LoadAsync(db, User.ToStaffContext().UserId, slug, ct);
        if (lc is null) return false;
        Learner = lc;
        Phase = phase;
        Latest = lc.Attempts.LastOrDefault(a => a.Phase == phase);
        Closed = TakeKnowledgeTest.WhyClosed(lc, phase);
        return true;
    }
}
