using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Coordination;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Coordination.Meetings;

/// <summary>
/// Moves a meeting on, from <see cref="MeetingStatusModel"/> or <c>POST /api/v1/coordination-group/meetings/{id}/status</c>:
/// planned → held → minutes approved (after which it is read-only, and the approver and time are recorded). The moves
/// allowed are <see cref="CoordinationRules.CheckMove"/>'s. Answers the meeting's id.
/// </summary>
public sealed class ChangeMeetingStatus(PathwayDbContext db, AuditLog audit, TimeProvider clock, IHttpContextAccessor http)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid id, MeetingStatus? to, int? version, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var errors = unreadable.ToList();
        var m = await db.GroupMeetings.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return Outcome.NotFound<Guid>();
        if (version is null) errors.Add(new("Version", "Send the version of the meeting you are changing"));
        if (to is null) errors.Add(new("Status", "Choose what the meeting moves to: held or minutesApproved"));
        else if (CoordinationRules.CheckMove(m.Status, to.Value, m.MeetingOn, GroupChanges.Today(clock)) is { } why) errors.Add(new("Status", why));
        if (errors.Count > 0) return GroupChanges.Invalid(errors);
        db.Entry(m).Property(x => x.Version).OriginalValue = version!.Value;
        m.Status = to!.Value;
        if (m.Status == MeetingStatus.MinutesApproved) (m.ApprovedById, m.ApprovedAt) = (http.HttpContext!.User.ToStaffContext().UserId, clock.GetUtcNow());
        audit.Add(null, "GroupMeeting", m.Id, null, reason: Api.Name(m.Status));
        return await GroupChanges.SaveAsync(db, m.Id, ct);
    }
}
