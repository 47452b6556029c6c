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
        await SessionsAsync(db, course.Id, staffIds, new Random(rng.Next()), now, ct);
        return enrolled;
    }

    /// <summary>Face-to-face sessions over the past year and the next two months: about one per 15 staff, 16 places, mostly full.</summary>
    private static async Task SessionsAsync(PathwayDbContext db, Guid courseId, IReadOnlyList<Guid> staffIds, Random rng, DateTimeOffset now, CancellationToken ct)
    {
        if (staffIds.Count == 0) return;
        var count = Math.Max(1, staffIds.Count / 15);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < count; i++)
        {
            var start = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(rng.Next(-365, 60)).AddHours(9);
            var trainer = staffIds[rng.Next(staffIds.Count)];
            var session = new Entities.TrainingSession
            {
                CourseId = courseId, TrainerId = trainer, CreatedById = trainer, Venue = $"Training room {rng.Next(1, 9)}", StartsAt = start, EndsAt = start.AddHours(6),
                Capacity = 16, CreatedAt = start.AddDays(-30),
            };
            var booked = rng.Next(8, 17);
            var people = Enumerable.Range(0, booked + 2).Select(_ => staffIds[rng.Next(staffIds.Count)]).Distinct().ToList();
            var past = start < now;
            for (var j = 0; j < people.Count; j++)
            {
                var gotPlace = j < booked;
                db.SessionBookings.Add(new Entities.SessionBooking
                {
                    SessionId = session.Id, UserId = people[j], Status = gotPlace ? Domain.Training.BookingStatus.Booked : Domain.Training.BookingStatus.Waiting,
                    RequestedAt = start.AddDays(-20 + j), BookedAt = gotPlace ? start.AddDays(-20 + j) : null,
                    Attended = past && gotPlace ? rng.NextDouble() < 0.9 : null,
                });
            }
            session.BookedCount = Math.Min(booked, people.Count);
            db.TrainingSessions.Add(session);
            if (i % 200 == 199) { await db.SaveChangesAsync(ct); db.ChangeTracker.Clear(); }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }
}
