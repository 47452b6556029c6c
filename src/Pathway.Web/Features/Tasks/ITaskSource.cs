using Pathway.Data.Entities;
using Pathway.Domain.Access;

namespace Pathway.Web.Features.Tasks;

/// <summary>
/// What a task source is asked: the viewer, the cases they may read (<see cref="Visible"/>, from
/// <c>CaseAccess.VisibleAsync</c>), and whose work to find (<see cref="People"/>: the viewer alone, or the people of their
/// team for the team view). Work that waits for a role (for example referrals to allocate) is found when the viewer
/// holds that role.
/// </summary>
public sealed record TaskScope(StaffContext Who, IQueryable<CaseRecord> Visible, IReadOnlyList<Guid> People, DateOnly Today, DateTimeOffset Now)
{
    public bool Has(Guid? person) => person is { } p && People.Contains(p);
}

/// <summary>
/// One area's contribution to "Waiting for you". A source reads its own records (a few queries, <c>AsNoTracking</c>,
/// no query per row), applies the area's own rules, and writes nothing: the task list writes one read row for the whole list.
/// </summary>
public interface ITaskSource
{
    Task<IReadOnlyList<WorkItem>> FindAsync(TaskScope scope, CancellationToken ct);
}
