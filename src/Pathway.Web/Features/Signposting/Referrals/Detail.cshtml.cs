using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Signposting;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Compliance;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Signposting.Referrals;

/// <summary>
/// One signposting referral: what was shared, its history, and (for editors of the case) recording what happened next
/// with <see cref="RecordSignpostingMove"/>. Anyone who may read the case sees it; posting needs edit access.
/// </summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Signposting.Read)]
[CaseScoped(AccessNeed.Read, EntityType = "SignpostingReferral", EntityRouteValue = "signpostingId", NeedOnPost = AccessNeed.Edit)]
public sealed class DetailModel(CurrentCase current, PathwayDbContext db, AuditLog audit, RecordSignpostingMove record, SignpostingCalendar calendar) : PageModel
{
    [BindProperty] public string? To { get; set; }
    [BindProperty] public DateParts? On { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int? Version { get; set; }
    public CaseHeader Header => current.Context.Header(CaseTab.Signposting);
    public SignpostingReferral Referral { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public bool CanRecord { get; private set; }
    public bool Overdue { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid signpostingId, CancellationToken ct)
    {
        var r = await CaseRecordLookup.FindAsync(Query(db.SignpostingReferrals.AsNoTracking()), audit, current.Context.Id, signpostingId, ct);
        if (r is null) return NotFound();
        await ShowAsync(r, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid signpostingId, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        DateOnly? on = null;
        if (On?.TryParse("Date it happened", out on) is { } problem) unreadable.Add(new("On", problem));
        SignpostingReferralStatus? to = Enum.TryParse<SignpostingReferralStatus>(To, out var t) && Enum.IsDefined(t) ? t : null;
        var outcome = await record.ByStaffAsync(current.Context, signpostingId, new SignpostingMoveRequest(to, on, Reason, Version), unreadable, ct);
        return await this.PresentAsync(VersionErrorsAtTop(outcome), moved =>
        {
            TempData["Success"] = $"Recorded: {SignpostingStateMachine.DisplayName(moved.Status).ToLowerInvariant()}";
            return Redirect($"/cases/{moved.CaseId}/signposting/{moved.Id}");
        }, async () =>
        {
            db.ChangeTracker.Clear();
            await ShowAsync(await Query(db.SignpostingReferrals.AsNoTracking()).FirstAsync(x => x.Id == signpostingId, ct), ct);
        }, prefix: "", conflict: _ => ModelState.AddModelError(string.Empty,
            "Someone else recorded a change to this referral while you had it open. Nothing has been saved. Check its history below, then record what happened again."));
    }

    // The version travels in a hidden field: a problem with it belongs at the top of the page.
    private static Outcome<SignpostingReferral> VersionErrorsAtTop(Outcome<SignpostingReferral> outcome) =>
        outcome is Outcome<SignpostingReferral>.Invalid i
            ? Outcome.Invalid<SignpostingReferral>(i.Errors.Select(e => e.Field == "Version" ? e with { Field = string.Empty } : e).ToList())
            : outcome;

    private static IQueryable<SignpostingReferral> Query(IQueryable<SignpostingReferral> q) =>
        q.Include(x => x.Service).ThenInclude(s => s!.Organisation).Include(x => x.Events);

    private async Task ShowAsync(SignpostingReferral r, CancellationToken ct)
    {
        Referral = r;
        Version = r.Version;
        CanRecord = current.Context.Can.Edit && !r.Status.IsTerminal();
        Overdue = calendar.ResponseOverdue(r);
        var ids = r.Events.Select(e => e.ById).Distinct().ToList();
        Names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
