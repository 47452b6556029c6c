using Pathway.Domain.Access;
using Pathway.Domain.Referrals;
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
        if (who.IsInAny(RoleSets.PractitionersAndManagers)) items.Add(("Care pathway", "/pathway-map"));
        if (who.SeesCaseData && !who.IsIn(StaffRole.PartnerAgency)) items.Add(("Early warnings", "/signals"));
        if (who.IsInAny(RoleSets.PractitionersAndManagers)) items.Add(("Service directory", "/directory"));
        if (who.IsInAny(RoleSets.CliniciansAndManagers)) items.Add(("Signposting reports", "/signposting/reports"));
        if (who.IsInAny(RoleSets.CliniciansAndManagers)) items.Add(("Evaluation", "/evaluation"));
        if (who.IsIn(StaffRole.PartnerAgency)) items.Add(("Referrals to you", "/partner/referrals"));
        // Probation, police, AP and partner staff reach the group from their home page while they represent a member.
        if (who.IsInAny(RoleSets.CliniciansAndManagers)) items.Add(("Co-ordination group", "/coordination-group"));
        if (who.IsInAny(RoleSets.ProbationAndClinicalLead)) items.Add(("Recall", "/recall"));
        else if (who.IsInAny(RoleSets.RecallServiceReaders)) items.Add(("Recall", "/recall/service"));
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
        if (who.IsInAny(RoleSets.TrainingReportReaders)) items.Add(("Training dashboard", "/training/dashboard"));
        if (who.IsInAny(RoleSets.RuleEditors)) items.Add(("Early-warning rules", "/admin/early-warning-rules"));
        if (who.IsInAny(RoleSets.RuleEditors)) items.Add(("Rules and sources", "/manage/rules"));
        items.Add(("Your account", "/account"));
        return items.Select(i => new NavItem(i.Text, i.Href, IsActive(i.Href, path))).ToList();
    }

    private static bool IsActive(string href, PathString path) =>
        href == "/" ? path == "/"
        : href == "/training" ? path.StartsWithSegments(href) && !path.StartsWithSegments("/training/manage") && !path.StartsWithSegments("/training/dashboard")
        : path.StartsWithSegments(href);
}
