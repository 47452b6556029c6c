using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.KnowledgeCheck;

/// <summary>
/// The short check at the end of a module. Every question must be answered with one of its options; the saved answers
/// are then shown with whether they were right and why. Answering again replaces the earlier answers.
/// </summary>
[Audited("training.check.answer")]
public sealed class KnowledgeCheckModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty] public Dictionary<string, string?> Answers { get; set; } = [];
    public LearnerCourse Learner { get; private set; } = null!;
    public CourseModule Module { get; private set; } = null!;
    public CourseModule? NextModule { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string moduleKey, CancellationToken ct)
    {
        if (!await LoadAsync(slug, moduleKey, ct)) return NotFound();
        Answers = Module.KnowledgeCheck.ToDictionary(q => q.Key, q => Learner.CheckAnswers.TryGetValue(q.Key, out var a) ? a.OptionKey : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string moduleKey, CancellationToken ct)
    {
        if (!await LoadAsync(slug, moduleKey, ct)) return NotFound();
        ModelState.Clear();
        if (Learner.Enrolment is not { } enrolment)
        {
            ModelState.AddModelError(string.Empty, "Start the course before you answer its knowledge checks");
            return Page();
        }
        var problems = KnowledgeTestScoring.Validate(Module.KnowledgeCheck, Answers);
        if (problems.Count > 0)
        {
            foreach (var (key, message) in problems) ModelState.AddModelError($"Answers[{key}]", message);
            return Page();
        }
        var now = clock.GetUtcNow();
        var keys = Module.KnowledgeCheck.Select(q => q.Key).ToList();
        var existing = await db.CheckAnswers.Where(a => a.EnrolmentId == enrolment.Id && keys.Contains(a.QuestionKey)).ToDictionaryAsync(a => a.QuestionKey, ct);
        foreach (var q in Module.KnowledgeCheck)
        {
            var chosen = Answers[q.Key]!;
            if (existing.TryGetValue(q.Key, out var row))
            {
                row.OptionKey = chosen;
                row.IsCorrect = chosen == q.CorrectOption;
                row.AnsweredAt = now;
            }
            else
            {
                db.CheckAnswers.Add(new CheckAnswer { EnrolmentId = enrolment.Id, QuestionKey = q.Key, OptionKey = chosen, IsCorrect = chosen == q.CorrectOption, AnsweredAt = now });
            }
        }
        audit.Add(null, "Enrolment", enrolment.Id, null, reason: Module.Key);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // the same answers sent twice at once; the first stands
        }
        var right = Module.KnowledgeCheck.Count(q => Answers[q.Key] == q.CorrectOption);
        TempData["Success"] = $"Answers saved. You got {right} of {Module.KnowledgeCheck.Count} right: see the feedback under each question.";
        return Redirect(Learner.Href($"/checks/{moduleKey}#feedback"));
    }

    private async Task<bool> LoadAsync(string slug, string moduleKey, CancellationToken ct)
    {
        var lc = await LearnerCourse.LoadAsync(db, User.ToStaffContext().UserId, slug, ct);
        if (lc?.Content.Module(moduleKey) is not { } module || module.KnowledgeCheck.Count == 0) return false;
        Learner = lc;
        Module = module;
        var modules = lc.Content.Modules.ToList();
        var i = modules.FindIndex(m => m.Key == moduleKey);
        NextModule = i < modules.Count - 1 ? modules[i + 1] : null;
        return true;
    }
}
