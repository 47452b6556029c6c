using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Assessments;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Signposting.Referrals;

/// <summary>
/// Refers the person to one service for one need, writing what the service will see: the reason, a staff-safety
/// summary and how to contact them. Sending needs the person's agreement; without it the referral stays a suggestion.
/// </summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited("signposting.create")]
public sealed class ReferModel(CaseAccess access, PathwayDbContext db, SignpostingCommands commands) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Need { get; set; }
    [BindProperty] public string? ReasonForReferral { get; set; }
    [BindProperty] public string? StaffSafetySummary { get; set; }
    [BindProperty] public string? ContactRoute { get; set; }
    [BindProperty] public bool PersonConsented { get; set; }
    [BindProperty] public string? Send { get; set; }
    public CaseHeader Header { get; private set; } = null!;
    public DirectoryService Service { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid serviceId, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct, "SignpostingReferral");
        if (c is null || !await LoadAsync(c, serviceId, ct)) return NotFound();
        ContactRoute = "Through their offender manager";
        Send = "now";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid serviceId, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct, "SignpostingReferral");
        if (c is null || !await LoadAsync(c, serviceId, ct)) return NotFound();
        ModelState.Clear();
        NeedArea? need = Enum.TryParse<NeedArea>(Need, out var n) && Enum.IsDefined(n) ? n : null;
        var result = await commands.CreateAsync(c, serviceId,
            new NewSignpostingReferral(need, ReasonForReferral, StaffSafetySummary, ContactRoute, PersonConsented, Send != "later"),
            User.ToStaffContext().UserId, ct);
        if (result.Errors.Count > 0)
        {
            // A refusal about the service itself (closed, or its rules exclude the person) has no field on this form.
            foreach (var e in result.Errors) ModelState.AddModelError(e.Field == "ServiceId" ? string.Empty : e.Field, e.Message);
            return Page();
        }
        TempData["Success"] = Send == "later" ? $"Suggestion of {Service.Name} saved" : $"Referral sent to {Service.Name}";
        return Redirect($"/cases/{id}/signposting/{result.Referral!.Id}");
    }

    private async Task<bool> LoadAsync(CaseRecord c, Guid serviceId, CancellationToken ct)
    {
        var s = await db.DirectoryServices.AsNoTracking().Include(x => x.Organisation).FirstOrDefaultAsync(x => x.Id == serviceId, ct);
        if (s is null) return false;
        Service = s;
        Header = new CaseHeader(c, CaseTab.Signposting, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()), ShowSharing: true);
        return true;
    }
}
