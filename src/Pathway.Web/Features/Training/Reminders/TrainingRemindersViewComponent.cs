using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.Reminders;

/// <summary>
/// On the home page: the signed-in person's required courses not yet completed, refreshers overdue and refreshers due
/// within 30 days. Their own training only, so nothing is audited.
/// </summary>
public sealed class TrainingRemindersViewComponent(PathwayDbContext db, TimeProvider clock) : ViewComponent
{
    public sealed record Reminder(string Title, string Slug, string Text, bool Overdue);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var who = UserClaimsPrincipal.ToStaffContext();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var group = await StaffGroupLookup.ForAsync(db, who, HttpContext.RequestAborted);
        var required = await db.StaffGroupRequirements.AsNoTracking().Where(r => r.GroupId == group.Id).Select(r => r.CourseId).ToListAsync(HttpContext.RequestAborted);
        var courses = await db.Courses.AsNoTracking().Where(c => c.CurrentVersionId != null).ToListAsync(HttpContext.RequestAborted);
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.UserId == who.UserId).Select(e => new { e.CourseId, e.CompletedAt }).ToListAsync(HttpContext.RequestAborted);
        var list = new List<Reminder>();
        foreach (var c in courses.OrderBy(c => c.Title))
        {
            var last = enrolments.Where(e => e.CourseId == c.Id && e.CompletedAt != null).Select(e => (DateOnly?)DateOnly.FromDateTime(e.CompletedAt!.Value.UtcDateTime)).Max();
            var isRequired = required.Contains(c.Id);
            if (last is null)
            {
                if (isRequired) list.Add(new(c.Title, c.Slug, "Required for your group and not yet completed", true));
            }
            else if (Coverage.RefresherDueSoon(last, c.RefresherMonths, today))
            {
                var due = Refresher.DueOn(last, c.RefresherMonths)!.Value;
                list.Add(due <= today
                    ? new(c.Title, c.Slug, $"Refresher overdue since {due:d MMMM yyyy}", true)
                    : new(c.Title, c.Slug, $"Refresher due by {due:d MMMM yyyy}", false));
            }
        }
        return View("~/Features/Training/Reminders/TrainingReminders.cshtml", list);
    }
}
