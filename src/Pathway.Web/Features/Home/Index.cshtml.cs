using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Staff;
using Pathway.Web.Features.CarePlans;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Home;

/// <summary>
/// The home page: what this person can do, counts of the cases they can see, and the care-plan reviews they are
/// responsible for that are due within 14 days or overdue. The counts carry no identities; the review list does, so
/// showing it writes a read row of its own.
/// </summary>
[NotAudited("shows counts only; the care-plan reviews list writes its own careplan.reviews.read row")]
public sealed class IndexModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public StaffRole? Role { get; private set; }
    public int? MyCaseload { get; private set; }
    public int? Visible { get; private set; }
    public IReadOnlyList<ReviewsDue.Entry> Reviews { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var who = User.ToStaffContext();
        Role = who.Roles.Order().Cast<StaffRole?>().FirstOrDefault();
        if (who.SeesCaseData)
        {
            var visible = await access.VisibleAsync(ct);
            Visible = await visible.CountAsync(ct);
            MyCaseload = await visible.CountAsync(c => c.OffenderManagerId == who.UserId || c.PsychologistId == who.UserId, ct);
            Reviews = await ReviewsDue.ForAsync(visible, db.CarePlans.AsNoTracking(), who.UserId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
            if (Reviews.Count > 0) await audit.WriteAsync("careplan.reviews.read", "CarePlanReviewsDue", null, null, ct: ct);
        }
    }
}
