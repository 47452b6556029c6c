using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Signposting;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Compliance;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Signposting.Referrals;

/// <summary>One signposting referral: what was shared, its history, and (for editors of the case) recording what happened next.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited("signposting.read")]
public sealed class DetailModel(CaseAccess access, PathwayDbContext db, AuditLog audit, SignpostingCommands commands) : PageModel
{
    [BindProperty] public string? To { get; set; }
    [BindProperty] public DateParts? On { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int? Version { get; set; }
    public CaseHeader Header { get; private set; } = null!;
    public SignpostingReferral Referral { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public bool CanRecord { get; private set; }
    public bool Overdue { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid signpostingId, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "SignpostingReferral", signpostingId);
        if (c is null) return NotFound();
        var r = await CaseRecordLookup.FindAsync(Query(db.SignpostingReferrals.AsNoTracking()), audit, id, signpostingId, ct);
        if (r is null) return NotFound();
        await ShowAsync(c, r, ct);
        Version = r.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid signpostingId, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct, "SignpostingReferral", signpostingId);
        if (c is null) return NotFound();
        var r = await CaseRecordLookup.FindAsync(Query(db.SignpostingReferrals), audit, id, signpostingId, ct);
        if (r is null) return NotFound();
        ModelState.Clear();
        var errors = new List<Domain.Licences.FieldError>();
        DateOnly? on = null;
        if (On?.TryParse("Date it happened", out on) is { } problem) errors.Add(new("On", problem));
        SignpostingReferralStatus? to = Enum.TryParse<SignpostingReferralStatus>(To, out var t) && Enum.IsDefined(t) ? t : null;
        var result = errors.Count > 0
            ? new SignpostingResult(null, errors)
            : await commands.MoveAsync(r, new SignpostingMoveRequest(to, on, Reason, Version), SignpostingActor.Staff, User.ToStaffContext().UserId, ct);
        if (result.Errors.Count > 0 || result.Conflict)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(e.Field == "Version" ? string.Empty : e.Field, e.Message);
            if (result.Conflict)
                ModelState.AddModelError(string.Empty, "Someone else recorded a change to this referral while you had it open. Nothing has been saved. Check its history below, then record what happened again.");
            db.ChangeTracker.Clear();
            var fresh = await Query(db.SignpostingReferrals.AsNoTracking()).FirstAsync(x => x.Id == signpostingId, ct);
            await ShowAsync(c, fresh, ct);
            Version = fresh.Version;
            return Page();
        }
        TempData["Success"] = $"Recorded: {SignpostingStateMachine.DisplayName(r.Status).ToLowerInvariant()}";
        return Redirect($"/cases/{id}/signposting/{signpostingId}");
    }

    private static IQueryable<SignpostingReferral> Query(IQueryable<SignpostingReferral> q) =>
        q.Include(x => x.Service).ThenInclude(s => s!.Organisation).Include(x => x.Events);

    private async Task ShowAsync(CaseRecord c, SignpostingReferral r, CancellationToken ct)
    {
        Referral = r;
        var canEdit = await access.CanEditAsync(c, ct);
        Header = new CaseHeader(c, CaseTab.Signposting, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()), ShowSharing: canEdit);
        CanRecord = canEdit && !r.Status.IsTerminal();
        Overdue = commands.ResponseOverdue(r);
        var ids = r.Events.Select(e => e.ById).Distinct().ToList();
        Names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
