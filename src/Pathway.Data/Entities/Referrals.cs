using Pathway.Domain.Referrals;

namespace Pathway.Data.Entities;

/// <summary>
/// A request from probation for the PD service's help with one case, and that episode's place on the care pathway.
/// A case has at most one open referral; a new one may be made once the last has ended. Making a referral sets the
/// case's <see cref="CaseRecord.ReferredToServiceOn"/>, which is what lets the service's psychologists see the case.
/// </summary>
public sealed class Referral : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public CaseRecord? Case { get; set; }

    public Guid ReferredById { get; set; }
    public StaffUser? ReferredBy { get; set; }
    public DateTimeOffset ReferredAt { get; set; }

    public required string Reason { get; set; }
    public required string Questions { get; set; }
    public string? ConcernsBehaviour { get; set; }
    public string? ConcernsEmotions { get; set; }
    public string? ConcernsThinking { get; set; }
    public string? ConcernsRelationships { get; set; }
    public ReferralUrgency Urgency { get; set; }
    public SharingBasis SharingBasis { get; set; }
    public LawfulBasis? LawfulBasis { get; set; }
    public string? LawfulBasisNote { get; set; }

    public Guid? AllocatedPsychologistId { get; set; }
    public StaffUser? AllocatedPsychologist { get; set; }
    public DateTimeOffset? AllocatedAt { get; set; }

    /// <summary>Where the referral is now; <see cref="StageChanges"/> holds how it got there.</summary>
    public PathwayStage Stage { get; set; }
    public DateTimeOffset StageEnteredAt { get; set; }
    /// <summary>Set when the referral reaches a terminal stage, so "open" is a simple indexed test.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    public List<PathwayStageChange> StageChanges { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>One move on the pathway, append-only. The first row of a referral has no <see cref="From"/>.</summary>
public sealed class PathwayStageChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReferralId { get; set; }
    public PathwayStage? From { get; set; }
    public PathwayStage To { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ById { get; set; }
    public StaffUser? By { get; set; }
    public string? Reason { get; set; }
}

/// <summary>An outreach consultation about a case: who came, what was asked and advised, what was agreed.</summary>
public sealed class Consultation : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid ReferralId { get; set; }
    public DateOnly HeldOn { get; set; }
    public string? Questions { get; set; }
    public required string Advice { get; set; }
    public DateOnly? NextConsultationOn { get; set; }
    public Guid RecordedById { get; set; }
    public StaffUser? RecordedBy { get; set; }

    public List<ConsultationAttendee> Attendees { get; set; } = [];
    public List<ConsultationAction> Actions { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>Someone at a consultation: a Pathway user (<see cref="StaffUserId"/>) or a named person from elsewhere.</summary>
public sealed class ConsultationAttendee
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ConsultationId { get; set; }
    public Guid? StaffUserId { get; set; }
    public StaffUser? StaffUser { get; set; }
    /// <summary>The name of someone who is not a Pathway user.</summary>
    public string? Name { get; set; }
    public AttendeeRole Role { get; set; }
    /// <summary>Their role and agency as written, for people who are not Pathway users.</summary>
    public string? Details { get; set; }
}

/// <summary>An action agreed at a consultation, with an owner and a due date. Overdue ones show on the owner's home page.</summary>
public sealed class ConsultationAction : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ConsultationId { get; set; }
    public Guid CaseId { get; set; }
    public required string Description { get; set; }
    public Guid OwnerId { get; set; }
    public StaffUser? Owner { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public Guid? CompletedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}
