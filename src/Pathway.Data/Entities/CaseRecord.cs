using Pathway.Domain.Cases;

namespace Pathway.Data.Entities;

/// <summary>A person on licence and the facts that decide who may see their case.</summary>
public sealed class CaseRecord : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Crn { get; set; }
    public string? PncNumber { get; set; }
    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }

    /// <summary>Lower-cased names kept for indexed, case-insensitive prefix search on both providers.</summary>
    public string GivenNameSearch { get; set; } = "";
    public string FamilyNameSearch { get; set; } = "";

    public DateOnly DateOfBirth { get; set; }
    public Gender Gender { get; set; }
    public Ethnicity Ethnicity { get; set; }

    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? TownOrCity { get; set; }
    public string? Postcode { get; set; }

    /// <summary>Whether the person is registered with a GP: some local services take only people who are. Null: not known.</summary>
    public bool? RegisteredWithGp { get; set; }

    /// <summary>Set while the person lives in an approved premises; its staff then see the case.</summary>
    public Guid? ApprovedPremisesId { get; set; }
    public Team? ApprovedPremises { get; set; }

    public RoshLevel RoshLevel { get; set; }
    public MappaCategory MappaCategory { get; set; }
    public MappaLevel MappaLevel { get; set; }
    public RiskFlag Flags { get; set; }

    public Guid TeamId { get; set; }
    public Team? Team { get; set; }
    public Guid? OffenderManagerId { get; set; }
    public StaffUser? OffenderManager { get; set; }
    public Guid? PsychologistId { get; set; }
    public StaffUser? Psychologist { get; set; }
    /// <summary>The approved-premises member of staff who is this person's keyworker while they live there.</summary>
    public Guid? ApKeyworkerId { get; set; }
    public StaffUser? ApKeyworker { get; set; }

    /// <summary>When the case was referred to the PD service; psychologists see referred cases.</summary>
    public DateOnly? ReferredToServiceOn { get; set; }

    /// <summary>A limited-access case: only <see cref="NamedStaff"/> may see it.</summary>
    public bool IsRestricted { get; set; }

    /// <summary>
    /// The person has registered the NHS national data opt-out: their records are left out of the evaluation (figures,
    /// CSVs and the pack). It changes nothing about their care or who may see the case. Set by the clinical lead, audited.
    /// </summary>
    public bool NationalDataOptOut { get; set; }

    public List<CaseShare> Shares { get; set; } = [];
    public List<CaseNamedStaff> NamedStaff { get; set; } = [];
    public List<Licence> Licences { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public string FullName => $"{GivenName} {FamilyName}";
    public string ListName => $"{FamilyName}, {GivenName}";

    public void RefreshSearchColumns()
    {
        GivenNameSearch = GivenName.Trim().ToLowerInvariant();
        FamilyNameSearch = FamilyName.Trim().ToLowerInvariant();
    }
}

/// <summary>A case shared with a police public-protection unit.</summary>
public sealed class CaseShare
{
    public Guid CaseId { get; set; }
    public Guid TeamId { get; set; }
    public Team? Team { get; set; }
    public DateTimeOffset SharedAt { get; set; }
    public Guid? SharedById { get; set; }
}

/// <summary>A member of staff named on a restricted case.</summary>
public sealed class CaseNamedStaff
{
    public Guid CaseId { get; set; }
    public Guid UserId { get; set; }
    public StaffUser? User { get; set; }
}
