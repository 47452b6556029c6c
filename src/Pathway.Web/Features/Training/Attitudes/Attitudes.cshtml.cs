using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Training;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.Attitudes;

/// <summary>
/// The attitudes questionnaire: once when the learner starts, once after they pass the test at the end. Each statement
/// is answered on a 5-point agreement scale; subscale means (reversed items reverse-scored) are stored with the answers.
/// </summary>
[Audited("training.attitudes.submit")]
public sealed class AttitudesModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
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
        if (!await LoadAsync(slug, phase, ct)) return NotFound();
        ModelState.Clear();
        if (Closed is not null)
        {
            ModelState.AddModelError(string.Empty, Closed);
            return Page();
        }
        var values = Answers.ToDictionary(a => a.Key,
            a => int.TryParse(a.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)(string.IsNullOrEmpty(a.Value) ? null : 0));
        var problems = AttitudeScoring.Validate(Learner.Content.Attitudes, values);
        if (problems.Count > 0)
        {
            foreach (var (key, message) in problems) ModelState.AddModelError($"Answers[{key}]", message);
            return Page();
        }
        var scores = AttitudeScoring.Score(Learner.Content.Attitudes, values);
        var row = new AttitudeResponse
        {
            EnrolmentId = Learner.Enrolment!.Id, Phase = Phase, TakenAt = clock.GetUtcNow(),
            AnswersJson = CourseDocument.SerializeAnswers(Learner.Content.Attitudes.Items.ToDictionary(i => i.Key, i => values[i.Key]!.Value)),
            ScoresJson = CourseDocument.SerializeScores(scores),
        };
        db.AttitudeResponses.Add(row);
        audit.Add(Phase == TestPhase.Before ? "training.attitudes.before" : "training.attitudes.after", "AttitudeResponse", row.Id, null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, "You have already answered this questionnaire");
            return Page();
        }
        TempData["Success"] = "Thank you. Your answers have been saved.";
        return Redirect(Phase == TestPhase.Before ? Learner.Href("/tests/before") : Learner.Href());
    }

    private async Task<bool> LoadAsync(string slug, string phaseSlug, CancellationToken ct)
    {
        if (LearnerCourse.ParsePhase(phaseSlug) is not { } phase) return false;
        var lc = await LearnerCourse.LoadAsync(db, User.ToStaffContext().UserId, slug, ct);
        if (lc is null) return false;
        Learner = lc;
        Phase = phase;
        Closed = !lc.IsEnrolled ? "Start the course before you answer this questionnaire"
            : lc.AttitudePhases.Contains(phase) ? "You have already answered this questionnaire"
            : phase == TestPhase.After && lc.Progress.BestPostTest?.Passed != true ? "This questionnaire opens when you have passed the knowledge test at the end of the course"
            : null;
        return true;
    }
}
