using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Staff;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Admin.Teams.List;

[Authorize(Policy = Policies.Administrator)]
[NotAudited("team names, kinds and staff counts only; no personal or case data")]
public sealed class ListModel(PathwayDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, TeamKind Kind, int ActiveStaff);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.Teams.AsNoTracking()
            .Select(t => new Row(t.Id, t.Name, t.Kind, db.Users.Count(u => u.TeamId == t.Id && u.DisabledAt == null)))
            .ToListAsync(ct);
        Rows = rows.OrderBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
