using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.Lesson;

/// <summary>
/// A lesson of the learner's pinned course version. Opening it remembers where to resume; "Mark as complete" records it
/// and moves on to the next lesson, or to the module's knowledge check after its last lesson.
/// </summary>
[Audited("training.lesson.complete")]
public sealed class LessonModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public LearnerCourse Learner { get; private set; } = null!;
    public CourseModule Module { get; private set; } = null!;
    public Domain.Training.Lesson Lesson { get; private set; } = null!;
    public Domain.Training.Lesson? Previous { get; private set; }
    public Domain.Training.Lesson? Next { get; private set; }
    public bool Completed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string lessonKey, CancellationToken ct)
    {
        if (!await LoadAsync(slug, lessonKey, ct)) return NotFound();
        if (Learner.Enrolment is { } e && !Learner.IsCompleted && e.LastLessonKey != lessonKey)
        {
            // Remember the place for "Continue"; a lost race here only loses a bookmark.
            await db.Enrolments.Where(x => x.Id == e.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastLessonKey, lessonKey), ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string lessonKey, CancellationToken ct)
    {
        if (!await LoadAsync(slug, lessonKey, ct)) return NotFound();
        if (Learner.Enrolment is not { } enrolment)
        {
            ModelState.AddModelError(string.Empty, "Start the course before you mark lessons as complete");
            return Page();
        }
        if (!Completed)
        {
            db.LessonProgress.Add(new LessonProgress { EnrolmentId = enrolment.Id, LessonKey = lessonKey, CompletedAt = clock.GetUtcNow() });
            audit.Add(null, "Enrolment", enrolment.Id, null, reason: lessonKey);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // marked complete twice at once: once is enough
            }
        }
        var lastInModule = Module.Lessons[^1].Key == lessonKey;
        if (lastInModule && Module.KnowledgeCheck.Count > 0) return Redirect(Learner.Href($"/checks/{Module.Key}"));
        return Redirect(Next is { } n ? Learner.Href($"/lessons/{n.Key}") : Learner.Href());
    }

    private async Task<bool> LoadAsync(string slug, string lessonKey, CancellationToken ct)
    {
        var lc = await LearnerCourse.LoadAsync(db, User.ToStaffContext().UserId, slug, ct);
        if (lc?.Content.Lesson(lessonKey) is not { } lesson) return false;
        Learner = lc;
        Lesson = lesson;
        Module = lc.Content.ModuleOf(lessonKey)!;
        var all = lc.Content.Lessons.ToList();
        var i = all.FindIndex(l => l.Key == lessonKey);
        Previous = i > 0 ? all[i - 1] : null;
        Next = i < all.Count - 1 ? all[i + 1] : null;
        Completed = lc.Progress.CompletedLessons.Contains(lessonKey);
        return true;
    }
}
