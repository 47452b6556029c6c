using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Training;

namespace Pathway.Data.Training;

/// <summary>
/// The staff groups and the first course, as reference data every installation has: the course is published as
/// version 1 and required of every group. Idempotent: adds only what is missing, never touches what coordinators changed.
/// </summary>
public static class TrainingSeed
{
    public static async Task EnsureAsync(PathwayDbContext db, CancellationToken ct = default)
    {
        var now = DateTimeOffset.UtcNow;
        var groups = await db.StaffGroups.Select(g => g.Key).ToListAsync(ct);
        var added = StaffGroups.Defaults.Where(d => !groups.Contains(d.Key))
            .Select(d => new StaffGroup { Key = d.Key, Name = d.Name, CreatedAt = now }).ToList();
        db.StaffGroups.AddRange(added);

        var shipped = CourseContentFiles.Load(CourseContentFiles.FirstCourseSlug);
        if (!await db.Courses.AnyAsync(c => c.Slug == shipped.Slug, ct))
        {
            var course = new Course { Slug = shipped.Slug, Title = shipped.Content.Title, RefresherMonths = shipped.RefresherMonths, CreatedAt = now };
            var v1 = new CourseVersion
            {
                CourseId = course.Id, Number = 1, Status = CourseVersionStatus.Published, ContentJson = CourseDocument.Serialize(shipped.Content),
                CreatedAt = now, PublishedAt = now,
            };
            db.Courses.Add(course);
            db.CourseVersions.Add(v1);
            await db.SaveChangesAsync(ct);
            course.CurrentVersionId = v1.Id;
            var allGroups = await db.StaffGroups.Select(g => g.Id).ToListAsync(ct);
            db.StaffGroupRequirements.AddRange(allGroups.Select(g => new StaffGroupRequirement { GroupId = g, CourseId = course.Id }));
        }
        await db.SaveChangesAsync(ct);
    }
}
