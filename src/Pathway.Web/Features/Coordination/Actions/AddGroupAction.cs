using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Events;
using Pathway.Domain.Coordination;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Coordination.Actions;

public sealed record GroupActionDetails(string? Description, Guid? AgendaItemId, Guid? OwnerRepresentativeId, Guid? OwnerStaffUserId, DateOnly? DueOn);

/// <summary>
/// Records an action agreed at a meeting, from <see cref="NewActionModel"/> or
/// <c>POST /api/v1/coordination-group/meetings/{id}/actions</c>: what, exactly one owner (a representative or a member
/// of staff), when, and the agenda item it came from — which, for a case discussion, must be on a case the author may
/// read; the action then carries that case. Answers the action's id.
/// </summary>
public sealed class AddGroupAction(PathwayDbContext db, CoordinationGroup group, AuditLog audit, TimeProvider clock, DomainEvents events)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid meetingId, GroupActionDetails d, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var errors = unreadable.ToList();
        var m = await db.GroupMeetings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == meetingId, ct);
        if (m is null) return Outcome.NotFound<Guid>();
        if (GroupChanges.ReadOnly(m, errors)) return GroupChanges.Invalid(errors);
        if (string.IsNullOrWhiteSpace(d.Description)) errors.Add(new("Description", "Describe the action"));
        else if (d.Description.Trim().Length > CoordinationRules.ActionMax) errors.Add(new("Description", $"The action must be {CoordinationRules.ActionMax} characters or fewer"));
        if (d.DueOn is null && !errors.Any(e => e.Field == "DueOn")) errors.Add(new("DueOn", "Enter the date the action is due"));
        if ((d.OwnerRepresentativeId is null) == (d.OwnerStaffUserId is null))
        {
            if (!errors.Any(e => e.Field == "Owner")) errors.Add(new("Owner", "Choose one owner for the action: a representative or a member of staff"));
        }
        else if (d.OwnerRepresentativeId is { } rep && !await db.GroupRepresentatives.AnyAsync(r => r.Id == rep, ct))
            errors.Add(new("Owner", "Choose a representative of a member organisation"));
        else if (d.OwnerStaffUserId is { } staff && !await db.Users.AnyAsync(u => u.Id == staff, ct))
            errors.Add(new("Owner", "Choose a member of staff"));
        Guid? caseId = null;
        if (d.AgendaItemId is { } itemId)
        {
            var item = await db.GroupAgendaItems.AsNoTracking().FirstOrDefaultAsync(x => x.Id == itemId && x.MeetingId == meetingId, ct);
            if (item is null || (item.CaseId is { } c && (await group.VisibleCasesAsync([c], ct)).Count == 0))
                errors.Add(new("AgendaItemId", "Choose an item on this meeting's agenda, or none"));
            else caseId = item.CaseId;
        }
        if (errors.Count > 0) return GroupChanges.Invalid(errors);
        var a = new GroupAction
        {
            MeetingId = meetingId, AgendaItemId = d.AgendaItemId, CaseId = caseId, Description = d.Description!.Trim(),
            OwnerRepresentativeId = d.OwnerRepresentativeId, OwnerStaffUserId = d.OwnerStaffUserId, DueOn = d.DueOn!.Value,
            Status = GroupActionStatus.Open, CreatedAt = clock.GetUtcNow(),
        };
        db.GroupActions.Add(a);
        audit.Add(null, "GroupAction", a.Id, caseId);
        if (a.OwnerStaffUserId is { } owner)
            events.Raise(DomainEventTypes.CoordinationActionAssigned, caseId, null, "/coordination-group/actions", new { groupActionId = a.Id, ownerId = owner });
        return await GroupChanges.SaveAsync(db, a.Id, ct);
    }
}
