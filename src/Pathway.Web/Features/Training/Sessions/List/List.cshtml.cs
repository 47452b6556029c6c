using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Training;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Training.Sessions.List;

/// <summary>Face-to-face sessions coming up, with places left, and the signed-in person's own bookings.</summary>
[NotAudited("the training timetable and the signed-in person's own bookings; no case data")]
public sealed class ListModel(PathwayDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SessionView> Upcoming { get; private set; } = [];
    public IReadOnlyDictionary<Guid, BookingStatus> Mine { get; private set; } = new Dictionary<Guid, BookingStatus>();
    public IReadOnlyList<SessionView> MyPast { get; private set; } = [];
    /// <summary>Coming sessions that were cancelled while this person had a place or was waiting.</summary>
    public IReadOnlyList<SessionView> MyCancelled { get; private set; } = [];
    public IReadOnlyDictionary<Guid, bool?> Attendance { get; private set; } = new Dictionary<Guid, bool?>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.ToStaffContext().UserId;
        var now = clock.GetUtcNow();
        Upcoming = await SessionView.QueryAsync(db, db.TrainingSessions.Where(s => s.StartsAt > now && s.CancelledAt == null), ct);
        var mine = await db.SessionBookings.AsNoTracking().Where(b => b.UserId == me && b.Status != BookingStatus.Cancelled)
            .Select(b => new { b.SessionId, b.Status, b.Attended }).ToListAsync(ct);
        Mine = mine.ToDictionary(b => b.SessionId, b => b.Status);
        Attendance = mine.ToDictionary(b => b.SessionId, b => b.Attended);
        var ids = mine.Select(b => b.SessionId).ToList();
        MyPast = await SessionView.QueryAsync(db, db.TrainingSessions.Where(s => s.StartsAt <= now && ids.Contains(s.Id)), ct);
        var released = db.SessionBookings.Where(b => b.UserId == me && b.Status == BookingStatus.Cancelled)
            .Join(db.TrainingSessions, b => b.SessionId, s => s.Id, (b, s) => new { b, s })
            .Where(x => x.s.CancelledAt != null && x.b.CancelledAt == x.s.CancelledAt && x.s.StartsAt > now).Select(x => x.s.Id);
        MyCancelled = await SessionView.QueryAsync(db, db.TrainingSessions.Where(s => released.Contains(s.Id)), ct);
    }
}
