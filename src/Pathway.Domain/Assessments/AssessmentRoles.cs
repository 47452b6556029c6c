using Pathway.Domain.Access;
using Pathway.Domain.Staff;

namespace Pathway.Domain.Assessments;

/// <summary>Who writes assessments and who may see the information not to be disclosed to the person.</summary>
public static class AssessmentRoles
{
    /// <summary>Psychologists and the clinical lead write and change assessments.</summary>
    public static readonly IReadOnlySet<StaffRole> Assessors = new HashSet<StaffRole> { StaffRole.ClinicalLead, StaffRole.Psychologist };

    /// <summary>Who sees the withheld section: the clinicians, and the probation staff who manage the person.</summary>
    public static readonly IReadOnlySet<StaffRole> SeeWithheld = new HashSet<StaffRole>
    {
        StaffRole.Psychologist, StaffRole.ClinicalLead, StaffRole.OffenderManager, StaffRole.SeniorProbationOfficer,
    };

    public static bool IsAssessor(StaffContext who) => who.Roles.Any(Assessors.Contains);

    public static bool SeesWithheld(StaffContext who) => who.Roles.Any(SeeWithheld.Contains);

    public static AssessmentActor Actor(StaffContext who) => new(who.UserId, IsAssessor(who), who.IsIn(StaffRole.ClinicalLead));
}
