using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Lesson;

/// <summary>
/// A lesson of the learner's pinned course version. Opening it remembers where to resume (<see cref="BookmarkLesson"/>);
/// "Mark as complete" (<see cref="CompleteLesson"/>) records it and moves on to the next lesson, or to the module's
/// knowledge check after its last lesson.
/// </summary>
[Audited(AuditActions.Training.LessonComplete)]
public sealed class LessonModel(PathwayDbContext db, CompleteLesson complete, BookmarkLesson bookmark) : PageModel
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
        await bookmark.HandleAsync(Learner, lessonKey, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string lessonKey, CancellationToken ct)
    {
        var outcome = await complete.HandleAsync(User.ToStaffContext().UserId, slug, lessonKey, ct);
        return await this.PresentAsync(outcome, lc =>
        {
            Show(lc, lessonKey);
            var lastInModule = Module.Lessons[^1].Key == lessonKey;
            if (lastInModule && Module.KnowledgeCheck.Count > 0) return Redirect(lc.Href($"/checks/{Module.Key}"));
            return Redirect(Next is { } n ? lc.Href($"/lessons/{n.Key}") : lc.Href());
        }, () => LoadAsync(slug, lessonKey, ct), prefix: "");
    }

    private async Task<bool> LoadAsync(string slug, string lessonKey, CancellationToken ct)
    {
        var lc = await LearnerCourse.LoadAsync(db, User.ToStaffContext().UserId, slug, ct);
        if (lc?.Content.Lesson(lessonKey) is null) return false;
        Show(lc, lessonKey);
        return true;
    }

    private void Show(LearnerCourse lc, string lessonKey)
    {
        Learner = lc;
        Lesson = lc.Content.Lesson(lessonKey)!;
        Module = lc.Content.ModuleOf(lessonKey)!;
        var all = lc.Content.Lessons.ToList();
        var i = all.FindIndex(l => l.Key == lessonKey);
        Previous = i > 0 ? all[i - 1] : null;
        Next = i < all.Count - 1 ? all[i + 1] : null;
        Completed = lc.Progress.CompletedLessons.Contains(lessonKey);
    }
}
