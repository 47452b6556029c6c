using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Disclosure;
using Pathway.Domain.Staff;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.Dashboard;

/// <summary>
/// Training coverage by staff group and team, knowledge gain and attitude change, course feedback and the link to
/// practice. Coordinators see names and exact counts; service managers see counts only, with small counts suppressed
/// (<see cref="SmallCellSuppression"/>) so no one can be singled out. Opening it writes an audit row.
/// </summary>
[Authorize(Policy = Policies.TrainingReports)]
[Audited(AuditActions.Training.DashboardRead)]
public sealed class DashboardModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public bool WithNames { get; private set; }
    public SuppressedTable ByGroup { get; private set; } = null!;
    public SuppressedTable ByTeam { get; private set; } = null!;
    public IReadOnlyList<TrainingFigures.PersonCourse> People { get; private set; } = [];
    /// <summary>The coordinator's reminder list: refreshers overdue or due within 30 days, and required courses not started.</summary>
    public IReadOnlyList<TrainingFigures.PersonCourse> Reminders { get; private set; } = [];
    public IReadOnlyList<TrainingFigures.Gain> Gains { get; private set; } = [];
    public IReadOnlyList<TrainingFigures.Feedback> Feedback { get; private set; } = [];
    public SuppressedTable Practice { get; private set; } = null!;
    public const int MinimumForStatistics = 5;

    public async Task OnGetAsync(CancellationToken ct)
    {
        WithNames = User.ToStaffContext().IsIn(StaffRole.TrainingCoordinator);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var coverage = await TrainingFigures.CoverageAsync(db, today, ct);
        var policy = WithNames ? new DisclosurePolicy(Threshold: 0) : DisclosurePolicy.Default;
        ByGroup = Table(coverage, r => r.Group, policy);
        ByTeam = Table(coverage, r => r.Team, policy);
        if (WithNames)
            People = coverage.OrderBy(r => Array.IndexOf([CoverageStatus.RefresherOverdue, CoverageStatus.NotStarted, CoverageStatus.InProgress, CoverageStatus.Trained], r.Status))
                .ThenBy(r => r.Name).ToList();
        if (WithNames)
            Reminders = coverage.Where(r => r.Status is CoverageStatus.RefresherOverdue or CoverageStatus.NotStarted
                    || (r.Status == CoverageStatus.Trained && r.RefresherDue is { } due && due <= today.AddDays(30)))
                .OrderBy(r => r.RefresherDue ?? DateOnly.MinValue).ThenBy(r => r.Name).ToList();
        Gains = await TrainingFigures.GainsAsync(db, ct);
        Feedback = await TrainingFigures.FeedbackAsync(db, ct);
        Practice = SmallCellSuppression.Apply(["Offender manager", "AP keyworker"], Domain.Training.Practice.Order.Select(Domain.Training.Practice.Name).ToList(),
            await TrainingFigures.PracticeAsync(db, coverage, ct), policy);
        await audit.WriteAsync(null, "TrainingDashboard", null, null, reason: WithNames ? "with names" : "counts only", ct: ct);
    }

    private static SuppressedTable Table(IReadOnlyList<TrainingFigures.PersonCourse> rows, Func<TrainingFigures.PersonCourse, string> by, DisclosurePolicy policy)
    {
        var labels = rows.Select(by).Distinct().Order(StringComparer.Ordinal).ToList();
        var counts = new int[labels.Count, Coverage.Order.Count];
        foreach (var r in rows) counts[labels.IndexOf(by(r)), Coverage.Order.ToList().IndexOf(r.Status)]++;
        return SmallCellSuppression.Apply(labels, Coverage.Order.Select(Coverage.Name).ToList(), counts, policy);
    }
}
