using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.Manage.Groups;

/// <summary>
/// Training audiences: which courses each staff group must complete, each course's refresher interval, and placing a
/// member of staff in a group other than the one their role implies.
/// </summary>
[Authorize(Policy = Policies.TrainingCoordinator)]
[Audited("training.requirements.update")]
public sealed class GroupsModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
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
        ModelState.Clear();
        Required = StaffGroupList.SelectMany(g => Request.Form[$"Required.{g.Key}"].Select(c => $"{g.Id}:{c}")).ToList();
        var months = new Dictionary<Guid, int?>();
        foreach (var c in Courses)
        {
            var raw = Refresher.GetValueOrDefault(c.Id)?.Trim();
            if (string.IsNullOrEmpty(raw)) months[c.Id] = null;
            else if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 120) months[c.Id] = m;
            else ModelState.AddModelError($"Refresher[{c.Id}]", $"Refresher interval for {c.Title} must be a whole number of months from 1 to 120, or blank for none");
        }
        var valid = StaffGroupList.SelectMany(g => Courses.Select(c => $"{g.Id}:{c.Id}")).ToHashSet();
        if (Required.Any(r => !valid.Contains(r))) ModelState.AddModelError(string.Empty, "Select requirements from the groups and courses shown");
        if (!ModelState.IsValid) return Page();

        db.StaffGroupRequirements.RemoveRange(await db.StaffGroupRequirements.ToListAsync(ct));
        db.StaffGroupRequirements.AddRange(Required.Distinct().Select(r => r.Split(':'))
            .Select(p => new StaffGroupRequirement { GroupId = Guid.Parse(p[0]), CourseId = Guid.Parse(p[1]) }));
        var courses = await db.Courses.ToListAsync(ct);
        foreach (var c in courses.Where(c => months.ContainsKey(c.Id))) c.RefresherMonths = months[c.Id];
        audit.Add(null, "StaffGroupRequirement", null, null, reason: $"{Required.Distinct().Count()} requirements");
        await db.SaveChangesAsync(ct);
        TempData["Success"] = "Requirements saved";
        return Redirect("/training/manage/groups");
    }

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        var email = Email?.Trim() ?? "";
        var user = email.Length == 0 ? null : await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), ct);
        if (email.Length == 0) ModelState.AddModelError(nameof(Email), "Enter the email address of a member of staff");
        else if (user is null) ModelState.AddModelError(nameof(Email), "There is no member of staff with this email address");
        var group = StaffGroupList.FirstOrDefault(g => g.Key == GroupKey);
        if (GroupKey != "" && group is null) ModelState.AddModelError(nameof(GroupKey), "Select a training group");
        if (!ModelState.IsValid)
        {
            await RestoreRequirementsAsync(ct);
            return Page();
        }
        var existing = await db.StaffTrainingGroups.FirstOrDefaultAsync(g => g.UserId == user!.Id, ct);
        if (group is null)
        {
            if (existing is not null) db.StaffTrainingGroups.Remove(existing);
        }
        else if (existing is null)
        {
            db.StaffTrainingGroups.Add(new StaffTrainingGroup { UserId = user!.Id, GroupId = group.Id, UpdatedAt = clock.GetUtcNow() });
        }
        else
        {
            existing.GroupId = group.Id;
            existing.UpdatedAt = clock.GetUtcNow();
        }
        audit.Add("training.group.assign", "StaffUser", user!.Id, null, reason: group?.Key ?? "role default");
        await db.SaveChangesAsync(ct);
        TempData["Success"] = group is null ? $"{user.DisplayName} now follows the group their role implies" : $"{user.DisplayName} is now in {group.Name}";
        return Redirect("/training/manage/groups");
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
