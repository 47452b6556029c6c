using Pathway.Domain.Coordination;
using Pathway.Domain.Referrals;

namespace Pathway.Data.Entities;

/// <summary>
/// An organisation's membership of the service co-ordination group: a directory organisation, or (with no organisation)
/// the PD service itself. Members are never deleted; one that leaves gets <see cref="LeftOn"/>.
/// </summary>
public sealed class GroupMember : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The directory organisation; null means the PD service itself.</summary>
    public Guid? OrganisationId { get; set; }
    public DirectoryOrganisation? Organisation { get; set; }
    public DateOnly JoinedOn { get; set; }
    public DateOnly? LeftOn { get; set; }
    public List<GroupRepresentative> Representatives { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A person who represents a member organisation at the group, optionally linked to their Pathway account.</summary>
public sealed class GroupRepresentative : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MemberId { get; set; }
    public GroupMember? Member { get; set; }
    public required string Name { get; set; }
    /// <summary>Their role or job title, for example "Service manager".</summary>
    public required string Title { get; set; }
    public string? Email { get; set; }
    /// <summary>Their Pathway account, if they have one: it lets them read the group's records and see their actions.</summary>
    public Guid? StaffUserId { get; set; }
    public DateOnly ActiveFrom { get; set; }
    public DateOnly? LeftOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A meeting of the group. Once its minutes are approved the meeting, its attendance and agenda are read-only.</summary>
public sealed class GroupMeeting : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateOnly MeetingOn { get; set; }
    /// <summary>The representative who chaired.</summary>
    public Guid? ChairId { get; set; }
    public MeetingStatus Status { get; set; }
    public Guid? ApprovedById { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public List<GroupAttendance> Attendance { get; set; } = [];
    public List<GroupAgendaItem> Items { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>One representative at a meeting: present, or sent apologies.</summary>
public sealed class GroupAttendance
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public Guid RepresentativeId { get; set; }
    public bool Apologies { get; set; }
}

/// <summary>
/// An agenda item with its minutes and decisions. A case discussion names a case and the basis on which it was shared
/// (consent with its date, or a lawful basis); it is shown only to people who may read that case.
/// </summary>
public sealed class GroupAgendaItem : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public int Number { get; set; }
    public AgendaItemKind Kind { get; set; }
    public required string Title { get; set; }
    public Guid? CaseId { get; set; }
    public SharingBasis? SharingBasis { get; set; }
    public LawfulBasis? LawfulBasis { get; set; }
    public string? LawfulBasisNote { get; set; }
    public DateOnly? ConsentOn { get; set; }
    public string? Minutes { get; set; }
    public string? Decisions { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// An action agreed at a meeting, owned by a representative or a member of staff. An action under a case discussion
/// carries the case id so it is hidden exactly as the item is.
/// </summary>
public sealed class GroupAction : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public Guid? AgendaItemId { get; set; }
    public Guid? CaseId { get; set; }
    public required string Description { get; set; }
    public Guid? OwnerRepresentativeId { get; set; }
    public Guid? OwnerStaffUserId { get; set; }
    public DateOnly DueOn { get; set; }
    public GroupActionStatus Status { get; set; }
    public DateOnly? StatusOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}
