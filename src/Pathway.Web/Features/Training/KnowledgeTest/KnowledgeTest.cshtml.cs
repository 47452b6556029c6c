using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Training;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.KnowledgeTest;

/// <summary>
/// The knowledge test, before and after the course: the whole item bank of the learner's version, so the two scores
/// compare directly. The test at the start is taken once and its answers are not revealed (the same items come back at
/// the end). The test at the end opens when every lesson and check is done and may be retaken until passed.
/// </summary>
[Audited("training.test.submit")]
public sealed class KnowledgeTestModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
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
        if (!await LoadAsync(slug, phase, ct)) return NotFound();
        ModelState.Clear();
        if (Closed is not null)
        {
            ModelState.AddModelError(string.Empty, Closed);
            return Page();
        }
        var items = Learner.Content.ItemBank;
        var problems = KnowledgeTestScoring.Validate(items, Answers);
        if (problems.Count > 0)
        {
            foreach (var (key, message) in problems) ModelState.AddModelError($"Answers[{key}]", message);
            return Page();
        }
        var score = KnowledgeTestScoring.Score(items, Answers, Learner.Content.PassMarkPercent);
        var attempt = new KnowledgeTestAttempt
        {
            EnrolmentId = Learner.Enrolment!.Id, Phase = Phase, Correct = score.Correct, Total = score.Total, Percent = score.Percent,
            Passed = score.Passed, AnswersJson = CourseDocument.SerializeAnswers(Answers), TakenAt = clock.GetUtcNow(),
        };
        db.KnowledgeTestAttempts.Add(attempt);
        audit.Add(Phase == TestPhase.Before ? "training.test.before" : "training.test.after", "KnowledgeTestAttempt", attempt.Id, null,
            reason: $"{score.Percent}%");
        await db.SaveChangesAsync(ct);
        if (Phase == TestPhase.Before)
        {
            TempData["Success"] = $"Thank you. You scored {score.Correct} out of {score.Total}. You will take the same test at the end of the course.";
            return Redirect(Learner.Content.Lessons.FirstOrDefault() is { } first ? Learner.Href($"/lessons/{first.Key}") : Learner.Href());
        }
        TempData[score.Passed ? "Success" : "Result"] = score.Passed
            ? $"You passed with {score.Percent}% ({score.Correct} out of {score.Total})"
            : $"You scored {score.Percent}% ({score.Correct} out of {score.Total}). The pass mark is {Learner.Content.PassMarkPercent}%.";
        return Redirect(Learner.Href("/tests/after"));
    }

    private async Task<bool> LoadAsync(string slug, string phaseSlug, CancellationToken ct)
    {
        if (LearnerCourse.ParsePhase(phaseSlug) is not { } phase) return false;
        var lc = await LearnerCourse.LoadAsync(db, User.ToStaffContext().UserId, slug, ct);
        if (lc is null) return false;
        Learner = lc;
        Phase = phase;
        Latest = lc.Attempts.LastOrDefault(a => a.Phase == phase);
        Closed = !lc.IsEnrolled ? "Start the course before you take its knowledge test"
            : lc.IsCompleted ? "You have completed this course"
            : phase == TestPhase.Before && lc.PreTest is not null ? "You have already taken the knowledge test at the start of the course"
            : phase == TestPhase.After && lc.Progress.BestPostTest?.Passed == true ? "You have already passed the knowledge test"
            : phase == TestPhase.After && !CompletionRules.PostTestOpen(lc.Content, lc.Progress)
                ? "The knowledge test at the end opens when you have taken the test at the start and finished every lesson and knowledge check"
            : null;
        return true;
    }
}
