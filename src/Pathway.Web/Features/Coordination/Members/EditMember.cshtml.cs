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

/// <summary>Adds a member organisation to the group (<c>/coordination-group/members/new</c>) or changes one (for example, the date it left).</summary>
[Authorize(Policy = Policies.CoordinationAdmin)]
[Audited(AuditActions.Coordination.MemberUpdate)]
public sealed class EditMemberModel(PathwayDbContext db, SaveGroupMember save) : PageModel
{
    public const string ThisServiceValue = "this-service";

    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public DateParts JoinedOn { get; set; } = new();
    [BindProperty] public DateParts LeftOn { get; set; } = new();
    [BindProperty] public int? Version { get; set; }
    public Guid? MemberId { get; private set; }
    public IReadOnlyList<Govuk.Option> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? memberId, CancellationToken ct)
    {
        MemberId = memberId;
        if (memberId is { } id)
        {
            var m = await db.GroupMembers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (m is null) return NotFound();
            (Organisation, JoinedOn, LeftOn, Version) = (m.OrganisationId?.ToString() ?? ThisServiceValue, DateParts.From(m.JoinedOn), DateParts.From(m.LeftOn), m.Version);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? memberId, CancellationToken ct)
    {
        MemberId = memberId;
        var unreadable = new List<FieldError>();
        Guid? org = Guid.TryParse(Organisation, out var o) ? o : null;
        if (JoinedOn.TryParse("Date joined", out var joined) is { } e1) unreadable.Add(new("JoinedOn", e1));
        if (LeftOn.TryParse("Date left", out var left) is { } e2) unreadable.Add(new("LeftOn", e2));
        var outcome = await save.HandleAsync(memberId, new MemberDetails(org, Organisation == ThisServiceValue, joined, left), Version, unreadable, ct);
        return await this.PresentAsync(outcome, _ =>
        {
            TempData["Success"] = memberId is null ? "Member organisation added" : "Member organisation updated";
            return Redirect("/coordination-group");
        }, () => LoadAsync(ct), prefix: "", conflict: _ => ModelState.AddModelError(string.Empty,
            "Someone else changed this member while you were editing. Nothing has been saved. Go back to the group to see their change, then make yours again."));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var orgs = await db.DirectoryOrganisations.AsNoTracking().Select(x => new { x.Id, x.Name }).ToListAsync(ct);
        Organisations = orgs.OrderBy(x => x.Name, StringComparer.OrdinalIgnoreCase).Select(x => new Govuk.Option(x.Id.ToString(), x.Name))
            .Prepend(new Govuk.Option(ThisServiceValue, CoordinationGroup.ThisService)).ToList();
    }
}
