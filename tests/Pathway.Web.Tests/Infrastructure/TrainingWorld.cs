using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Staff;

namespace Pathway.Web.Tests.Infrastructure;

/// <summary>Training records the authorization matrix opens by id: a face-to-face session (not case data, so one id for every scope).</summary>
public static class TrainingWorld
{
    public static async Task<IReadOnlyDictionary<string, ScopedIds>> AddAsync(PathwayDbContext db, IReadOnlyDictionary<string, ScopedIds> ids,
        IReadOnlyDictionary<StaffRole, StaffUser> byRole, DateTimeOffset now)
    {
        var course = await db.Courses.OrderBy(c => c.Title).FirstAsync();
        var coordinator = byRole[StaffRole.TrainingCoordinator].Id;
        var session = new TrainingSession
        {
            CourseId = course.Id, TrainerId = coordinator, Venue = "World training room", StartsAt = now.AddDays(14), EndsAt = now.AddDays(14).AddHours(6),
            Capacity = 10, CreatedById = coordinator, CreatedAt = now,
        };
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync();
        return new Dictionary<string, ScopedIds>(ids) { ["sessionId"] = new(session.Id, session.Id, session.Id) };
    }
}
