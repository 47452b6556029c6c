using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Staff;
using Pathway.Domain.Training;
using Pathway.Web.Features.Training.Sessions;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Training.Manage.Sessions;

/// <summary>Training coordinators schedule face-to-face sessions: course, trainer, venue, start and end, places.</summary>
[Authorize(Policy = Policies.TrainingCoordinator)]
[Audited("training.session.schedule")]
public sealed class SessionsModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

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
        ModelState.Clear();
        await LoadAsync(ct);
        var now = clock.GetUtcNow();
        if (CourseId is null || Courses.All(c => c.Id != CourseId)) ModelState.AddModelError(nameof(CourseId), "Choose the course");
        if (TrainerId is null || Trainers.All(t => t.Id != TrainerId)) ModelState.AddModelError(nameof(TrainerId), "Choose the trainer");
        if (Date.TryParse("Date", out var day) is { } dateError) ModelState.AddModelError("Date", dateError);
        else if (day is null) ModelState.AddModelError("Date", "Enter the date of the session");
        var start = Time(StartTime, nameof(StartTime), "start");
        var end = Time(EndTime, nameof(EndTime), "end");
        int? capacity = int.TryParse(Capacity, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        if (!string.IsNullOrWhiteSpace(Capacity) && capacity is null) ModelState.AddModelError(nameof(Capacity), "Enter the number of places as a whole number, for example 16");
        DateTimeOffset? startsAt = day is { } d && start is { } s ? Utc(d, s) : null;
        DateTimeOffset? endsAt = day is { } d2 && end is { } e ? Utc(d2, e) : null;
        foreach (var (field, message) in SessionRules.Validate(Venue, startsAt, endsAt, capacity, now))
        {
            var key = field switch { "StartsAt" => day is null ? "Date" : nameof(StartTime), "EndsAt" => nameof(EndTime), _ => field };
            if (!ModelState.ContainsKey(key) && (field != "Capacity" || string.IsNullOrWhiteSpace(Capacity) || capacity is not null)) ModelState.AddModelError(key, message);
        }
        if (!ModelState.IsValid) return Page();

        var session = new TrainingSession
        {
            CourseId = CourseId!.Value, TrainerId = TrainerId!.Value, Venue = Venue!.Trim(), StartsAt = startsAt!.Value, EndsAt = endsAt!.Value,
            Capacity = capacity!.Value, CreatedById = User.ToStaffContext().UserId, CreatedAt = now,
        };
        db.TrainingSessions.Add(session);
        audit.Add(null, "TrainingSession", session.Id, null, reason: $"{capacity} places");
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"Session scheduled for {Display.DateTime(session.StartsAt)}";
        return Redirect($"/training/sessions/{session.Id}");
    }

    private TimeOnly? Time(string? text, string field, string which)
    {
        if (string.IsNullOrWhiteSpace(text)) { ModelState.AddModelError(field, $"Enter the {which} time"); return null; }
        if (TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return t;
        ModelState.AddModelError(field, $"Enter the {which} time as hours and minutes, for example 09:30");
        return null;
    }

    /// <summary>Times are entered in UK time and stored in UTC.</summary>
    private static DateTimeOffset Utc(DateOnly d, TimeOnly t)
    {
        var local = d.ToDateTime(t, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, UkTime), TimeSpan.Zero);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-60);
        Rows = await SessionView.QueryAsync(db, db.TrainingSessions.Where(s => s.StartsAt > since), ct);
        Courses = (await db.Courses.AsNoTracking().Where(c => c.CurrentVersionId != null).OrderBy(c => c.Title).Select(c => new { c.Id, c.Title }).ToListAsync(ct))
            .Select(c => (c.Id, c.Title)).ToList();
        var names = RoleSets.Trainers.Select(r => r.ToString()).ToArray();
        var roleIds = await db.Roles.Where(r => names.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct);
        Trainers = (await db.Users.Where(u => u.DisabledAt == null && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).Take(500).ToListAsync(ct)).Select(u => (u.Id, u.DisplayName)).ToList();
    }
}
