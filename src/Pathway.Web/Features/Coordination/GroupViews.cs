using Pathway.Domain.Coordination;

namespace Pathway.Web.Features.Coordination;

/// <summary>A representative as listed under their organisation.</summary>
public sealed record RepresentativeView(Guid Id, Guid MemberId, string Name, string Title, string? Email, Guid? StaffUserId, string? StaffUserName,
    DateOnly ActiveFrom, DateOnly? LeftOn, bool Active, int Version);

/// <summary>A member organisation: a directory organisation, or the PD service itself (no organisation id).</summary>
public sealed record MemberView(Guid Id, Guid? OrganisationId, string Name, string Sector, DateOnly JoinedOn, DateOnly? LeftOn, bool Active,
    IReadOnlyList<RepresentativeView> Representatives, int Version);

/// <summary>
/// An agenda item as this reader may see it. A case discussion on a case they may not read is <see cref="Restricted"/>:
/// its title is "Case discussion (restricted)" and it carries no case id, name, CRN, basis, minutes or decisions.
/// </summary>
public sealed record ItemView(Guid Id, Guid MeetingId, int Number, AgendaItemKind Kind, bool Restricted, string Title, Guid? CaseId, string? Person,
    string? Crn, string? Basis, string? Minutes, string? Decisions, int Version)
{
    public const string RestrictedTitle = "Case discussion (restricted)";
}

/// <summary>An action as this reader may see it; one under a restricted case discussion has its description withheld.</summary>
public sealed record ActionView(Guid Id, Guid MeetingId, DateOnly MeetingOn, Guid? AgendaItemId, bool Restricted, string Description, string Owner,
    Guid? OwnerStaffUserId, DateOnly DueOn, GroupActionStatus Status, bool Overdue, int Version)
{
    public const string RestrictedDescription = "Action on a restricted case discussion";

    /// <summary>The member of staff who owns the action: its staff owner, or the user linked to its owning representative.</summary>
    public Guid? OwnerUserId { get; init; }
}

public sealed record MeetingSummary(Guid Id, DateOnly MeetingOn, MeetingStatus Status, int Items, int OpenActions, int OverdueActions);

public sealed record MeetingView(Guid Id, DateOnly MeetingOn, MeetingStatus Status, Guid? ChairId, string? Chair,
    IReadOnlyList<(Guid Id, string Name)> Attended, IReadOnlyList<(Guid Id, string Name)> Apologies,
    IReadOnlyList<ItemView> Items, IReadOnlyList<ActionView> Actions, DateTimeOffset? ApprovedAt, string? ApprovedBy, int Version)
{
    public bool ReadOnly => CoordinationRules.IsReadOnly(Status);
}
