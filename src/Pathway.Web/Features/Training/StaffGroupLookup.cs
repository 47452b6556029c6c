using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Training;

namespace Pathway.Web.Features.Training;

/// <summary>The training group a member of staff belongs to: a coordinator's override, or the group their role implies.</summary>
public static class StaffGroupLookup
{
    public static async Task<StaffGroup> ForAsync(PathwayDbContext db, StaffContext who, CancellationToken ct)
    {
        var overridden = await db.StaffTrainingGroups.AsNoTracking().Where(g => g.UserId == who.UserId)
            .Join(db.StaffGroups, o => o.GroupId, g => g.Id, (o, g) => g.Key).FirstOrDefaultAsync(ct);
        var key = StaffGroups.Resolve(who.Roles, overridden);
        return await db.StaffGroups.AsNoTracking().FirstAsync(g => g.Key == key, ct);
    }
}
