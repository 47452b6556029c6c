using Pathway.Domain.Access;
using Pathway.Domain.Staff;

namespace Pathway.Domain.Referrals;

/// <summary>
/// Who may do what with referrals, on top of the case access model (these only ever narrow it: every check also
/// needs read or edit access to the case).
/// </summary>
public static class ReferralAccessRules
{
    /// <summary>Probation makes referrals; the clinical lead may too (for example after a service co-ordination meeting).</summary>
    public static bool CanRefer(StaffContext who) => who.IsInAny(RoleSets.ProbationAndClinicalLead);

    /// <summary>The PD service's clinicians: they work the referral queue and move referrals along the pathway.</summary>
    public static bool IsService(StaffContext who) => who.IsInAny(RoleSets.Clinicians);

    /// <summary>The clinical lead allocates to any psychologist (or themselves); a psychologist may take a referral for themselves only.</summary>
    public static bool CanAllocateTo(StaffContext who, Guid psychologistId) =>
        who.IsIn(StaffRole.ClinicalLead) || (who.IsIn(StaffRole.Psychologist) && psychologistId == who.UserId);

    /// <summary>
    /// The service's clinicians move a referral anywhere the state machine allows. Other editors of the case (the
    /// referring probation staff) may only withdraw it.
    /// </summary>
    public static bool CanMoveTo(StaffContext who, PathwayStage to) =>
        IsService(who) || (who.IsInAny(RoleSets.CaseTeam) && to == PathwayStage.Withdrawn);

    /// <summary>An action's owner may mark it done even without edit rights (police or AP staff); so may anyone who can edit the case.</summary>
    public static bool CanCompleteAction(StaffContext who, Guid ownerId, bool canEditCase) => who.UserId == ownerId || canEditCase;
}
