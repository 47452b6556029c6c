using Microsoft.EntityFrameworkCore;
using Pathway.Data.Training;

namespace Pathway.Data.Seeding;

/// <summary>
/// Training records for generated staff: about three in four enrolled on the first course, two thirds of those completed,
/// with pre- and post-test scores and questionnaires, so the training dashboards have national-scale data.
/// </summary>
public static class SyntheticTraining
{
    public static async Task<int> GenerateAsync(PathwayDbContext db, IReadOnlyList<Guid> staffIds, Random rng, DateTimeOffset now, CancellationToken ct)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == CourseContentFiles.FirstCourseSlug, ct);
        if (course?.CurrentVersionId is not { } versionId) return 0;
        var content = CourseDocument.Deserialize((await db.CourseVersions.AsNoTracking().FirstAsync(v => v.Id == versionId, ct)).ContentJson);
        var items = content.ItemBank.Count;
        var enrolled = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var chunk in staffIds.Chunk(500))
        {
            foreach (var userId in chunk)
            {
                if (rng.NextDouble() >= 0.75) continue;
                enrolled++;
                var start = now.AddDays(-rng.Next(5, 700));
                var pre = rng.Next(items / 4, items * 3 / 4 + 1);
                var before = rng.Next(2, 4);
                if (rng.NextDouble() < 0.67)
                {
                    var post = Math.Min(items, pre + rng.Next(0, items / 2 + 1));
                    TrainingDemoSeed.Completed(db, content, userId, course.Id, versionId, start, pre, post, before, Math.Min(5, before + rng.Next(0, 3)));
                }
                else
                {
                    var e = TrainingDemoSeed.Enrol(db, userId, course.Id, versionId, start);
                    TrainingDemoSeed.Attitudes(db, content, e.Id, Domain.Training.TestPhase.Before, before, start);
                    TrainingDemoSeed.Test(db, content, e.Id, Domain.Training.TestPhase.Before, pre, start);
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return enrolled;
    }
}
