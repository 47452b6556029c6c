using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Coordination;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Coordination.Actions;

/// <summary>
/// Marks a group action done or dropped (or open again), from <see cref="ActionStatusModel"/> or the API. Allowed after
/// the minutes are approved: it is follow-up, not the minutes. An action on a case the person may not read does not
/// exist for them: 404 and a denied row. The group's administrators may change any action; anyone else only an action
/// they own (<see cref="CoordinationRoles.CanSetActionStatus"/>), or it does not exist for them either (404 and a denied row). Answers the action's id.
/// </summary>
public sealed class SetGroupActionStatus(PathwayDbContext db, CoordinationGroup group, AuditLog audit, TimeProvider clock)
{

    public async Task<Outcome<Guid>> HandleAsync(Guid id, GroupActionStatus? status, int? version, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var errors = unreadable.ToList();
        var a = await db.GroupActions.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return Outcome.NotFound<Guid>();
        if (a.CaseId is { } c && (await group.VisibleCasesAsync([c], ct)).Count == 0)
        {
            await audit.DeniedAsync("GroupAction", a.Id, c, ct);
            return Outcome.NotFound<Guid>();
        }
        if (version is null) errors.Add(new("Version", "Send the version of the action you are changing"));
        if (status is null && !errors.Any(e => e.Field == "Status")) errors.Add(new("Status", "Choose the action's status: open, done or dropped"));
        if (errors.Count > 0) return GroupChanges.Invalid(errors);
        if (!await group.CanSetStatusAsync(a, ct))
        {
            await audit.DeniedAsync("GroupAction", a.Id, a.CaseId, ct);
            return Outcome.NotFound<Guid>();
        }
        db.Entry(a).Property(x => x.Version).OriginalValue = version!.Value;
        a.Status = status!.Value;
        a.StatusOn = GroupChanges.Today(clock);
        audit.Add(null, "GroupAction", a.Id, a.CaseId, reason: Api.Name(a.Status));
        return await GroupChanges.SaveAsync(db, a.Id, ct);
    }
}
