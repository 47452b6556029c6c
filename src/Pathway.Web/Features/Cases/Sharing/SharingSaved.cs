using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Cases.Sharing;

/// <summary>
/// What a change to who may see a case answers: the case, whether anything changed (sending what is already saved changes
/// nothing), and the name of the person named or removed. A conflict carries the case as saved now, with its shares and
/// named staff.
/// </summary>
public sealed record SharingSaved(CaseRecord Case, bool Changed, string? Person = null)
{
    /// <summary>
    /// Saves a sharing change and its audit row. Someone else changing the same sharing between our load and save (a share
    /// or a name added twice) fails the save: nothing of ours is kept, and the outcome is a conflict.
    /// </summary>
    public static async Task<Outcome<SharingSaved>> SaveAsync(PathwayDbContext db, SharingSaved done, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return done;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var fresh = await db.Cases.AsNoTracking().Include(x => x.Shares).Include(x => x.NamedStaff).AsSplitQuery().FirstAsync(x => x.Id == done.Case.Id, ct);
            return Outcome.Conflict(new SharingSaved(fresh, Changed: false));
        }
    }
}
