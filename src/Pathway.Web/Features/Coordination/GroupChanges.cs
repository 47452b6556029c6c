using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Coordination;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Forms;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Coordination;

/// <summary>
/// What every change to the co-ordination group shares: a field is reported once (a field that failed to parse is not
/// reported again as missing), a meeting whose minutes are approved refuses changes, and a save against an older
/// version changes nothing. The handlers answer the changed record's id; callers read it back through
/// <see cref="CoordinationGroup"/>, so case items stay filtered for the reader exactly as on every other read.
/// </summary>
internal static class GroupChanges
{
    public static Outcome<Guid> Invalid(IEnumerable<FieldError> errors) => Outcome.Invalid<Guid>(errors.DistinctBy(e => e.Field).ToList());

    /// <summary>Adds the refusal and answers true when the meeting's minutes are approved (the meeting is read-only).</summary>
    public static bool ReadOnly(GroupMeeting m, List<FieldError> errors)
    {
        if (!CoordinationRules.IsReadOnly(m.Status)) return false;
        errors.Add(new("Meeting", $"The minutes of the meeting on {Display.Date(m.MeetingOn)} are approved: the meeting is read-only"));
        return true;
    }

    /// <summary>Saves the change and its audit row together; someone else's save in between is a conflict and nothing is saved.</summary>
    public static async Task<Outcome<Guid>> SaveAsync(PathwayDbContext db, Guid id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return id;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(id);
        }
    }

    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
