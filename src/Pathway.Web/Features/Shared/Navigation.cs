using Pathway.Domain.Access;
using Pathway.Domain.Referrals;
using Pathway.Domain.Staff;

namespace Pathway.Web.Features.Shared;

/// <summary>A link in the service navigation; <see cref="Count"/> is shown beside it as a tag (the tasks waiting).</summary>
public sealed record NavItem(string Text, string Href, bool Active, int? Count = null);

/// <summary>A link on a hub page (<c>/manage</c>, <c>/reports</c>): where it goes and what is there.</summary>
public sealed record HubLink(string Text, string Href, string Description);

/// <summary>
/// The service navigation, by role: one row for everyone, and nobody is shown a link they cannot use. Settings and rules
/// pages are reached from one "Manage" page and the service's figures from one "Reports" page, so the row holds only
/// the places people work in every day; each hub shows exactly the links its reader may use.
/// </summary>
public static class Navigation
{
    public static IReadOnlyList<NavItem> For(StaffContext who, PathString path, int? tasks = null)
    {
        // Everyone has work that can wait for them (training at least), so everyone sees "Tasks" with its count.
        var items = new List<(string Text, string Href)> { ("Home", "/"), ("Tasks", "/tasks") };
        if (WorksCases(who)) items.Add(("Cases", "/cases"));
        if (ReferralAccessRules.IsService(who)) items.Add(("Referrals", "/referrals"));
        if (who.IsIn(StaffRole.PartnerAgency)) items.Add(("Referrals to you", "/partner/referrals"));
        if (who.IsInAny(RoleSets.ProbationAndClinicalLead)) items.Add(("Recall", "/recall"));
        // Probation, police, AP and partner staff reach the group from their home page while they represent a member.
        if (who.IsInAny(RoleSets.CliniciansAndManagers)) items.Add(("Co-ordination", "/coordination-group"));
        // The clinical lead keeps the directory and reaches it from Manage, so that their row still fits with Tasks in it.
        if (who.IsInAny(RoleSets.PractitionersAndManagers) && !DirectoryUnderManage(who)) items.Add(("Services", "/directory"));
        if (ReportsFor(who).Count > 0) items.Add(("Reports", "/reports"));
        // Every member of staff is a learner; training-only accounts see this and their account, nothing else.
        items.Add(("Training", "/training"));
        if (ManageFor(who).Count > 0) items.Add(("Manage", "/manage"));
        var directoryUnderManage = DirectoryUnderManage(who);
        return items.Select(i => new NavItem(i.Text, i.Href, IsActive(i.Href, path, directoryUnderManage), i.Href == "/tasks" ? tasks : null)).ToList();
    }

    /// <summary>The service's figures and maps this person may open, for <c>/reports</c>.</summary>
    public static IReadOnlyList<HubLink> ReportsFor(StaffContext who)
    {
        var links = new List<HubLink>();
        if (who.IsInAny(RoleSets.PractitionersAndManagers))
            links.Add(new("Care pathway", "/pathway-map", "Where people referred to the service are on the pathway, and who has waited longest."));
        if (who.IsInAny(RoleSets.CliniciansAndManagers))
            links.Add(new("Evaluation", "/evaluation", "Whether recalls fall for people on the pathway, with the quarterly pack."));
        if (who.IsInAny(RoleSets.RecallServiceReaders) && !who.IsInAny(RoleSets.ProbationAndClinicalLead))
            links.Add(new("Recall across the service", "/recall/service", "Recall considerations and decisions, counts only."));
        if (who.IsInAny(RoleSets.CliniciansAndManagers))
            links.Add(new("Signposting reports", "/signposting/reports", "Referrals to local services, replies and unmet needs."));
        if (who.IsInAny(RoleSets.TrainingReportReaders))
            links.Add(new("Training dashboard", "/training/dashboard", "Who has completed which training, and what is due."));
        return links;
    }

    /// <summary>The settings, rules and oversight pages this person may open, for <c>/manage</c>.</summary>
    public static IReadOnlyList<HubLink> ManageFor(StaffContext who)
    {
        var links = new List<HubLink>();
        if (who.IsIn(StaffRole.ClinicalLead))
            links.Add(new("Emergency access reviews", "/break-glass/review", "Review each use of emergency access to a case."));
        if (who.IsInAny(RoleSets.RuleEditors))
        {
            links.Add(new("Rules and sources", "/manage/rules", "Every dated version of the rules Pathway applies, its source, and what is still to confirm."));
            links.Add(new("Early-warning rules", "/admin/early-warning-rules", "The thresholds that raise an early-warning signal on a case."));
        }
        if (DirectoryUnderManage(who))
            links.Add(new("Service directory", "/directory", "The local services people can be signposted to: check, correct and add entries."));
        if (who.IsIn(StaffRole.ClinicalLead))
            links.Add(new("Women's OPD screen", "/instruments/womens-opd-screen", "Configure the screen for women before it can be scored."));
        if (who.IsIn(StaffRole.Administrator))
        {
            links.Add(new("Users", "/admin/users", "Staff accounts, roles, teams and two-factor resets."));
            links.Add(new("Teams", "/admin/teams", "Teams and the organisations they belong to."));
            links.Add(new("Import cases", "/manage/import-cases", "Add or update people on licence from probation's extract, checked before anything is saved."));
            links.Add(new("Reference data", "/admin/reference-data", "Licence condition sets, alternatives to recall and other lists."));
            links.Add(new("Instruments", "/admin/instruments", "Screening and assessment instrument definitions and their versions."));
            links.Add(new("Outbox and emails", "/manage/outbox", "Notifications and emails waiting, delivered or failed, with a retry."));
        }
        if (who.IsIn(StaffRole.TrainingCoordinator))
            links.Add(new("Training courses and sessions", "/training/manage", "Courses, face-to-face sessions, registers and requirements."));
        return links;
    }

    private static bool DirectoryUnderManage(StaffContext who) => who.IsIn(StaffRole.ClinicalLead);

    private static bool WorksCases(StaffContext who) => who.SeesCaseData && !who.IsIn(StaffRole.PartnerAgency);

    private static readonly string[] ReportPaths = ["/reports", "/pathway-map", "/evaluation", "/recall/service", "/signposting/reports", "/training/dashboard"];
    private static readonly string[] ManagePaths = ["/manage", "/admin", "/break-glass/review", "/instruments/womens-opd-screen", "/training/manage"];
    private static readonly string[] CasePaths = ["/cases", "/signals", "/break-glass"];

    private static bool IsActive(string href, PathString path, bool directoryUnderManage)
    {
        bool Under(string p) => path.StartsWithSegments(p);
        bool InManage() => ManagePaths.Any(Under) || (directoryUnderManage && Under("/directory"));
        bool Elsewhere() => ReportPaths.Any(Under) || InManage();
        return href switch
        {
            "/" => path == "/",
            "/reports" => ReportPaths.Any(Under),
            "/manage" => InManage(),
            "/cases" => CasePaths.Any(Under) && !Elsewhere(),
            _ => Under(href) && !Elsewhere(),
        };
    }
}
