using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Signposting;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Signposting.Partner;

/// <summary>One referral as the partner agency sees it (the minimum needed to act), and recording their answer and attendance.</summary>
[Authorize(Policy = Policies.PartnerAgency)]
[Audited("partner.referral.read")]
public sealed class ReferralModel(PathwayDbContext db, AuditLog audit, SignpostingCommands commands) : PageModel
{
    [BindProperty] public string? To { get; set; }
    [BindProperty] public DateParts? On { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int? Version { get; set; }
    public PartnerReferralView Referral { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid signpostingId, CancellationToken ct)
    {
        var found = await PartnerReferrals.FindAsync(db, audit, User.ToStaffContext().TeamId, signpostingId, ct);
        if (found is not { } f) return NotFound();
        Referral = f.View;
        Version = f.View.Version;
        await audit.ReadAsync("SignpostingReferral", signpostingId, f.CaseId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid signpostingId, CancellationToken ct)
    {
        var who = User.ToStaffContext();
        var found = await PartnerReferrals.FindAsync(db, audit, who.TeamId, signpostingId, ct);
        if (found is null) return NotFound();
        var referral = await db.SignpostingReferrals.Include(r => r.Events).FirstAsync(r => r.Id == signpostingId, ct);
        ModelState.Clear();
        var errors = new List<Domain.Licences.FieldError>();
        DateOnly? on = null;
        if (On?.TryParse("Date it happened", out on) is { } problem) errors.Add(new("On", problem));
        SignpostingReferralStatus? to = Enum.TryParse<SignpostingReferralStatus>(To, out var t) && Enum.IsDefined(t) ? t : null;
        var result = errors.Count > 0
            ? new SignpostingResult(null, errors)
            : await commands.MoveAsync(referral, new SignpostingMoveRequest(to, on, Reason, Version), SignpostingActor.Partner, who.UserId, ct);
        if (result.Errors.Count > 0 || result.Conflict)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(e.Field == "Version" ? string.Empty : e.Field, e.Message);
            if (result.Conflict)
                ModelState.AddModelError(string.Empty, "Someone else recorded a change to this referral while you had it open. Nothing has been saved. Check its history, then record what happened again.");
            db.ChangeTracker.Clear();
            Referral = (await PartnerReferrals.FindAsync(db, audit, who.TeamId, signpostingId, ct))!.Value.View;
            Version = Referral.Version;
            return Page();
        }
        TempData["Success"] = $"Recorded: {SignpostingStateMachine.DisplayName(referral.Status).ToLowerInvariant()}";
        return Redirect($"/partner/referrals/{signpostingId}");
    }
}
