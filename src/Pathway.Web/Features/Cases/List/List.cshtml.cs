using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Cases.List;

[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Case.List)]
public sealed class ListModel(CaseAccess access, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public CaseListView View { get; set; } = CaseListView.All;
    [BindProperty(SupportsGet = true)] public RoshLevel? Rosh { get; set; }
    [BindProperty(SupportsGet = true)] public string? Mappa { get; set; }
    [BindProperty(SupportsGet = true)] public CaseSort Sort { get; set; } = CaseSort.Name;
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }
    // Not [BindProperty(Name = "page")]: Razor Pages' own "page" route value would win over the query string.
    public int PageNumber { get; private set; } = 1;

    public CaseListQuery.Result Result { get; private set; } = new([], 0, 1, 25);
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        PageNumber = Math.Max(1, page ?? 1);
        var who = User.ToStaffContext();
        CanCreate = CaseAccessRules.CanCreateCases(who);
        var query = new CaseListQuery(Search, View, Rosh, Mappa switch { "yes" => true, "no" => false, _ => null },
            Sort, Dir == "desc", PageNumber, 25);
        Result = await query.RunAsync(await access.VisibleAsync(ct), who, ct);
        await audit.ReadAsync("CaseList", null, null, ct);
    }

    /// <summary>A link to this list with one setting changed, keeping the others.</summary>
    public string Link(CaseListView? view = null, CaseSort? sort = null, string? dir = null, int? page = null)
    {
        var args = new Dictionary<string, string?>
        {
            ["view"] = (view ?? View).ToString().ToLowerInvariant(),
            ["q"] = Search,
            ["rosh"] = Rosh?.ToString(),
            ["mappa"] = Mappa,
            ["sort"] = (sort ?? Sort).ToString().ToLowerInvariant(),
            ["dir"] = dir ?? Dir,
            ["page"] = (page ?? (view is null && sort is null ? PageNumber : 1)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/cases", args.Where(a => !string.IsNullOrEmpty(a.Value)));
    }

    public string SortLink(CaseSort column) => Link(sort: column, dir: Sort == column && Dir != "desc" ? "desc" : "asc");

    public string? AriaSort(CaseSort column) => Sort != column ? "none" : Dir == "desc" ? "descending" : "ascending";
}
