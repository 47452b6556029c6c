using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Cases.Sharing;

/// <summary>
/// Who else may see a case: the police public protection units it is shared with (<see cref="SetPoliceUnitSharing"/>)
/// and, for a restricted case, the staff named on it, the only people who can see it at all (<see cref="AddNamedStaff"/>,
/// <see cref="RemoveNamedStaff"/>). Only someone who can edit the case may change either.
/// </summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited(AuditActions.Case.SharingUpdate)]
[CaseScoped(AccessNeed.Edit, EntityType = "CaseSharing")]
public sealed class SharingModel(CurrentCase current, SetPoliceUnitSharing shareUnits, AddNamedStaff addNamed, RemoveNamedStaff removeNamed,
    PathwayDbContext db, AuditLog audit) : PageModel
{
    public sealed record NamedPerson(Guid Id, string Name, string Email);

    /// <summary>The police units ticked, as team ids.</summary>
    [BindProperty] public List<string> Units { get; set; } = [];
    [BindProperty] public string? Email { get; set; }

    public CaseHeader Header => (current.Context with { Case = _case ?? current.Context.Case }).Header(CaseTab.Sharing);
    public IReadOnlyList<Govuk.Option> PoliceUnits { get; private set; } = [];
    public IReadOnlyList<NamedPerson> Named { get; private set; } = [];
    public Guid Me => current.Context.Who.UserId;

    // After a conflict, the case as saved now (the change that failed is not shown as if it had been made).
    private CaseRecord? _case;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var c = current.Context;
        await audit.WriteAsync(AuditActions.Case.SharingRead, "CaseSharing", c.Id, c.Id, ct: ct);
        await ShowAsync(resetUnits: true, ct);
    }

    public async Task<IActionResult> OnPostUnitsAsync(CancellationToken ct) =>
        await PresentAsync(await shareUnits.HandleAsync(current.Context, Units, ct), "Sharing with police units saved", resetUnitsOnError: false, ct);

    public async Task<IActionResult> OnPostAddNamedAsync(CancellationToken ct)
    {
        var outcome = await addNamed.HandleAsync(current.Context, Email, ct);
        return await PresentAsync(outcome, outcome is Outcome<SharingSaved>.Done d ? $"{d.Value.Person} can now see this case" : "", resetUnitsOnError: true, ct);
    }

    public async Task<IActionResult> OnPostRemoveNamedAsync(Guid userId, CancellationToken ct) =>
        await PresentAsync(await removeNamed.HandleAsync(current.Context, userId, ct), "Removed from this case", resetUnitsOnError: true, ct);

    private Task<IActionResult> PresentAsync(Outcome<SharingSaved> outcome, string done, bool resetUnitsOnError, CancellationToken ct) =>
        this.PresentAsync(outcome, saved =>
        {
            if (saved.Changed) TempData["Success"] = done;
            return Redirect($"/cases/{saved.Case.Id}/sharing");
        }, () => ShowAsync(resetUnitsOnError || _case is not null, ct), prefix: "", conflict: saved =>
        {
            _case = saved.Case;
            ModelState.AddModelError(string.Empty, "Someone else changed who can see this case at the same time. Nothing has been saved. Check the page and try again.");
        });

    private async Task ShowAsync(bool resetUnits, CancellationToken ct)
    {
        var c = _case ?? current.Context.Case;
        var police = await db.Teams.AsNoTracking().Where(t => t.Kind == TeamKind.Police).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        PoliceUnits = police.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).Select(t => new Govuk.Option(t.Id.ToString(), t.Name)).ToList();
        if (resetUnits)
        {
            var ids = police.Select(t => t.Id).ToHashSet();
            Units = c.Shares.Where(s => ids.Contains(s.TeamId)).Select(s => s.TeamId.ToString()).ToList();
        }
        var namedIds = c.NamedStaff.Select(n => n.UserId).ToArray();
        Named = (await db.Users.AsNoTracking().Where(u => namedIds.Contains(u.Id))
                .Select(u => new NamedPerson(u.Id, u.DisplayName, u.Email ?? "")).ToListAsync(ct))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
