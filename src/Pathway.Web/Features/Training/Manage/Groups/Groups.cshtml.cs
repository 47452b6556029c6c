using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Manage.Groups;

/// <summary>
/// Training audiences: which courses each staff group must complete, each course's refresher interval, and placing a
/// member of staff in a group other than the one their role implies (<see cref="SetTrainingRequirements"/>,
/// <see cref="AssignTrainingGroup"/>).
/// </summary>
[Authorize(Policy = Policies.TrainingCoordinator)]
[Audited(AuditActions.Training.RequirementsUpdate)]
public sealed class GroupsModel(PathwayDbContext db, SetTrainingRequirements setRequirements, AssignTrainingGroup assign) : PageModel
{
    public sealed record CourseOption(Guid Id, string Title, int? RefresherMonths);

    /// <summary>"groupId:courseId" for each requirement ticked (form fields <c>Required.{group key}</c> carry course ids).</summary>
    public List<string> Required { get; set; } = [];
    [BindProperty] public Dictionary<Guid, string?> Refresher { get; set; } = [];
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? GroupKey { get; set; }

    public IReadOnlyList<StaffGroup> StaffGroupList { get; private set; } = [];
    public IReadOnlyList<CourseOption> Courses { get; private set; } = [];
    public IReadOnlyDictionary<Guid, int> Overrides { get; private set; } = new Dictionary<Guid, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Required = await db.StaffGroupRequirements.Select(r => r.GroupId + ":" + r.CourseId).ToListAsync(ct);
        Refresher = Courses.ToDictionary(c => c.Id, c => c.RefresherMonths?.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<IActionResult> OnPostRequirementsAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Required = StaffGroupList.SelectMany(g => Request.Form[$"Required.{g.Key}"].Select(c => $"{g.Id}:{c}")).ToList();
        return await this.PresentAsync(await setRequirements.HandleAsync(Required, Refresher, ct), _ =>
        {
            TempData["Success"] = "Requirements saved";
            return Redirect("/training/manage/groups");
        }, prefix: "");
    }

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return await this.PresentAsync(await assign.HandleAsync(Email, GroupKey, ct), done =>
        {
            TempData["Success"] = done.Group is null ? $"{done.DisplayName} now follows the group their role implies" : $"{done.DisplayName} is now in {done.Group.Name}";
            return Redirect("/training/manage/groups");
        }, () => RestoreRequirementsAsync(ct), prefix: "");
    }

    private async Task RestoreRequirementsAsync(CancellationToken ct)
    {
        Required = await db.StaffGroupRequirements.Select(r => r.GroupId + ":" + r.CourseId).ToListAsync(ct);
        Refresher = Courses.ToDictionary(c => c.Id, c => c.RefresherMonths?.ToString(CultureInfo.InvariantCulture));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        StaffGroupList = await db.StaffGroups.AsNoTracking().OrderBy(g => g.Name).ToListAsync(ct);
        Courses = await db.Courses.AsNoTracking().OrderBy(c => c.Title).Select(c => new CourseOption(c.Id, c.Title, c.RefresherMonths)).ToListAsync(ct);
        Overrides = await db.StaffTrainingGroups.GroupBy(g => g.GroupId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
    }
}
