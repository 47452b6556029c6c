using Pathway.Domain.Access;
using Pathway.Domain.Referrals;
using Pathway.Domain.Compliance;
using Pathway.Domain.Signposting;
using Pathway.Domain.Staff;

namespace Pathway.Web.Features.Shared;

public sealed record NavItem(string Text, string Href, bool Active);

/// <summary>The service navigation, by role: nobody is shown a link they cannot use.</summary>
public static class Navigation
{
    public static IReadOnlyList<NavItem> For(StaffContext who, PathString path)
    {
        var items = new List<(string Text, string Href)> { ("Home", "/") };
        if (who.SeesCaseData && !who.IsIn(StaffRole.PartnerAgency)) items.Add(("Cases", "/cases"));
        if (ReferralAccessRules.IsService(who)) items.Add(("Referrals", "/referrals"));
        if (who.Roles.Any(PathwayMap.Readers.Contains)) items.Add(("Care pathway", "/pathway-map"));
        if (who.SeesCaseData && !who.IsIn(StaffRole.PartnerAgency)) items.Add(("Early warnings", "/signals"));
        if (who.Roles.Any(SignpostingRoles.DirectoryReaders.Contains)) items.Add(("Service directory", "/directory"));
        if (who.Roles.Any(SignpostingRoles.ReportReaders.Contains)) items.Add(("Signposting reports", "/signposting/reports"));
        if (who.Roles.Any(Domain.Evaluation.EvaluationRoles.Readers.Contains)) items.Add(("Evaluation", "/evaluation"));
        if (who.IsIn(StaffRole.PartnerAgency)) items.Add(("Referrals to you", "/partner/referrals"));
        // Probation, police, AP and partner staff reach the group from their home page while they represent a member.
        if (who.Roles.Any(Domain.Coordination.CoordinationRoles.AlwaysReaders.Contains)) items.Add(("Co-ordination group", "/coordination-group"));
        if (who.IsIn(StaffRole.SeniorProbationOfficer) || who.IsIn(StaffRole.OffenderManager) || who.IsIn(StaffRole.ClinicalLead)) items.Add(("Recall", "/recall"));
        else if (who.Roles.Any(ComplianceRoles.RecallServiceReaders.Contains)) items.Add(("Recall", "/recall/service"));
        if (CaseAccessRules.CanBreakGlass(who)) items.Add(("Emergency access", "/break-glass"));
        if (who.IsIn(StaffRole.ClinicalLead)) items.Add(("Access reviews", "/break-glass/review"));
        if (who.IsIn(StaffRole.ClinicalLead)) items.Add(("Women's OPD screen", "/instruments/womens-opd-screen"));
        if (who.IsIn(StaffRole.Administrator))
        {
            items.Add(("Users", "/admin/users"));
            items.Add(("Teams", "/admin/teams"));
            items.Add(("Reference data", "/admin/reference-data"));
            items.Add(("Instruments", "/admin/instruments"));
        }
        // Every member of staff is a learner; training-only accounts see this and their account, nothing else.
        items.Add(("Training", "/training"));
        if (who.IsIn(StaffRole.TrainingCoordinator)) items.Add(("Manage training", "/training/manage"));
        if (who.IsIn(StaffRole.TrainingCoordinator) || who.IsIn(StaffRole.ServiceManager)) items.Add(("Training dashboard", "/training/dashboard"));
        if (who.Roles.Any(ComplianceRoles.RuleEditors.Contains)) items.Add(("Early-warning rules", "/admin/early-warning-rules"));
        if (who.Roles.Any(ComplianceRoles.RuleEditors.Contains)) items.Add(("Rules and sources", "/manage/rules"));
        items.Add(("Your account", "/account"));
        return items.Select(i => new NavItem(i.Text, i.Href, IsActive(i.Href, path))).ToList();
    }

    private static bool IsActive(string href, PathString path) =>
        href == "/" ? path == "/"
        : href == "/training" ? path.StartsWithSegments(href) && !path.StartsWithSegments("/training/manage") && !path.StartsWithSegments("/training/dashboard")
        : path.StartsWithSegments(href);
}
