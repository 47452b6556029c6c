using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Coordination.Members;

/// <summary>Adds a representative to a member organisation (<c>/coordination-group/members/{id}/representatives/new</c>) or changes one.</summary>
[Authorize(Policy = Policies.CoordinationAdmin)]
[Audited(AuditActions.Coordination.RepresentativeUpdate)]
public sealed class EditRepresentativeModel(PathwayDbContext db, SaveGroupRepresentative save) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? StaffUserId { get; set; }
    [BindProperty] public DateParts ActiveFrom { get; set; } = new();
    [BindProperty] public DateParts LeftOn { get; set; } = new();
    [BindProperty] public int? Version { get; set; }
    public Guid? RepresentativeId { get; private set; }
    public string Organisation { get; private set; } = "";
    public IReadOnlyList<Govuk.Option> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? memberId, Guid? representativeId, CancellationToken ct)
    {
        RepresentativeId = representativeId;
        if (representativeId is { } id)
        {
            var r = await db.GroupRepresentatives.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (r is null) return NotFound();
            (memberId, Name, Title, Email, StaffUserId, ActiveFrom, LeftOn, Version) =
                (r.MemberId, r.Name, r.Title, r.Email, r.StaffUserId?.ToString() ?? "", DateParts.From(r.ActiveFrom), DateParts.From(r.LeftOn), r.Version);
        }
        return await LoadAsync(memberId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid? memberId, Guid? representativeId, CancellationToken ct)
    {
        RepresentativeId = representativeId;
        var unreadable = new List<FieldError>();
        Guid? staff = null;
        if (!string.IsNullOrEmpty(StaffUserId))
        {
            if (Guid.TryParse(StaffUserId, out var s)) staff = s;
            else unreadable.Add(new("StaffUserId", "Choose a Pathway user, or none"));
        }
        if (ActiveFrom.TryParse("Start date", out var from) is { } e1) unreadable.Add(new("ActiveFrom", e1));
        if (LeftOn.TryParse("Date left", out var left) is { } e2) unreadable.Add(new("LeftOn", e2));
        var outcome = await save.HandleAsync(representativeId, memberId ?? Guid.Empty, new RepresentativeDetails(Name, Title, Email, staff, from, left), Version,
            unreadable, ct);
        return await this.PresentAsync(outcome, _ =>
        {
            TempData["Success"] = representativeId is null ? $"{Name!.Trim()} added as a representative" : $"{Name!.Trim()} updated";
            return Redirect("/coordination-group");
        }, async () =>
        {
            if (representativeId is { } id) memberId = await db.GroupRepresentatives.Where(r => r.Id == id).Select(r => r.MemberId).FirstAsync(ct);
            await LoadAsync(memberId, ct);
        }, prefix: "", conflict: _ => ModelState.AddModelError(string.Empty,
            "Someone else changed this representative while you were editing. Nothing has been saved. Go back to the group to see their change, then make yours again."));
    }

    private async Task<bool> LoadAsync(Guid? memberId, CancellationToken ct)
    {
        var m = await db.GroupMembers.AsNoTracking().Include(x => x.Organisation).FirstOrDefaultAsync(x => x.Id == memberId, ct);
        if (m is null) return false;
        Organisation = m.Organisation?.Name ?? CoordinationGroup.ThisService;
        var users = await db.Users.AsNoTracking().Where(u => u.DisabledAt == null).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        Staff = users.OrderBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase).Select(u => new Govuk.Option(u.Id.ToString(), $"{u.DisplayName} ({u.Email})")).ToList();
        return true;
    }
}
