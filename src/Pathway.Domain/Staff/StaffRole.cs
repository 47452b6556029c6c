namespace Pathway.Domain.Staff;

/// <summary>The roles a member of staff can hold. Role names are stored as text; never renumber.</summary>
public enum StaffRole
{
    Administrator,
    ClinicalLead,
    Psychologist,
    OffenderManager,
    SeniorProbationOfficer,
    PublicProtectionOfficer,
    ApprovedPremisesStaff,
    PartnerAgency,
    TrainingCoordinator,
    ServiceManager,
    /// <summary>A training-only account (for example staff of another agency): sees Training and nothing else.</summary>
    Learner,
}

public static class StaffRoles
{
    public const string Administrator = nameof(StaffRole.Administrator);
    public const string ClinicalLead = nameof(StaffRole.ClinicalLead);
    public const string Psychologist = nameof(StaffRole.Psychologist);
    public const string OffenderManager = nameof(StaffRole.OffenderManager);
    public const string SeniorProbationOfficer = nameof(StaffRole.SeniorProbationOfficer);
    public const string PublicProtectionOfficer = nameof(StaffRole.PublicProtectionOfficer);
    public const string ApprovedPremisesStaff = nameof(StaffRole.ApprovedPremisesStaff);
    public const string PartnerAgency = nameof(StaffRole.PartnerAgency);
    public const string TrainingCoordinator = nameof(StaffRole.TrainingCoordinator);
    public const string ServiceManager = nameof(StaffRole.ServiceManager);
    public const string Learner = nameof(StaffRole.Learner);

    /// <summary>Whether the role sees identifiable case data (<see cref="RoleSets.CaseData"/>); such roles must use two-factor sign-in.</summary>
    public static bool SeesCaseData(StaffRole role) => RoleSets.CaseData.Contains(role);

    public static string DisplayName(StaffRole role) => role switch
    {
        StaffRole.Administrator => "Administrator",
        StaffRole.ClinicalLead => "Clinical lead",
        StaffRole.Psychologist => "Psychologist",
        StaffRole.OffenderManager => "Offender manager",
        StaffRole.SeniorProbationOfficer => "Senior probation officer",
        StaffRole.PublicProtectionOfficer => "Public protection officer",
        StaffRole.ApprovedPremisesStaff => "Approved premises staff",
        StaffRole.PartnerAgency => "Partner agency",
        StaffRole.TrainingCoordinator => "Training coordinator",
        StaffRole.ServiceManager => "Service manager",
        StaffRole.Learner => "Learner (training only)",
        _ => role.ToString(),
    };
}
