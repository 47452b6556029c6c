using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Admin.Users;

/// <summary>
/// The account after a change (<c>Changed</c> is false when it already was as asked), or as it now stands when the
/// change was a conflict, with the words that say which conflict.
/// </summary>
public sealed record StaffAccountChanged(StaffUser User, bool Changed, string? ConflictMessage = null);

/// <summary>
/// What the account-changing handlers share: UserManager saves as it goes, so its steps and the staged audit row run in
/// one explicit transaction (all saved, or none), and a failure becomes an outcome the page can show.
/// </summary>
public static class StaffAccountSteps
{
    public const string ChangedAtTheSameTime =
        "Someone else changed this account at the same time. Nothing has been saved. Check the details below and try again.";

    public static async Task<List<StaffRole>> RolesAsync(UserManager<StaffUser> users, StaffUser user) =>
        (await users.GetRolesAsync(user)).Select(r => Enum.TryParse<StaffRole>(r, out var sr) ? sr : (StaffRole?)null)
            .OfType<StaffRole>().Order().ToList();

    /// <summary>Runs the steps and saves; a concurrency failure is a conflict (with the account as it now stands), any other an error.</summary>
    public static async Task<Outcome<StaffAccountChanged>> InTransactionAsync(PathwayDbContext db, UserManager<StaffUser> users, StaffUser user,
        Func<Task<IdentityResult>> steps, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        IdentityResult result;
        try
        {
            result = await steps();
            if (result.Succeeded) await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            result = IdentityResult.Failed(users.ErrorDescriber.ConcurrencyFailure());
        }
        if (result.Succeeded)
        {
            await tx.CommitAsync(ct);
            return new StaffAccountChanged(user, true);
        }
        await tx.RollbackAsync(ct);
        db.ChangeTracker.Clear();
        if (await users.FindByIdAsync(user.Id.ToString()) is not { } current) return Outcome.NotFound<StaffAccountChanged>();
        return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
            ? Outcome.Conflict(new StaffAccountChanged(current, false, ChangedAtTheSameTime))
            : Outcome.Invalid<StaffAccountChanged>([new FieldError("", "Nothing has been saved: " + string.Join(" ", result.Errors.Select(e => e.Description)))]);
    }
}
