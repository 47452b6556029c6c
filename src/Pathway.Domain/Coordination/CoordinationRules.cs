using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;
using Pathway.Domain.Staff;
using Pathway.Domain.Validation;

namespace Pathway.Domain.Coordination;

/// <summary>A co-ordination group meeting's life: planned, then held, then its minutes approved (and read-only).</summary>
public enum MeetingStatus
{
    Planned = 0,
    Held = 1,
    MinutesApproved = 2,
}

/// <summary>What an agenda item is about: one person's case (shared on a recorded basis) or how the services work together.</summary>
public enum AgendaItemKind
{
    CaseDiscussion = 0,
    ServiceDevelopment = 1,
}

public enum GroupActionStatus
{
    Open = 0,
    Done = 1,
    Dropped = 2,
}

/// <summary>
/// Who may use the service co-ordination group's records. The PD service runs the group; the service manager reads its
/// non-case business; probation, police, approved-premises and partner-agency staff read only while they are an active
/// representative of a member organisation. Case discussions are further limited, item by item, to those who may read
/// the case (<see cref="Access.CaseAccessRules"/>).
/// </summary>
public static class CoordinationRoles
{
    /// <summary>Read the group's records: <see cref="RoleSets.CliniciansAndManagers"/> always, <see cref="RoleSets.CoordinationMemberReaders"/>
    /// only while linked to an active representative. The reader policy admits <see cref="RoleSets.CoordinationReaders"/>; this then decides.</summary>
    public static bool CanRead(IEnumerable<StaffRole> roles, bool isActiveRepresentative) =>
        roles.Any(r => RoleSets.CliniciansAndManagers.Contains(r) || (isActiveRepresentative && RoleSets.CoordinationMemberReaders.Contains(r)));

    /// <summary>Keep the membership, meetings, minutes and actions: the clinical lead and psychologists (<see cref="RoleSets.Clinicians"/>).</summary>
    public static bool CanAdminister(IEnumerable<StaffRole> roles) => roles.Any(RoleSets.Clinicians.Contains);

    /// <summary>
    /// Who may mark an action done, dropped or open again: the group's administrators, and the action's own owner — the
    /// member of staff it was given to, or the staff user linked to the representative it was given to.
    /// </summary>
    public static bool CanSetActionStatus(IEnumerable<StaffRole> roles, bool ownsAction) => ownsAction || CanAdminister(roles);
}

/// <summary>The group's pure rules: the meeting state machine, the basis for sharing a case, overdue actions.</summary>
public static class CoordinationRules
{
    public const int TitleMax = 200;
    public const int TextMax = 8000;
    public const int NoteMax = 1000;
    public const int ActionMax = 1000;

    /// <summary>Planned → held (on or after the meeting date) → minutes approved. Nothing moves back: approved minutes are the record.</summary>
    public static string? CheckMove(MeetingStatus from, MeetingStatus to, DateOnly meetingOn, DateOnly today) => (from, to) switch
    {
        (MeetingStatus.Planned, MeetingStatus.Held) when meetingOn > today => "A meeting cannot be recorded as held before its date",
        (MeetingStatus.Planned, MeetingStatus.Held) => null,
        (MeetingStatus.Held, MeetingStatus.MinutesApproved) => null,
        (MeetingStatus.MinutesApproved, _) => "The minutes are approved and can no longer be changed",
        _ => $"A {DisplayName(from).ToLowerInvariant()} meeting cannot move to {DisplayName(to).ToLowerInvariant()}",
    };

    /// <summary>Once the minutes are approved the meeting, its attendance, agenda items and new actions are read-only.</summary>
    public static bool IsReadOnly(MeetingStatus status) => status == MeetingStatus.MinutesApproved;

    public static bool IsOverdue(GroupActionStatus status, DateOnly dueOn, DateOnly today) => status == GroupActionStatus.Open && dueOn < today;

    public static bool IsActive(DateOnly from, DateOnly? leftOn, DateOnly on) => from <= on && (leftOn is null || leftOn > on);

    /// <summary>
    /// A case may be discussed only on a recorded basis: whether the person agreed (consent under the common-law duty of
    /// confidentiality, with the date, not in the future) or why it is shared without their agreement; and the lawful
    /// basis under data protection law, which applies either way (a note when it is "another basis").
    /// </summary>
    public static IReadOnlyList<FieldError> CheckSharingBasis(SharingBasis? basis, LawfulBasis? lawful, string? note, DateOnly? consentOn, DateOnly today)
    {
        var errors = new List<FieldError>();
        switch (basis)
        {
            case null:
                errors.Add(new("SharingBasis", "Choose whether the person agrees to their information being shared with the group"));
                break;
            case SharingBasis.AgreedToSharing when consentOn is null:
                errors.Add(new("ConsentOn", "Enter the date the person agreed"));
                break;
            case SharingBasis.AgreedToSharing when consentOn > today:
                errors.Add(new("ConsentOn", "The date the person agreed must be today or in the past"));
                break;
            case SharingBasis.SharedWithoutAgreement when string.IsNullOrWhiteSpace(note):
                errors.Add(new("LawfulBasisNote", "Explain why the information is shared without the person's agreement"));
                break;
        }
        if (lawful == LawfulBasis.Other && string.IsNullOrWhiteSpace(note) && basis != SharingBasis.SharedWithoutAgreement)
            errors.Add(new("LawfulBasisNote", "Explain the lawful basis in the note"));
        if (note is { Length: > NoteMax }) errors.Add(new("LawfulBasisNote", $"The note must be {NoteMax} characters or fewer"));
        return errors;
    }

    public static string DisplayName(MeetingStatus s) => s switch
    {
        MeetingStatus.Planned => "Planned",
        MeetingStatus.Held => "Held",
        MeetingStatus.MinutesApproved => "Minutes approved",
        _ => s.ToString(),
    };

    public static string DisplayName(GroupActionStatus s) => s switch
    {
        GroupActionStatus.Open => "Open",
        GroupActionStatus.Done => "Done",
        GroupActionStatus.Dropped => "Dropped",
        _ => s.ToString(),
    };

    public static string DisplayName(AgendaItemKind k) => k switch
    {
        AgendaItemKind.CaseDiscussion => "Case discussion",
        AgendaItemKind.ServiceDevelopment => "Service development",
        _ => k.ToString(),
    };
}
