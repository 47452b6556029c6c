using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training.Sessions.Detail;

/// <summary>
/// One session: anyone may book or cancel their own place; its trainer and training coordinators also see who is
/// booked and waiting, and mark the attendance register once the session has started (<see cref="BookSessionPlace"/>,
/// <see cref="CancelSessionPlace"/>, <see cref="MarkSessionRegister"/>).
/// </summary>
[Audited(AuditActions.Training.SessionBook)]
public sealed class DetailModel(PathwayDbContext db, TimeProvider clock, BookSessionPlace book, CancelSessionPlace cancel, MarkSessionRegister register) : PageModel
{
    public sealed record Person(Guid BookingId, string Name, string Email, BookingStatus Status, DateTimeOffset RequestedAt, bool? Attended);

    public SessionView Session { get; private set; } = null!;
    public BookingStatus? MyStatus { get; private set; }
    /// <summary>The session was cancelled while this person had a place or was waiting: their booking was released.</summary>
    public bool MyPlaceReleased { get; private set; }
    public bool IsCoordinator { get; private set; }
    public int? WaitingPosition { get; private set; }
    public bool CanManage { get; private set; }
    public bool Started { get; private set; }
    public IReadOnlyList<Person> People { get; private set; } = [];
    public string? RegisterClosedReason { get; private set; }
    [BindProperty] public List<Guid> Present { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken ct) =>
        await LoadAsync(sessionId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostBookAsync(Guid sessionId, CancellationToken ct) =>
        await AfterAsync(sessionId, await book.HandleAsync(sessionId, User.ToStaffContext().UserId, ct), b => b.Status == BookingStatus.Booked
            ? "You have a place on this session"
            : "The session is full: you are on the waiting list, and will get the first place that comes free", ct);

    public async Task<IActionResult> OnPostCancelAsync(Guid sessionId, CancellationToken ct) =>
        await AfterAsync(sessionId, await cancel.HandleAsync(sessionId, User.ToStaffContext().UserId, ct), _ => "Your booking has been cancelled", ct);

    /// <summary>Marks everyone with a place present or absent: ticked is present. Only the trainer or a coordinator.</summary>
    public async Task<IActionResult> OnPostRegisterAsync(Guid sessionId, CancellationToken ct)
    {
        if (!await LoadAsync(sessionId, ct)) return NotFound();
        if (!CanManage) return Forbid();
        var outcome = await register.HandleAsync(sessionId, User.ToStaffContext().UserId, Present, ct);
        return await this.PresentAsync(outcome, _ =>
        {
            TempData["Success"] = "The register has been saved";
            return Redirect($"/training/sessions/{sessionId}");
        }, () => LoadAsync(sessionId, ct), prefix: "", conflict: _ =>
            ModelState.AddModelError(string.Empty, "Someone else changed this session while you were marking the register. Check the register and save again"));
    }

    private async Task<IActionResult> AfterAsync(Guid sessionId, Outcome<SessionBooking> outcome, Func<SessionBooking, string> success, CancellationToken ct) =>
        await this.PresentAsync(outcome, b =>
        {
            TempData["Success"] = success(b);
            return Redirect($"/training/sessions/{sessionId}");
        }, () => LoadAsync(sessionId, ct), prefix: "");

    private async Task<bool> LoadAsync(Guid sessionId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var view = (await SessionView.QueryAsync(db, db.TrainingSessions.Where(s => s.Id == sessionId), ct)).FirstOrDefault();
        if (view is null) return false;
        Session = view;
        Started = view.StartsAt <= clock.GetUtcNow();
        var who = User.ToStaffContext();
        IsCoordinator = who.IsIn(StaffRole.TrainingCoordinator);
        CanManage = IsCoordinator || view.TrainerId == who.UserId;
        var cancelledAt = view.Cancelled ? await db.TrainingSessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => s.CancelledAt).FirstAsync(ct) : null;
        MyPlaceReleased = cancelledAt is not null
            && await db.SessionBookings.AsNoTracking().AnyAsync(b => b.SessionId == sessionId && b.UserId == who.UserId && b.CancelledAt == cancelledAt, ct);
        var live = await db.SessionBookings.AsNoTracking().Where(b => b.SessionId == sessionId && b.Status != BookingStatus.Cancelled)
            .Join(db.Users, b => b.UserId, u => u.Id, (b, u) => new { b, u.DisplayName, u.Email })
            .ToListAsync(ct);
        var ordered = live.OrderBy(x => x.b.RequestedAt).ThenBy(x => x.b.Id).ToList();
        var mine = ordered.FirstOrDefault(x => x.b.UserId == who.UserId);
        MyStatus = mine?.b.Status;
        if (mine?.b.Status == BookingStatus.Waiting)
            WaitingPosition = ordered.Where(x => x.b.Status == BookingStatus.Waiting).ToList().FindIndex(x => x.b.Id == mine.b.Id) + 1;
        if (CanManage)
        {
            People = ordered.Select(x => new Person(x.b.Id, x.DisplayName, x.Email ?? "", x.b.Status, x.b.RequestedAt, x.b.Attended)).ToList();
            RegisterClosedReason = SessionRules.CannotMarkRegister(new SessionFacts(view.StartsAt, view.EndsAt, view.Capacity, view.Booked, view.Cancelled), clock.GetUtcNow());
        }
        return true;
    }
}
