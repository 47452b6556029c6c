using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Training;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Manage.EditQuestion;

/// <summary>Edits a knowledge-check or knowledge-test question of a draft (<see cref="EditDraftQuestion"/>): its text, up to four answers, the correct one and feedback.</summary>
[Authorize(Policy = Policies.TrainingCoordinator)]
[Audited(AuditActions.Training.CourseUpdate)]
public sealed class EditQuestionModel(PathwayDbContext db, EditDraftQuestion edit) : PageModel
{
    public const int MaxOptions = 4;

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public List<string?> Options { get; set; } = [];
    [BindProperty] public string? Correct { get; set; }
    [BindProperty] public string? Feedback { get; set; }
    [BindProperty] public int Version { get; set; }
    public CourseDraft Course { get; private set; } = null!;
    public bool NoDraft { get; private set; }
    public bool InTest { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string questionKey, CancellationToken ct)
    {
        if (await CourseDraft.LoadAsync(db, slug, ct) is not { } d) return NotFound();
        Course = d;
        if (d.Content is null) { NoDraft = true; return Page(); }
        if (d.Content.Question(questionKey) is not { } q) return NotFound();
        InTest = d.Content.ItemBank.Any(x => x.Key == questionKey);
        Text = q.Text;
        // Options are re-keyed a, b, c, d in order when saved; show them in that order.
        Options = q.Options.Select(o => (string?)o.Text).Concat(Enumerable.Repeat<string?>(null, MaxOptions)).Take(Math.Max(MaxOptions, q.Options.Count)).ToList();
        Correct = CourseEditing.OptionKey(q.Options.ToList().FindIndex(o => o.Key == q.CorrectOption));
        Feedback = q.Feedback;
        Version = d.Draft!.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string questionKey, CancellationToken ct)
    {
        if (await CourseDraft.LoadAsync(db, slug, ct) is not { } d) return NotFound();
        Course = d;
        ModelState.Clear();
        if (d.Draft is null || d.Content?.Question(questionKey) is null) { NoDraft = d.Content is null; return NoDraft ? Page() : NotFound(); }
        InTest = d.Content.ItemBank.Any(x => x.Key == questionKey);
        while (Options.Count < MaxOptions) Options.Add(null);
        var outcome = await edit.HandleAsync(slug, questionKey, Version, new QuestionText(Text, Options, Correct, Feedback), ct);
        return await this.PresentAsync(outcome, saved =>
        {
            TempData["Success"] = "Question saved in the draft";
            return Redirect(saved.Href());
        }, () => ReloadAsync(slug, ct), prefix: "", conflict: _ => ModelState.AddModelError(string.Empty, CourseDraft.ConflictMessage));
    }

    /// <summary>A refused form shows the draft as it now stands and carries its current version.</summary>
    private async Task ReloadAsync(string slug, CancellationToken ct)
    {
        Course = (await CourseDraft.LoadAsync(db, slug, ct))!;
        Version = Course.Draft?.Version ?? 0;
    }
}
