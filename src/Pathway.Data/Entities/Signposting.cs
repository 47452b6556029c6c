using Pathway.Domain.Assessments;
using Pathway.Domain.Cases;
using Pathway.Domain.Signposting;

namespace Pathway.Data.Entities;

/// <summary>An organisation in the service directory: a charity, GP practice, mental-health trust, council team…</summary>
public sealed class DirectoryOrganisation : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public Sector Sector { get; set; }
    public string? Website { get; set; }
    /// <summary>The partner-organisation team whose Pathway users receive this organisation's referrals, if it has one.</summary>
    public Guid? PartnerTeamId { get; set; }
    public Team? PartnerTeam { get; set; }
    public List<DirectoryService> Services { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// One service an organisation offers: which assessed needs it meets, who it will take (<see cref="Eligibility"/>), how to
/// refer, and how fresh the entry is. Entries are never deleted: a service that stops is closed to referrals, so past
/// referrals keep their service.
/// </summary>
public sealed class DirectoryService : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public DirectoryOrganisation? Organisation { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public List<NeedArea> NeedsMet { get; set; } = [];

    public List<Gender> Genders { get; set; } = [];
    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }
    public List<string> AreasServed { get; set; } = [];
    public List<string> AreasExcluded { get; set; } = [];
    public RoshLevel? RoshCeiling { get; set; }
    public RiskFlag Exclusions { get; set; }
    public bool RequiresGpRegistration { get; set; }
    /// <summary>Anything else staff should know about who the service takes, in words.</summary>
    public string? OtherEligibility { get; set; }

    public required string ReferralRoute { get; set; }
    public string? Contact { get; set; }
    public int? WaitingWeeks { get; set; }
    public bool OpenToReferrals { get; set; } = true;
    public DateOnly? LastVerifiedOn { get; set; }
    public Guid? LastVerifiedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public Eligibility Eligibility => new(new HashSet<Gender>(Genders), MinimumAge, MaximumAge, AreasServed, AreasExcluded, RoshCeiling, Exclusions, RequiresGpRegistration);

    public ServiceListing ToListing() =>
        new(Id, Name, Organisation?.Name ?? "", new HashSet<NeedArea>(NeedsMet), Eligibility, OpenToReferrals, WaitingWeeks, LastVerifiedOn);
}

/// <summary>
/// A referral of a person to a directory service for one assessed need. The partner agency that runs the service sees
/// only <see cref="ReasonForReferral"/>, <see cref="StaffSafetySummary"/>, the person's name, date of birth and
/// <see cref="ContactRoute"/> — the minimum needed to act — and records its answer and attendance.
/// </summary>
public sealed class SignpostingReferral : IVersioned, ICaseOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid ServiceId { get; set; }
    public DirectoryService? Service { get; set; }
    public NeedArea Need { get; set; }
    /// <summary>Written to be shared with the service: why this person, why now, what they hope for.</summary>
    public required string ReasonForReferral { get; set; }
    /// <summary>What the service's staff need to stay safe, written to be shared (no offence detail beyond that).</summary>
    public string? StaffSafetySummary { get; set; }
    /// <summary>How the service should contact the person (for example "via their offender manager", or a phone number).</summary>
    public required string ContactRoute { get; set; }
    /// <summary>The person agreed to the referral and to this information being shared with the service.</summary>
    public bool PersonConsented { get; set; }

    public SignpostingReferralStatus Status { get; set; }
    public DateOnly StatusOn { get; set; }
    public DateOnly? ReferredOn { get; set; }
    public DateOnly? FirstAttendedOn { get; set; }
    public Guid CreatedById { get; set; }
    public List<SignpostingReferralEvent> Events { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>One move of a signposting referral, append-only: what it moved to, the date it happened, who recorded it.</summary>
public sealed class SignpostingReferralEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReferralId { get; set; }
    public SignpostingReferralStatus? From { get; set; }
    public SignpostingReferralStatus To { get; set; }
    public DateOnly On { get; set; }
    public string? Reason { get; set; }
    public Guid ById { get; set; }
    public bool ByPartner { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>An assessed need that no service in the directory could meet for this person when it was recorded.</summary>
public sealed class UnmetNeed : ICaseOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public NeedArea Need { get; set; }
    /// <summary>The person's postcode district when recorded (for "unmet needs by area"), or null if they had none.</summary>
    public string? District { get; set; }
    public DateOnly RecordedOn { get; set; }
    public Guid RecordedById { get; set; }
    /// <summary>When a later referral for the need was made; the need stays counted for the period it was unmet.</summary>
    public DateOnly? MetOn { get; set; }
}
