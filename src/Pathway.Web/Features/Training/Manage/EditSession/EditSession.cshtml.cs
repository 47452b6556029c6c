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
using Pathway.Web.Features.Shared;
using Pathway.Web.Features.Training.Sessions;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Manage.EditSession;

/// <summary>
/// Changes a face-to-face session (<see cref="ChangeSession"/>: trainer, venue, time, places) or cancels it
/// (<see cref="CancelSession"/>). The form carries the session's version, so a change made while someone booked or
/// another coordinator saved is refused rather than overwriting it.
/// </summary>
[Authorize(Policy = Policies.TrainingCoordinator)]
[Audited(AuditActions.Training.SessionUpdate)]
public sealed class EditSessionModel(PathwayDbContext db, ChangeSession change, CancelSession cancel, TimeProvider clock) : PageModel
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    public const string Conflict = ChangeSession.ConflictMessage;

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
        var outcome = await change.HandleAsync(sessionId, new SessionDetails(TrainerId, Venue, Date, StartTime, EndTime, Capacity), Version, ct);
        return await this.PresentAsync(outcome, session =>
        {
            TempData["Success"] = "The session has been changed";
            return Redirect($"/training/sessions/{session.Id}");
        }, () => RedisplayAsync(sessionId, ct), prefix: "", conflict: _ => ModelState.AddModelError(string.Empty, Conflict));
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid sessionId, CancellationToken ct)
    {
        var outcome = await cancel.HandleAsync(sessionId, Version, ct);
        return await this.PresentAsync(outcome, done =>
        {
            TempData["Success"] = done.Released == 0 ? "The session has been cancelled"
                : $"The session has been cancelled. The {done.Released} people booked or waiting see it as cancelled on their training pages.";
            return Redirect($"/training/sessions/{done.Session.Id}");
        }, () => RedisplayAsync(sessionId, ct), prefix: "", conflict: _ => ModelState.AddModelError(string.Empty, Conflict));
    }

    /// <summary>A refused form shows the session as it now stands and carries its current version.</summary>
    private async Task RedisplayAsync(Guid sessionId, CancellationToken ct)
    {
        if (await LoadAsync(sessionId, ct) is { } s) Version = s.Version;
    }

    private async Task<TrainingSession?> LoadAsync(Guid sessionId, CancellationToken ct)
    {
        var s = await db.TrainingSessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == sessionId, ct);
        if (s is null) return null;
        Session = (await SessionView.QueryAsync(db, db.TrainingSessions.Where(x => x.Id == sessionId), ct)).Single();
        Closed = SessionRules.CannotChange(SessionBookings.Facts(s), clock.GetUtcNow());
        Trainers = (await SessionDetails.TrainersAsync(db, s.TrainerId, ct)).Select(u => new Govuk.Option(u.Id.ToString(), u.Name)).ToList();
        return s;
    }
}
