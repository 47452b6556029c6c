using System.Collections.Frozen;
using static Pathway.Domain.Staff.StaffRole;

namespace Pathway.Domain.Staff;

/// <summary>
/// Every set of roles the service uses, named once. Role policies (<c>Pathway.Web.Infrastructure.Auth.Policies</c>) are
/// built from these sets, and the domain rules, pages and navigation refer to the same sets, so a screen's policy, its
/// link and its rule cannot drift apart. A set that serves several purposes is named for who is in it and its comment
/// lists what it is for; a set with one purpose is named for that purpose. A policy for a single role names the role
/// itself. No two sets here are equal, and every one is used (<c>RoleSetsTests</c>).
/// </summary>
public static class RoleSets
{
    /// <summary>
    /// The PD service's clinicians: the clinical lead and psychologists. They work the referral queue and allocation,
    /// record screenings, write assessments, sign care plans, give the psychologist's consultation on a recall
    /// consideration, keep the service directory and administer the co-ordination group. They see a case once it is
    /// referred to the service.
    /// </summary>
    public static readonly IReadOnlySet<StaffRole> Clinicians = Set(ClinicalLead, Psychologist);

    /// <summary>
    /// Probation: offender managers and senior probation officers. They supervise the licence (contacts, warning letters,
    /// breaches, starting recall considerations), countersign care plans and see the cases of their own team.
    /// </summary>
    public static readonly IReadOnlySet<StaffRole> Probation = Set(OffenderManager, SeniorProbationOfficer);

    /// <summary>
    /// The case team: the clinicians and probation. They create and edit people on licence and their licences, open care
    /// plans in full, see the information not to be disclosed to the person (in assessments and care plans), analyse
    /// incidents and may withdraw a referral.
    /// </summary>
    public static readonly IReadOnlySet<StaffRole> CaseTeam = Set(ClinicalLead, Psychologist, OffenderManager, SeniorProbationOfficer);

    /// <summary>
    /// Everyone who can see identifiable case data: the case team, police public protection officers, approved-premises
    /// staff and partner agencies. Every one of them must use two-factor sign-in; which cases each sees is decided per case.
    /// </summary>
    public static readonly IReadOnlySet<StaffRole> CaseData = Set(
        ClinicalLead, Psychologist, OffenderManager, SeniorProbationOfficer, PublicProtectionOfficer, ApprovedPremisesStaff, PartnerAgency);

    /// <summary>
    /// The practitioners: everyone who sees case data except partner agencies (the case team, police and approved
    /// premises). They record behaviours of concern, which police and approved-premises staff often see first.
    /// </summary>
    public static readonly IReadOnlySet<StaffRole> Practitioners = Set(
        ClinicalLead, Psychologist, OffenderManager, SeniorProbationOfficer, PublicProtectionOfficer, ApprovedPremisesStaff);

    /// <summary>
    /// The practitioners and service managers: everyone who works with people on licence, and those who run the service.
    /// They read the service directory (which holds no personal data) and the care pathway map (counts only, suppressed,
    /// for those who do not see the cases behind them). Partner agencies and training-only accounts have their own views.
    /// </summary>
    public static readonly IReadOnlySet<StaffRole> PractitionersAndManagers = Set(
        ClinicalLead, Psychologist, OffenderManager, SeniorProbationOfficer, PublicProtectionOfficer, ApprovedPremisesStaff, ServiceManager);

    /// <summary>
    /// The clinicians and service managers: the service-level reports (signposting reports, the evaluation's outcomes) —
    /// exact figures for the clinicians, who hold case data, and small cells suppressed for managers — and the
    /// co-ordination group's records whether or not they represent a member organisation.
    /// </summary>
    public static readonly IReadOnlySet<StaffRole> CliniciansAndManagers = Set(ClinicalLead, Psychologist, ServiceManager);

    /// <summary>Incidents: the case team, and approved-premises staff on the residents they can see (they cannot change the case itself).</summary>
    public static readonly IReadOnlySet<StaffRole> IncidentRecorders = Set(ClinicalLead, Psychologist, OffenderManager, SeniorProbationOfficer, ApprovedPremisesStaff);

    /// <summary>
    /// Probation and the clinical lead: they make referrals to the PD service (the clinical lead for example after a
    /// service co-ordination meeting), and they work recall considerations, so the navigation takes them to the recall workspace.
    /// </summary>
    public static readonly IReadOnlySet<StaffRole> ProbationAndClinicalLead = Set(OffenderManager, SeniorProbationOfficer, ClinicalLead);

    /// <summary>Setting a case's approved-premises keyworker (with read access to the case): its offender manager's side and the premises.</summary>
    public static readonly IReadOnlySet<StaffRole> KeyworkerSetters = Set(OffenderManager, SeniorProbationOfficer, ApprovedPremisesStaff);

    /// <summary>Recall decisions and their countersignature: management oversight by a senior probation officer.</summary>
    public static readonly IReadOnlySet<StaffRole> RecallDeciders = Set(SeniorProbationOfficer);

    /// <summary>The early-warning rules and the rules register: clinical governance (the clinical lead) and system administration.</summary>
    public static readonly IReadOnlySet<StaffRole> RuleEditors = Set(ClinicalLead, Administrator);

    /// <summary>The service-wide recall figures, counts only with small cells suppressed: the service manager (who sees no case data) and the clinical lead.</summary>
    public static readonly IReadOnlySet<StaffRole> RecallServiceReaders = Set(ClinicalLead, ServiceManager);

    /// <summary>The training dashboards: training coordinators (with names) and service managers (counts only).</summary>
    public static readonly IReadOnlySet<StaffRole> TrainingReportReaders = Set(TrainingCoordinator, ServiceManager);

    /// <summary>Who can be chosen to run a training session: training coordinators and the clinicians.</summary>
    public static readonly IReadOnlySet<StaffRole> Trainers = Set(TrainingCoordinator, ClinicalLead, Psychologist);

    /// <summary>The care plan's one-page summary, and nothing more of it: police public protection officers and approved-premises staff.</summary>
    public static readonly IReadOnlySet<StaffRole> CarePlanSummaryReaders = Set(PublicProtectionOfficer, ApprovedPremisesStaff);

    /// <summary>Staff of the co-ordination group's member organisations (probation, police, approved premises, partner
    /// agencies): they read the group's records only while linked to an active representative.</summary>
    public static readonly IReadOnlySet<StaffRole> CoordinationMemberReaders = Set(
        OffenderManager, SeniorProbationOfficer, PublicProtectionOfficer, ApprovedPremisesStaff, PartnerAgency);

    /// <summary>Everyone the co-ordination group's reader policy lets through: <see cref="CliniciansAndManagers"/> always,
    /// <see cref="CoordinationMemberReaders"/> while they represent a member (decided after the policy).</summary>
    public static readonly IReadOnlySet<StaffRole> CoordinationReaders = Set([.. CliniciansAndManagers, .. CoordinationMemberReaders]);

    private static IReadOnlySet<StaffRole> Set(params StaffRole[] roles) => roles.ToFrozenSet();
}
