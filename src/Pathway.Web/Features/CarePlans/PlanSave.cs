using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.CarePlans;

/// <summary>
/// How the care-plan handlers save: once, with the change and its audit row together. Every change moves the plan's
/// version on, so if anyone saved the plan (or the goal or action) since it was read, nothing is saved and the outcome
/// is a conflict carrying the record as it now stands, never a silent overwrite.
/// </summary>
public static class PlanSave
{
    /// <summary>The message a page shows beside the saved record when its change was stale.</summary>
    public const string ConflictMessage =
        "Someone else changed this care plan while you were working on it. Nothing has been saved: check the latest version, then make your change again";

    /// <summary>
    /// The plan with its texts, for a change that needs edit access to the case and sight of the plan (signing,
    /// countersigning); null — a 404, with <see cref="CarePlanAccess"/>'s denied row — when either is missing.
    /// </summary>
    public static async Task<CarePlan?> FindToChangeAsync(PathwayDbContext db, CarePlanAccess access, CaseContext c, Guid planId, CancellationToken ct) =>
        await access.CanEditAsync(c, "CarePlan", planId, ct) && await access.ViewAsync(c, ct, "CarePlan", planId) is { } pc
            ? await access.FindPlanAsync(db.CarePlans.Include(p => p.Texts), pc, planId, ct)
            : null;

    /// <summary>Saves the staged change; a stale version is a conflict with the current record from <paramref name="current"/>.</summary>
    public static async Task<Outcome<T>> SaveAsync<T>(PathwayDbContext db, T done, Func<Task<T>> current, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return done;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(await current());
        }
    }

    /// <summary>Marks the plan changed at the version the person read, so a stale reading fails the save.</summary>
    public static void Touch(PathwayDbContext db, CarePlan plan, int readVersion, DateTimeOffset now)
    {
        plan.UpdatedAt = now;
        db.Entry(plan).State = EntityState.Modified;
        db.Entry(plan).Property(p => p.Version).OriginalValue = readVersion;
    }

    public static Task<CarePlan> CurrentAsync(PathwayDbContext db, Guid planId, CancellationToken ct) =>
        db.CarePlans.AsNoTracking().FirstAsync(p => p.Id == planId, ct);

    /// <summary>A goal as saved now, with its status history oldest first.</summary>
    public static async Task<CarePlanGoal> CurrentGoalAsync(PathwayDbContext db, Guid goalId, CancellationToken ct)
    {
        var goal = await db.CarePlanGoals.AsNoTracking().Include(g => g.History).FirstAsync(g => g.Id == goalId, ct);
        goal.History = [.. goal.History.OrderBy(h => h.ChangedAt)];
        return goal;
    }

    public static Task<CarePlanAction> CurrentActionAsync(PathwayDbContext db, Guid actionId, CancellationToken ct) =>
        db.CarePlanActions.AsNoTracking().FirstAsync(a => a.Id == actionId, ct);

    /// <summary>Turns a handler's outcome about one record into one about what the caller shows (a DTO read afresh).</summary>
    public static async Task<Outcome<TOut>> MapAsync<T, TOut>(Outcome<T> outcome, Func<T, Task<TOut>> map) => outcome switch
    {
        Outcome<T>.Done d => await map(d.Value),
        Outcome<T>.Conflict c => Outcome.Conflict(await map(c.Current)),
        Outcome<T>.Invalid i => Outcome.Invalid<TOut>(i.Errors),
        _ => Outcome.NotFound<TOut>(),
    };
}
