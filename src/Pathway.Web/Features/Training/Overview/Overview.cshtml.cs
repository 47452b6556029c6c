using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.Overview;

/// <summary>
/// A course's overview and the learner's task list. Starting the course pins the learner to the current version;
/// completing it is refused, with a list of what is missing, until every requirement is met.
/// </summary>
[Audited("training.enrolment")]
public sealed class OverviewModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public LearnerCourse Learner { get; private set; } = null!;
    public IReadOnlyList<string> Missing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var lc = await LearnerCourse.LoadAsync(db, User.ToStaffContext().UserId, slug, ct);
        if (lc is null) return NotFound();
        Learner = lc;
        return Page();
    }

    public async Task<IActionResult> OnPostEnrolAsync(string slug, CancellationToken ct)
    {
        var userId = User.ToStaffContext().UserId;
        var lc = await LearnerCourse.LoadAsync(db, userId, slug, ct);
        if (lc is null) return NotFound();
        if (lc.IsEnrolled && !lc.IsCompleted) return Redirect(lc.ResumeHref());
        if (lc.Course.CurrentVersionId is not { } current) return NotFound();

        var enrolment = new Enrolment
        {
            UserId = userId, CourseId = lc.Course.Id, CourseVersionId = current, Attempt = (lc.Enrolment?.Attempt ?? 0) + 1,
            EnrolledAt = clock.GetUtcNow(),
        };
        db.Enrolments.Add(enrolment);
        audit.Add("training.enrol", "Enrolment", enrolment.Id, null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A second "Start course" for the same attempt lost the race: the first one's enrolment stands.
            db.ChangeTracker.Clear();
        }
        return Redirect(lc.Href("/attitudes/before"));
    }

    public async Task<IActionResult> OnPostCompleteAsync(string slug, CancellationToken ct)
    {
        var lc = await LearnerCourse.LoadAsync(db, User.ToStaffContext().UserId, slug, ct, track: true);
        if (lc is null) return NotFound();
        Learner = lc;
        if (!lc.IsEnrolled)
        {
            ModelState.AddModelError(string.Empty, "Start the course before you complete it");
            return Page();
        }
        if (lc.IsCompleted) return Redirect(lc.Href());
        Missing = CompletionRules.Missing(lc.Content, lc.Progress);
        if (Missing.Count > 0)
        {
            ModelState.AddModelError(string.Empty, "You cannot complete this course yet. " + string.Join(". ", Missing) + ".");
            return Page();
        }
        lc.Enrolment!.CompletedAt = clock.GetUtcNow();
        audit.Add("training.complete", "Enrolment", lc.Enrolment.Id, null, reason: $"post-test {lc.BestPostTest?.Percent}%");
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"You have completed {lc.Content.Title}";
        return Redirect(lc.Href("/evaluation"));
    }
}
