using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Domain.Staff;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Home;

/// <summary>The home page: what this person can do, and counts of the cases they can see (counts only, no identities).</summary>
[NotAudited("shows counts only, no identifiable case data")]
public sealed class IndexModel(CaseAccess access) : PageModel
{
    public StaffRole? Role { get; private set; }
    public int? MyCaseload { get; private set; }
    public int? Visible { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var who = User.ToStaffContext();
        Role = who.Roles.Order().Cast<StaffRole?>().FirstOrDefault();
        if (who.SeesCaseData)
        {
            var visible = await access.VisibleAsync(ct);
            Visible = await visible.CountAsync(ct);
            MyCaseload = await visible.CountAsync(c => c.OffenderManagerId == who.UserId || c.PsychologistId == who.UserId, ct);
        }
    }
}
