using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Coordination;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Coordination.Meetings;

public sealed record MeetingDetails(DateOnly? MeetingOn, Guid? ChairId, IReadOnlyList<Guid> Attended, IReadOnlyList<Guid> Apologies);

/// <summary>
/// Plans a meeting (no id) or records its date, chair, attendees and apologies, from <see cref="EditMeetingModel"/> or
/// the API. Attendees and apologies must be representatives on the meeting's date, the chair one of the attendees;
/// once the minutes are approved the meeting refuses changes. Answers the meeting's id.
/// </summary>
public sealed class SaveGroupMeeting(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid? id, MeetingDetails d, int? version, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var errors = unreadable.ToList();
        GroupMeeting? m = null;
        if (id is { } existing && (m = await db.GroupMeetings.Include(x => x.Attendance).FirstOrDefaultAsync(x => x.Id == existing, ct)) is null)
            return Outcome.NotFound<Guid>();
        if (m is not null && version is null) errors.Add(new("Version", "Send the version of the meeting you are changing"));
        if (m is not null && GroupChanges.ReadOnly(m, errors)) return GroupChanges.Invalid(errors);
        if (d.MeetingOn is null) errors.Add(new("MeetingOn", "Enter the date of the meeting"));
        var people = d.Attended.Concat(d.Apologies).Append(d.ChairId ?? Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        var reps = await db.GroupRepresentatives.AsNoTracking().Where(r => people.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        bool Member(Guid rep) => reps.TryGetValue(rep, out var r) && (d.MeetingOn is not { } on || CoordinationRules.IsActive(r.ActiveFrom, r.LeftOn, on));
        if (d.Attended.Any(a => !Member(a))) errors.Add(new("Attended", "Attendees must be representatives of member organisations on the date of the meeting"));
        if (d.Apologies.Any(a => !Member(a))) errors.Add(new("Apologies", "Apologies must come from representatives of member organisations on the date of the meeting"));
        if (d.Attended.Intersect(d.Apologies).Any()) errors.Add(new("Apologies", "Someone cannot both attend and send apologies"));
        if (d.ChairId is { } chair && !d.Attended.Contains(chair)) errors.Add(new("ChairId", "The chair must be one of the attendees"));
        if (errors.Count > 0) return GroupChanges.Invalid(errors);
        if (m is null)
        {
            m = new GroupMeeting { CreatedAt = clock.GetUtcNow(), Status = MeetingStatus.Planned };
            db.GroupMeetings.Add(m);
        }
        else
        {
            db.Entry(m).Property(x => x.Version).OriginalValue = version!.Value;
            db.GroupAttendance.RemoveRange(m.Attendance);
            m.Attendance.Clear();
            // Attendance rows are replaced, not edited: make sure the meeting row itself changes, so a stale version is caught.
            db.Entry(m).State = EntityState.Modified;
        }
        (m.MeetingOn, m.ChairId) = (d.MeetingOn!.Value, d.ChairId);
        foreach (var a in d.Attended.Distinct()) m.Attendance.Add(new GroupAttendance { MeetingId = m.Id, RepresentativeId = a });
        foreach (var a in d.Apologies.Distinct()) m.Attendance.Add(new GroupAttendance { MeetingId = m.Id, RepresentativeId = a, Apologies = true });
        audit.Add(null, "GroupMeeting", m.Id, null);
        return await GroupChanges.SaveAsync(db, m.Id, ct);
    }
}
