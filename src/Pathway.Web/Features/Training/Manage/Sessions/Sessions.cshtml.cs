using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Domain.Training;
using Pathway.Web.Features.Training.Sessions;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Manage.Sessions;

/// <summary>Training coordinators schedule face-to-face sessions (<see cref="ScheduleSession"/>) and see those of the last 60 days on.</summary>
[Authorize(Policy = Policies.TrainingCoordinator)]
[Audited(AuditActions.Training.SessionSchedule)]
public sealed class SessionsModel(PathwayDbContext db, ScheduleSession schedule, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SessionView> Rows { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Title)> Courses { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Trainers { get; private set; } = [];

    [BindProperty] public Guid? CourseId { get; set; }
    [BindProperty] public Guid? TrainerId { get; set; }
    [BindProperty] public string? Venue { get; set; }
    [BindProperty] public DateParts Date { get; set; } = new();
    [BindProperty] public string? StartTime { get; set; }
    [BindProperty] public string? EndTime { get; set; }
    [BindProperty] public string? Capacity { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await schedule.HandleAsync(CourseId, new SessionDetails(TrainerId, Venue, Date, StartTime, EndTime, Capacity), User.ToStaffContext().UserId, ct);
        return await this.PresentAsync(outcome, session =>
        {
            TempData["Success"] = $"Session scheduled for {Display.DateTime(session.StartsAt)}";
            return Redirect($"/training/sessions/{session.Id}");
        }, () => LoadAsync(ct), prefix: "");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-60);
        Rows = await SessionView.QueryAsync(db, db.TrainingSessions.Where(s => s.StartsAt > since), ct);
        Courses = (await db.Courses.AsNoTracking().Where(c => c.CurrentVersionId != null).OrderBy(c => c.Title).Select(c => new { c.Id, c.Title }).ToListAsync(ct))
            .Select(c => (c.Id, c.Title)).ToList();
        Trainers = await SessionDetails.TrainersAsync(db, null, ct);
    }
}
