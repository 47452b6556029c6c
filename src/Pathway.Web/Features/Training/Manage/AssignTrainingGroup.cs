using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Manage;

/// <summary>Who was placed, and in which group (null: the group their role implies).</summary>
public sealed record TrainingGroupAssigned(string DisplayName, StaffGroup? Group);

/// <summary>
/// Places a member of staff (by email) in a training group other than the one their role implies, or (an empty group
/// key) back in that one.
/// </summary>
public sealed class AssignTrainingGroup(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<TrainingGroupAssigned>> HandleAsync(string? email, string? groupKey, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var typed = email?.Trim() ?? "";
        var user = typed.Length == 0 ? null : await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == typed.ToUpperInvariant(), ct);
        if (typed.Length == 0) errors.Add(new("Email", "Enter the email address of a member of staff"));
        else if (user is null) errors.Add(new("Email", "There is no member of staff with this email address"));
        var group = await db.StaffGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Key == groupKey, ct);
        if (groupKey != "" && group is null) errors.Add(new("GroupKey", "Select a training group"));
        if (errors.Count > 0) return Outcome.Invalid<TrainingGroupAssigned>(errors);

        var existing = await db.StaffTrainingGroups.FirstOrDefaultAsync(g => g.UserId == user!.Id, ct);
        if (group is null)
        {
            if (existing is not null) db.StaffTrainingGroups.Remove(existing);
        }
        else if (existing is null)
        {
            db.StaffTrainingGroups.Add(new StaffTrainingGroup { UserId = user!.Id, GroupId = group.Id, UpdatedAt = clock.GetUtcNow() });
        }
        else
        {
            existing.GroupId = group.Id;
            existing.UpdatedAt = clock.GetUtcNow();
        }
        audit.Add(AuditActions.Training.GroupAssign, "StaffUser", user!.Id, null, reason: group?.Key ?? "role default");
        await db.SaveChangesAsync(ct);
        return new TrainingGroupAssigned(user.DisplayName, group);
    }
}
