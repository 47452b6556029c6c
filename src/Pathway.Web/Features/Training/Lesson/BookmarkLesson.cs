using Microsoft.EntityFrameworkCore;
using Pathway.Data;

namespace Pathway.Web.Features.Training.Lesson;

/// <summary>Remembers the lesson a learner opened, for "Continue". Not audited: a bookmark, not a record of learning.</summary>
public sealed class BookmarkLesson(PathwayDbContext db)
{
    public async Task HandleAsync(LearnerCourse lc, string lessonKey, CancellationToken ct)
    {
        if (lc.Enrolment is not { } e || lc.IsCompleted || e.LastLessonKey == lessonKey) return;
        // A lost race here only loses a bookmark.
        await db.Enrolments.Where(x => x.Id == e.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastLessonKey, lessonKey), ct);
    }
}
