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
