using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Evaluation;

/// <summary>The course evaluation form for <see cref="SubmitEvaluation"/>, once the learner has completed the course.</summary>
[Audited(AuditActions.Training.EvaluationSubmit)]
public sealed class EvaluationModel(PathwayDbContext db, SubmitEvaluation submit) : PageModel
{
    public static IReadOnlyList<(string Field, string Question)> Questions => SubmitEvaluation.Questions;

    [BindProperty] public string? Relevance { get; set; }
    [BindProperty] public string? Clarity { get; set; }
    [BindProperty] public string? Confidence { get; set; }
    [BindProperty] public string? Recommend { get; set; }
    [BindProperty] public string? Comments { get; set; }
    public LearnerCourse Learner { get; private set; } = null!;
    public string? Closed { get; private set; }

    public string? Value(string field) => field switch
    {
        nameof(Relevance) => Relevance, nameof(Clarity) => Clarity, nameof(Confidence) => Confidence, _ => Recommend,
    };

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var answers = new EvaluationAnswers(Questions.ToDictionary(q => q.Field, q => Value(q.Field)), Comments);
        return await this.PresentAsync(await submit.HandleAsync(User.ToStaffContext().UserId, slug, answers, ct), _ =>
        {
            TempData["Success"] = "Thank you for your feedback";
            return Redirect("/training");
        }, () => LoadAsync(slug, ct), prefix: "");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var lc = await LearnerCourse.LoadAsync(db, User.ToStaffContext().UserId, slug, ct);
        if (lc is null) return false;
        Learner = lc;
        Closed = SubmitEvaluation.WhyClosed(lc);
        return true;
    }
}
