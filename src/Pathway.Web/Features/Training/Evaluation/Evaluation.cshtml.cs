using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.Evaluation;

/// <summary>The course evaluation (Kirkpatrick level 1, reaction), once the learner has completed the course.</summary>
[Audited("training.evaluation.submit")]
public sealed class EvaluationModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<(string Field, string Question)> Questions =
    [
        (nameof(Relevance), "The course was relevant to my work"),
        (nameof(Clarity), "The lessons were clear and easy to follow"),
        (nameof(Confidence), "I feel more confident working with people with a personality disorder"),
        (nameof(Recommend), "I would recommend this course to a colleague"),
    ];

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
        if (!await LoadAsync(slug, ct)) return NotFound();
        ModelState.Clear();
        if (Closed is not null)
        {
            ModelState.AddModelError(string.Empty, Closed);
            return Page();
        }
        var ratings = new Dictionary<string, int>();
        foreach (var (field, question) in Questions)
        {
            if (int.TryParse(Value(field), out var v) && v is >= 1 and <= 5) ratings[field] = v;
            else ModelState.AddModelError(field, $"Select how much you agree: {question.ToLowerInvariant()}");
        }
        var comments = Comments?.Trim();
        if (comments?.Length > 2000) ModelState.AddModelError(nameof(Comments), "Comments must be 2,000 characters or fewer");
        if (!ModelState.IsValid) return Page();

        var row = new CourseEvaluation
        {
            EnrolmentId = Learner.Enrolment!.Id, Relevance = ratings[nameof(Relevance)], Clarity = ratings[nameof(Clarity)],
            Confidence = ratings[nameof(Confidence)], Recommend = ratings[nameof(Recommend)],
            Comments = string.IsNullOrEmpty(comments) ? null : comments, SubmittedAt = clock.GetUtcNow(),
        };
        db.CourseEvaluations.Add(row);
        audit.Add(null, "Enrolment", row.EnrolmentId, null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
        TempData["Success"] = "Thank you for your feedback";
        return Redirect("/training");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var lc = await LearnerCourse.LoadAsync(db, User.ToStaffContext().UserId, slug, ct);
        if (lc is null) return false;
        Learner = lc;
        Closed = !lc.IsCompleted ? "You can give feedback when you have completed the course"
            : lc.Evaluated ? "You have already given feedback on this course. Thank you"
            : null;
        return true;
    }
}
