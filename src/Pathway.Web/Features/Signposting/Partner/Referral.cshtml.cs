using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Signposting;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Signposting.Referrals;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Signposting.Partner;

/// <summary>
/// One referral as the partner agency sees it (the minimum needed to act), and recording their answer and attendance
/// with <see cref="RecordSignpostingMove"/>. Not a case page: the partner never sees the case, only what was sent.
/// </summary>
[Authorize(Policy = Policies.PartnerAgency)]
[Audited(AuditActions.Partner.ReferralRead)]
public sealed class ReferralModel(PathwayDbContext db, AuditLog audit, RecordSignpostingMove record) : PageModel
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
        var unreadable = new List<FieldError>();
        DateOnly? on = null;
        if (On?.TryParse("Date it happened", out on) is { } problem) unreadable.Add(new("On", problem));
        SignpostingReferralStatus? to = Enum.TryParse<SignpostingReferralStatus>(To, out var t) && Enum.IsDefined(t) ? t : null;
        var outcome = await record.ByPartnerAsync(who, signpostingId, new SignpostingMoveRequest(to, on, Reason, Version), unreadable, ct);
        return await this.PresentAsync(VersionErrorsAtTop(outcome), moved =>
        {
            TempData["Success"] = $"Recorded: {SignpostingStateMachine.DisplayName(moved.Status).ToLowerInvariant()}";
            return Redirect($"/partner/referrals/{signpostingId}");
        }, async () =>
        {
            db.ChangeTracker.Clear();
            Referral = (await PartnerReferrals.FindAsync(db, audit, who.TeamId, signpostingId, ct))!.Value.View;
            Version = Referral.Version;
        }, prefix: "", conflict: _ => ModelState.AddModelError(string.Empty,
            "Someone else recorded a change to this referral while you had it open. Nothing has been saved. Check its history, then record what happened again."));
    }

    // The version travels in a hidden field: a problem with it belongs at the top of the page.
    private static Outcome<SignpostingReferral> VersionErrorsAtTop(Outcome<SignpostingReferral> outcome) =>
        outcome is Outcome<SignpostingReferral>.Invalid i
            ? Outcome.Invalid<SignpostingReferral>(i.Errors.Select(e => e.Field == "Version" ? e with { Field = string.Empty } : e).ToList())
            : outcome;
}
