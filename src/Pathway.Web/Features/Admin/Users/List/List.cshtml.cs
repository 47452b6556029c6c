using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Admin.Users.List;

public enum UserSort
{
    Name,
    Email,
}

/// <summary>Every staff account, filtered and paged on the server. Shows staff details only, never case data.</summary>
[Authorize(Policy = Policies.Administrator)]
[Audited(AuditActions.Admin.UsersList)]
public sealed class ListModel(PathwayDbContext db, AuditLog audit) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(Guid Id, string Name, string Email, IReadOnlyList<StaffRole> Roles, string? Team, bool TwoFactor, bool Disabled);

    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public StaffRole? Role { get; set; }
    [BindProperty(SupportsGet = true)] public UserSort Sort { get; set; } = UserSort.Name;
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }
    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public PaginationModel Pager => new(PageNumber, Pages, p => Link(page: p));

    // "page" comes from the query string explicitly: as a bound property it would get Razor Pages' own "page" route value.
    public async Task OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken ct)
    {
        PageNumber = page;
        var q = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim();
            var lower = term.ToLowerInvariant();
            var upper = term.ToUpperInvariant();
            // Lower-casing in the query keeps the match case-insensitive on PostgreSQL as well as SQLite.
            q = q.Where(u => u.DisplayName.ToLower().Contains(lower) || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(upper)));
        }
        if (Role is { } role)
        {
            var name = role.ToString();
            q = q.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == name)));
        }
        var desc = Dir == "desc";
        q = (Sort, desc) switch
        {
            (UserSort.Email, false) => q.OrderBy(u => u.NormalizedEmail).ThenBy(u => u.Id),
            (UserSort.Email, true) => q.OrderByDescending(u => u.NormalizedEmail).ThenBy(u => u.Id),
            (_, false) => q.OrderBy(u => u.DisplayName).ThenBy(u => u.Id),
            (_, true) => q.OrderByDescending(u => u.DisplayName).ThenBy(u => u.Id),
        };

        Total = await q.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var slice = await q.Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.DisplayName, u.Email, Team = u.Team != null ? u.Team.Name : null, u.TwoFactorEnabled, u.DisabledAt })
            .ToListAsync(ct);
        var ids = slice.Select(u => u.Id).ToArray();
        var roles = await db.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        Rows = slice.Select(u => new Row(u.Id, u.DisplayName, u.Email ?? "",
            roles.Where(r => r.UserId == u.Id).Select(r => Enum.TryParse<StaffRole>(r.Name, out var sr) ? sr : (StaffRole?)null)
                .OfType<StaffRole>().Order().ToList(),
            u.Team, u.TwoFactorEnabled, u.DisabledAt is not null)).ToList();

        await audit.WriteAsync(null, "UserList", null, null, ct: ct);
    }

    /// <summary>A link to this list with one setting changed, keeping the others.</summary>
    public string Link(UserSort? sort = null, string? dir = null, int? page = null)
    {
        var args = new Dictionary<string, string?>
        {
            ["q"] = Search,
            ["role"] = Role?.ToString(),
            ["sort"] = (sort ?? Sort).ToString().ToLowerInvariant(),
            ["dir"] = dir ?? Dir,
            ["page"] = (page ?? (sort is null ? PageNumber : 1)).ToString(CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("/admin/users", args.Where(a => !string.IsNullOrEmpty(a.Value)));
    }

    public string SortLink(UserSort column) => Link(sort: column, dir: Sort == column && Dir != "desc" ? "desc" : "asc");

    public string AriaSort(UserSort column) => Sort != column ? "none" : Dir == "desc" ? "descending" : "ascending";
}
