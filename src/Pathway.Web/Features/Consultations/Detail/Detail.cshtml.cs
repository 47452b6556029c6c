using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.Referrals;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Consultations.Detail;

/// <summary>One consultation: who came, what was asked and advised, and the agreed actions, which their owners can mark done.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited("consultation.read")]
public sealed class DetailModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public Consultation Consultation { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid consultationId, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "Consultation", consultationId);
        if (c is null) return NotFound();
        return await ShowAsync(c, consultationId, ct);
    }

    /// <summary>Marks an action done: its owner may, or anyone who can edit the case.</summary>
    public async Task<IActionResult> OnPostCompleteAsync(Guid id, Guid consultationId, Guid actionId, int version, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "ConsultationAction", actionId);
        if (c is null) return NotFound();
        var action = await db.ConsultationActions.FirstOrDefaultAsync(a => a.Id == actionId && a.ConsultationId == consultationId && a.CaseId == id, ct);
        if (action is null) return NotFound();
        var who = User.ToStaffContext();
        if (!ReferralAccessRules.CanCompleteAction(who, action.OwnerId, await access.CanEditAsync(c, ct)))
        {
            await audit.WriteAsync("consultation.action.complete", "ConsultationAction", action.Id, c.Id, AuditOutcome.Denied,
                "Only the action's owner, or someone who can edit the case, may mark it done", ct: ct);
            return NotFound();
        }
        if (action.CompletedAt is null)
        {
            db.Entry(action).Property(x => x.Version).OriginalValue = version;
            var stale = version != action.Version ? action : await ConsultationEndpoints.MarkDoneAsync(db, audit, c, action, who.UserId, clock, ct);
            if (stale is not null)
            {
                ModelState.AddModelError(string.Empty, "Someone else changed this action. Nothing has been saved. Check it and try again.");
                db.ChangeTracker.Clear();
                return await ShowAsync(c, consultationId, ct);
            }
        }
        TempData["Success"] = "Action marked as done";
        return Redirect($"/cases/{c.Id}/consultations/{consultationId}");
    }

    private async Task<IActionResult> ShowAsync(CaseRecord c, Guid consultationId, CancellationToken ct)
    {
        var con = await db.Consultations.AsNoTracking().WithPeople().FirstOrDefaultAsync(x => x.Id == consultationId && x.CaseId == c.Id, ct);
        if (con is null) return NotFound();
        Consultation = con;
        CanEdit = await access.CanEditAsync(c, ct);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Header = new CaseHeader(c, CaseTab.Consultations, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()), ShowSharing: CanEdit);
        return Page();
    }
}
