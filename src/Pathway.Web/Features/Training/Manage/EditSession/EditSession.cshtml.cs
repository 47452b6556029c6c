using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Staff;
using Pathway.Domain.Training;
using Pathway.Web.Features.Shared;
using Pathway.Web.Features.Training.Sessions;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Training.Manage.EditSession;

/// <summary>
/// Changes a face-to-face session (trainer, venue, time, places) or cancels it. The form carries the session's version;
/// every booking also moves that version, so a change made while someone booked is refused rather than overwriting
/// their place. Places cannot drop below the number booked; extra places go to the waiting list in order. Cancelling
/// releases every place and waiting-list entry, and those people see the session as cancelled.
/// </summary>
[Authorize(Policy = Policies.TrainingCoordinator)]
[Audited("training.session.edit")]
public sealed class EditSessionModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    public const string Conflict = "Someone else changed this session, or booked or cancelled a place, while you were editing. Nothing has been saved. Check the session, then make your change again.";

    [BindProperty] public Guid? TrainerId { get; set; }
    [BindProperty] public string? Venue { get; set; }
    [BindProperty] public DateParts Date { get; set; } = new();
    [BindProperty] public string? StartTime { get; set; }
    [BindProperty] public string? EndTime { get; set; }
    [BindProperty] public string? Capacity { get; set; }
    [BindProperty] public int Version { get; set; }
    public SessionView Session { get; private set; } = null!;
    public IReadOnlyList<Govuk.Option> Trainers { get; private set; } = [];
    public string? Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct)
    {
        if (await LoadAsync(sessionId, ct) is not { } s) return NotFound();
        var start = TimeZoneInfo.ConvertTime(s.StartsAt, UkTime);
        var end = TimeZoneInfo.ConvertTime(s.EndsAt, UkTime);
        (TrainerId, Venue, Date, Version) = (s.TrainerId, s.Venue, DateParts.From(DateOnly.FromDateTime(start.DateTime)), s.Version);
        (StartTime, EndTime) = (start.ToString("HH:mm", CultureInfo.InvariantCulture), end.ToString("HH:mm", CultureInfo.InvariantCulture));
        Capacity = s.Capacity.ToString(CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid sessionId, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(sessionId, ct) is not { } s) return NotFound();
        var now = clock.GetUtcNow();
        if (Closed is not null) { ModelState.AddModelError(string.Empty, Closed); return Page(); }
        if (TrainerId is null || Trainers.All(t => t.Value != TrainerId.ToString())) ModelState.AddModelError(nameof(TrainerId), "Choose the trainer");
        if (Date.TryParse("Date", out var day) is { } dateError) ModelState.AddModelError("Date", dateError);
        else if (day is null) ModelState.AddModelError("Date", "Enter the date of the session");
        var start = Time(StartTime, nameof(StartTime), "start");
        var end = Time(EndTime, nameof(EndTime), "end");
        int? capacity = int.TryParse(Capacity, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        if (!string.IsNullOrWhiteSpace(Capacity) && capacity is null) ModelState.AddModelError(nameof(Capacity), "Enter the number of places as a whole number, for example 16");
        DateTimeOffset? startsAt = day is { } d && start is { } st ? Utc(d, st) : null;
        DateTimeOffset? endsAt = day is { } d2 && end is { } e ? Utc(d2, e) : null;
        foreach (var (field, message) in SessionRules.ValidateChange(Venue, startsAt, endsAt, capacity, s.BookedCount, now))
        {
            var key = field switch { "StartsAt" => day is null ? "Date" : nameof(StartTime), "EndsAt" => nameof(EndTime), _ => field };
            if (!ModelState.ContainsKey(key)) ModelState.AddModelError(key, message);
        }
        if (Version != s.Version) ModelState.AddModelError(string.Empty, Conflict);
        if (!ModelState.IsValid) { Version = s.Version; return Page(); }

        var changes = new List<string>();
        if (s.TrainerId != TrainerId) changes.Add("trainer");
        if (s.Venue != Venue!.Trim()) changes.Add("venue");
        if (s.StartsAt != startsAt || s.EndsAt != endsAt) changes.Add("time");
        if (s.Capacity != capacity) changes.Add($"places {s.Capacity} to {capacity}");
        (s.TrainerId, s.Venue, s.StartsAt, s.EndsAt) = (TrainerId!.Value, Venue.Trim(), startsAt!.Value, endsAt!.Value);
        if (capacity > s.Capacity)
        {
            var waiting = await db.SessionBookings.Where(b => b.SessionId == s.Id && b.Status == BookingStatus.Waiting)
                .OrderBy(b => b.RequestedAt).ThenBy(b => b.Id).ToListAsync(ct);
            foreach (var b in waiting.Take(SessionRules.PromotedOnGrowth(s.BookedCount, capacity.Value, waiting.Count)))
            {
                (b.Status, b.BookedAt) = (BookingStatus.Booked, now);
                s.BookedCount++;
                changes.Add($"waiting booking {b.Id} got a place");
            }
        }
        s.Capacity = capacity!.Value;
        db.Entry(s).State = EntityState.Modified;
        db.Entry(s).Property(x => x.Version).OriginalValue = Version;
        audit.Add(null, "TrainingSession", s.Id, null, reason: changes.Count == 0 ? "no change" : string.Join("; ", changes));
        if (!await TrySaveAsync(sessionId, ct)) return Page();
        TempData["Success"] = "The session has been changed";
        return Redirect($"/training/sessions/{s.Id}");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid sessionId, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(sessionId, ct) is not { } s) return NotFound();
        if (Closed is not null) { ModelState.AddModelError(string.Empty, Closed); return Page(); }
        if (Version != s.Version)
        {
            ModelState.AddModelError(string.Empty, Conflict);
            Version = s.Version;
            return Page();
        }
        var now = clock.GetUtcNow();
        var live = await db.SessionBookings.Where(b => b.SessionId == s.Id && b.Status != BookingStatus.Cancelled).ToListAsync(ct);
        foreach (var b in live) (b.Status, b.CancelledAt) = (BookingStatus.Cancelled, now);
        var booked = s.BookedCount;
        (s.CancelledAt, s.BookedCount) = (now, 0);
        db.Entry(s).Property(x => x.Version).OriginalValue = Version;
        audit.Add("training.session.cancel-session", "TrainingSession", s.Id, null,
            reason: $"released {booked} places and {live.Count - booked} waiting-list entries");
        if (!await TrySaveAsync(sessionId, ct)) return Page();
        TempData["Success"] = live.Count == 0 ? "The session has been cancelled"
            : $"The session has been cancelled. The {live.Count} people booked or waiting see it as cancelled on their training pages.";
        return Redirect($"/training/sessions/{s.Id}");
    }

    private async Task<bool> TrySaveAsync(Guid sessionId, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // A booking or another coordinator moved the version first, or the places check refused the count.
            db.ChangeTracker.Clear();
            var fresh = await LoadAsync(sessionId, ct);
            Version = fresh?.Version ?? 0;
            ModelState.AddModelError(string.Empty, Conflict);
            return false;
        }
    }

    private async Task<TrainingSession?> LoadAsync(Guid sessionId, CancellationToken ct)
    {
        var s = await db.TrainingSessions.FirstOrDefaultAsync(x => x.Id == sessionId, ct);
        if (s is null) return null;
        Session = (await SessionView.QueryAsync(db, db.TrainingSessions.Where(x => x.Id == sessionId), ct)).Single();
        Closed = SessionRules.CannotChange(SessionBookings.Facts(s), clock.GetUtcNow());
        var names = RoleSets.Trainers.Select(r => r.ToString()).ToArray();
        var roleIds = await db.Roles.Where(r => names.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct);
        Trainers = (await db.Users.Where(u => (u.DisabledAt == null && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId))) || u.Id == s.TrainerId)
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).Take(500).ToListAsync(ct))
            .Select(u => new Govuk.Option(u.Id.ToString(), u.DisplayName)).ToList();
        return s;
    }

    private TimeOnly? Time(string? text, string field, string which)
    {
        if (string.IsNullOrWhiteSpace(text)) { ModelState.AddModelError(field, $"Enter the {which} time"); return null; }
        if (TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return t;
        ModelState.AddModelError(field, $"Enter the {which} time as hours and minutes, for example 09:30");
        return null;
    }

    private static DateTimeOffset Utc(DateOnly d, TimeOnly t) =>
        new(TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(t, DateTimeKind.Unspecified), UkTime), TimeSpan.Zero);
}
