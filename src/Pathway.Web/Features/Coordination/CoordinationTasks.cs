using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pathway.Data;
using Pathway.Domain.Coordination;
using Pathway.Web.Features.Tasks;

namespace Pathway.Web.Features.Coordination;

/// <summary>
/// Open co-ordination group actions, overdue or due within <see cref="TaskOptions.DueSoonDays"/>, for their owner: a member
/// of staff, or the staff user linked to the owning representative (while that link is active). An action about a case
/// is listed only when the viewer may read the case, as on the group's pages.
/// </summary>
public sealed class CoordinationTasks(PathwayDbContext db, IOptions<TaskOptions> options) : ITaskSource
{
    public async Task<IReadOnlyList<WorkItem>> FindAsync(TaskScope s, CancellationToken ct)
    {
        var soon = s.Today.AddDays(options.Value.DueSoonDays);
        var people = s.People;
        var anyone = s.Anyone;
        var visible = s.Visible;
        var today = s.Today;
        var reps = await db.GroupRepresentatives.AsNoTracking()
            .Where(r => r.StaffUserId != null && (anyone || people.Contains(r.StaffUserId.Value)) && r.ActiveFrom <= today && (r.LeftOn == null || r.LeftOn > today))
            .Select(r => new { r.Id, User = r.StaffUserId!.Value }).ToListAsync(ct);
        var repIds = reps.Select(r => (Guid?)r.Id).ToList();
        var actions = await db.GroupActions.AsNoTracking()
            .Where(a => a.Status == GroupActionStatus.Open && a.DueOn <= soon
                && (anyone
                    ? a.CaseId != null && visible.Any(c => c.Id == a.CaseId)
                    : (a.OwnerStaffUserId != null && people.Contains(a.OwnerStaffUserId.Value)) || repIds.Contains(a.OwnerRepresentativeId)))
            .Select(a => new { a.Id, a.CaseId, a.Description, a.DueOn, a.CreatedAt, a.OwnerStaffUserId, a.OwnerRepresentativeId })
            .OrderBy(a => a.DueOn).Take(200).ToListAsync(ct);
        var caseIds = actions.Select(a => a.CaseId).OfType<Guid>().Distinct().ToList();
        var cases = caseIds.Count == 0 ? [] : await s.Visible.Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.GivenName, c.FamilyName, c.Crn }).ToDictionaryAsync(c => c.Id, ct);
        var items = new List<WorkItem>();
        foreach (var a in actions)
        {
            CaseLabel? label = null;
            if (a.CaseId is { } c)
            {
                if (!cases.TryGetValue(c, out var v)) continue;
                label = TaskRows.Case(v.Id, v.GivenName, v.FamilyName, v.Crn);
            }
            var owner = a.OwnerStaffUserId ?? reps.FirstOrDefault(r => r.Id == a.OwnerRepresentativeId)?.User;
            items.Add(new(TaskKind.CoordinationAction, a.Id.ToString(), a.Description, $"/coordination-group/actions/{a.Id}/status", label,
                owner, null, TaskRows.Day(a.CreatedAt), a.DueOn, CoordinationRules.IsOverdue(GroupActionStatus.Open, a.DueOn, today)));
        }
        return items;
    }
}
