using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Staff;

namespace Pathway.Data;

/// <summary>
/// The access model as a query, for lists and searches. It must agree with <see cref="CaseAccessRules"/>;
/// <c>AccessModelAgreementTests</c> checks every role against every kind of case.
/// </summary>
public static class CaseQueries
{
    public static IQueryable<CaseRecord> VisibleTo(this IQueryable<CaseRecord> cases, StaffContext who, DateTimeOffset now, IQueryable<BreakGlassGrant> grants)
    {
        if (!who.SeesCaseData) return cases.Where(_ => false);

        var uid = who.UserId;
        var team = who.TeamId;
        var psych = who.IsIn(StaffRole.ClinicalLead) || who.IsIn(StaffRole.Psychologist);
        var probation = who.IsIn(StaffRole.OffenderManager) || who.IsIn(StaffRole.SeniorProbationOfficer);
        var ppu = who.IsIn(StaffRole.PublicProtectionOfficer) && team != null;
        var ap = who.IsIn(StaffRole.ApprovedPremisesStaff) && team != null;
        var breakGlass = CaseAccessRules.CanBreakGlass(who);

        return cases.Where(c =>
            c.IsRestricted
                ? c.NamedStaff.Any(n => n.UserId == uid)
                : (psych && c.ReferredToServiceOn != null)
                  || (probation && c.TeamId == team)
                  || (ppu && c.Shares.Any(s => s.TeamId == team))
                  || (ap && c.ApprovedPremisesId == team)
                  || (breakGlass && grants.Any(g => g.CaseId == c.Id && g.UserId == uid && g.ExpiresAt > now)));
    }
}
