using Pathway.Domain.Access;
using Pathway.Domain.Staff;

namespace Pathway.Domain.Assessments;

/// <summary>Who writes assessments and who may see the information not to be disclosed to the person.</summary>
public static class AssessmentRoles
{
    /// <summary>Psychologists and the clinical lead write and change assessments.</summary>
    public static bool IsAssessor(StaffContext who) => who.IsInAny(RoleSets.Clinicians);

    /// <summary>Who sees the withheld section: the clinicians, and the probation staff who manage the person.</summary>
    public static bool SeesWithheld(StaffContext who) => who.IsInAny(RoleSets.CaseTeam);

    public static AssessmentActor Actor(StaffContext who) => new(who.UserId, IsAssessor(who), who.IsIn(StaffRole.ClinicalLead));
}
