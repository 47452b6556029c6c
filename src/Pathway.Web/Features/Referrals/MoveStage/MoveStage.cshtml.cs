using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Referrals;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Referrals.MoveStage;

/// <summary>
/// Moves the open referral on the pathway. The service's clinicians see every stage the state machine allows;
/// probation staff may only withdraw. Skipping, not suitable and withdrawn need a reason.
/// </summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited("referral.stage.change")]
public sealed class MoveStageModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty] public string? To { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int Version { get; set; }
    public CaseHeader Header { get; private set; } = null!;
    public Referral? Referral { get; private set; }
    public IReadOnlyList<(PathwayStage Stage, bool ReasonRequired)> Choices { get; private set; } = [];
    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct, "Referral");
        if (c is null) return NotFound();
        await audit.WriteAsync("referral.read", "Referral", null, c.Id, ct: ct);
        await LoadAsync(c, ct);
        if (Referral is not null)
        {
            Version = Referral.Version;
            To = ReferralAccessRules.IsService(User.ToStaffContext()) ? PathwayStateMachine.Following(Referral.Stage)?.ToString() : null;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct, "Referral");
        if (c is null) return NotFound();
        ModelState.Clear();
        await LoadAsync(c, ct);
        if (Referral is null) return Page();
        var who = User.ToStaffContext();
        if (!Enum.TryParse<PathwayStage>(To, out var to) || !Enum.IsDefined(to) || Choices.All(x => x.Stage != to))
        {
            ModelState.AddModelError(nameof(To), "Select the stage to move to");
            return Page();
        }
        if (!ReferralAccessRules.CanMoveTo(who, to)) return NotFound();
        if (Version != Referral.Version)
        {
            ShowConflict(Referral);
            return Page();
        }
        var tracked = await db.Referrals.Include(r => r.StageChanges).FirstAsync(r => r.Id == Referral.Id, ct);
        var problem = ReferralWork.Move(tracked, to, Reason, who.UserId, clock.GetUtcNow());
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(Reason), problem);
            return Page();
        }
        db.Entry(tracked).Property(x => x.Version).OriginalValue = Version;
        audit.Add(null, "Referral", tracked.Id, c.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(c, ct);
            ShowConflict(Referral!);
            return Page();
        }
        TempData["Success"] = $"Referral moved to {PathwayStages.DisplayName(to).ToLowerInvariant()}";
        return Redirect($"/cases/{c.Id}/pathway");
    }

    private void ShowConflict(Referral current)
    {
        Conflict = $"Someone else changed this referral while you were deciding. It is now at {PathwayStages.DisplayName(current.Stage).ToLowerInvariant()}. Nothing has been saved. Check the stage and choose again.";
        ModelState.AddModelError(string.Empty, Conflict);
        Version = current.Version;
    }

    private async Task LoadAsync(CaseRecord c, CancellationToken ct)
    {
        var who = User.ToStaffContext();
        Header = new CaseHeader(c, CaseTab.Pathway, CaseAccessRules.CanViewAccessLog(who), ShowSharing: true);
        Referral = await ReferralWork.OpenAsync(db.Referrals.AsNoTracking(), c.Id, ct);
        Choices = Referral is null ? [] : PathwayStateMachine.Next(Referral.Stage).Where(x => ReferralAccessRules.CanMoveTo(who, x.Stage)).ToList();
    }
}
