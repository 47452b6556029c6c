using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.KnowledgeCheck;

/// <summary>
/// The short check at the end of a module (<see cref="AnswerKnowledgeCheck"/>); the saved answers are then shown with
/// whether they were right and why.
/// </summary>
[Audited(AuditActions.Training.CheckAnswer)]
public sealed class KnowledgeCheckModel(PathwayDbContext db, AnswerKnowledgeCheck answer) : PageModel
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
        var outcome = await answer.HandleAsync(User.ToStaffContext().UserId, slug, moduleKey, Answers, ct);
        return await this.PresentAsync(outcome, done =>
        {
            TempData["Success"] = $"Answers saved. You got {done.Right} of {done.Module.KnowledgeCheck.Count} right: see the feedback under each question.";
            return Redirect(done.Learner.Href($"/checks/{moduleKey}#feedback"));
        }, () => LoadAsync(slug, moduleKey, ct), prefix: "");
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
