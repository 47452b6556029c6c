using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Training;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.MyTraining;

/// <summary>Every member of staff is a learner: the courses their group must complete, their progress, and where to resume.</summary>
[NotAudited("the signed-in person's own training; no case data")]
public sealed class MyTrainingModel(PathwayDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(string Slug, string Title, bool Required, decimal CpdHours, string Status, string StatusColour, string Action, string Href);

    public string GroupName { get; private set; } = "";
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var who = User.ToStaffContext();
        var group = await StaffGroupLookup.ForAsync(db, who, ct);
        GroupName = group.Name;
        var required = await db.StaffGroupRequirements.Where(r => r.GroupId == group.Id).Select(r => r.CourseId).ToListAsync(ct);
        var courses = await db.Courses.AsNoTracking().Where(c => c.CurrentVersionId != null).OrderBy(c => c.Title).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = new List<Row>();
        foreach (var c in courses)
        {
            var lc = (await LearnerCourse.LoadAsync(db, who.UserId, c.Slug, ct))!;
            var isRequired = required.Contains(c.Id);
            string status, colour, action, href = lc.Href();
            if (lc.IsCompleted)
            {
                var done = DateOnly.FromDateTime(lc.Enrolment!.CompletedAt!.Value.UtcDateTime);
                var due = Refresher.DueOn(done, c.RefresherMonths);
                (status, colour) = Refresher.IsDue(done, c.RefresherMonths, today)
                    ? ($"Refresher due since {due:d MMMM yyyy}", "red")
                    : ($"Completed {done:d MMMM yyyy}" + (due is { } d ? $"; refresher due {d:d MMMM yyyy}" : ""), "green");
                action = "View";
            }
            else if (lc.IsEnrolled)
            {
                (status, colour, action) = ($"In progress: {CompletionRules.PercentDone(lc.Content, lc.Progress)}% done", "blue", "Continue");
                href = lc.ResumeHref();
            }
            else
            {
                (status, colour, action) = ("Not started", isRequired ? "grey" : "grey", "Start");
            }
            rows.Add(new Row(c.Slug, c.Title, isRequired, lc.Content.CpdHours, status, colour, action, href));
        }
        Rows = rows.OrderByDescending(r => r.Required).ThenBy(r => r.Title).ToList();
    }
}
