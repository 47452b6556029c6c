using Pathway.Domain.Staff;

namespace Pathway.Web.Features.Tasks;

/// <summary>
/// One piece of work waiting for someone, derived from the area's own records each time it is asked for (nothing is
/// stored, so a task cannot drift from the work: it disappears when the work is done). <see cref="Case"/> is filled only
/// when the viewer may read the case. The task waits for a person (<see cref="WaitsForPersonId"/>) or for whoever holds a
/// role (<see cref="WaitsForRole"/>), for example any clinical lead for an unallocated referral.
/// </summary>
public sealed record WorkItem(
    TaskKind Kind,
    string Id,
    string Title,
    string Link,
    CaseLabel? Case,
    Guid? WaitsForPersonId,
    StaffRole? WaitsForRole,
    DateOnly Since,
    DateOnly? DueOn,
    bool Overdue)
{
    /// <summary>The name of the person it waits for, filled in by <see cref="TaskList"/> for the team view.</summary>
    public string? WaitsForName { get; init; }
}

/// <summary>The person a task is about, as the viewer may see them.</summary>
public sealed record CaseLabel(Guid CaseId, string Name, string Crn)
{
    public override string ToString() => $"{Name} ({Crn})";
}
