using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Staff;

namespace Pathway.Web.Features.Tasks;

/// <summary>
/// What a task source is asked: the viewer, the cases they may read (<see cref="Visible"/>, from
/// <c>CaseAccess.VisibleAsync</c>), and whose work to find (<see cref="People"/>: the viewer alone, or the people of their
/// team for the team view). Work that waits for a role (for example referrals to allocate) is found when the viewer
/// holds that role.
/// </summary>
public sealed record TaskScope(StaffContext Who, IQueryable<CaseRecord> Visible, IReadOnlyList<Guid> People, DateOnly Today, DateTimeOffset Now)
{
    /// <summary>
    /// Set for one case's status (its overview): the work on the cases in <see cref="Visible"/> waiting for anyone.
    /// <see cref="People"/> is then not used, work that waits for a role is found whatever the viewer's role (except
    /// oversight of the viewer's colleagues, such as emergency access), and work that is not about a case is not looked for.
    /// </summary>
    public bool Anyone { get; init; }

    public bool Has(Guid? person) => person is { } p && (Anyone || People.Contains(p));

    /// <summary>Whether to look for work that waits for whoever holds <paramref name="role"/>.</summary>
    public bool ForRole(StaffRole role) => Anyone || Who.IsIn(role);

    /// <summary>Whether to look for work that waits for whoever holds one of <paramref name="roles"/>.</summary>
    public bool ForRoles(IReadOnlySet<StaffRole> roles) => Anyone || Who.IsInAny(roles);
}

/// <summary>
/// One area's contribution to "Waiting for you". A source reads its own records (a few queries, <c>AsNoTracking</c>,
/// no query per row), applies the area's own rules, and writes nothing: the task list writes one read row for the whole list.
/// </summary>
public interface ITaskSource
{
    Task<IReadOnlyList<WorkItem>> FindAsync(TaskScope scope, CancellationToken ct);
}
