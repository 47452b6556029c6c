using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Tasks;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Home;

/// <summary>
/// The home page: first what is waiting for this person (<see cref="TaskList"/>, grouped by kind, overdue first), then
/// counts of the cases they can see. The list names people, so showing it writes a read row (<see cref="AuditActions.Task.List"/>).
/// </summary>
[Audited(AuditActions.Task.List)]
public sealed class IndexModel(CaseAccess access, TaskList tasks, TaskCounter counter, AuditLog audit, TimeProvider clock) : PageModel
{
    /// <summary>How many of each kind the home page lists before "See all".</summary>
    public const int ShownPerKind = 5;

    public sealed record KindGroup(TaskKindInfo Kind, IReadOnlyList<WorkItem> Items, int Overdue);

    public StaffRole? Role { get; private set; }
    public int? MyCaseload { get; private set; }
    public int? Visible { get; private set; }
    public IReadOnlyList<KindGroup> Groups { get; private set; } = [];
    public int Total { get; private set; }
    public bool TeamView { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var who = User.ToStaffContext();
        Role = who.Roles.Order().Cast<StaffRole?>().FirstOrDefault();
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        TeamView = TaskList.HasTeamView(who);
        var all = await tasks.AllAsync(team: false, ct);
        counter.Remember(all.Count);
        Total = all.Count;
        Groups = all.GroupBy(t => t.Kind)
            .Select(g => new KindGroup(TaskKinds.Of(g.Key), g.ToList(), g.Count(t => t.Overdue)))
            .OrderByDescending(g => g.Overdue > 0).ThenBy(g => TaskKinds.Order(g.Kind.Kind)).ToList();
        if (all.Count > 0) await audit.WriteAsync(AuditActions.Task.List, "TaskList", "mine", null, ct: ct);
        if (who.SeesCaseData && !who.IsIn(StaffRole.PartnerAgency))
        {
            var visible = await access.VisibleAsync(ct);
            Visible = await visible.CountAsync(ct);
            MyCaseload = await visible.CountAsync(c => c.OffenderManagerId == who.UserId || c.PsychologistId == who.UserId, ct);
        }
    }
}
