using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Referrals.MoveStage;

/// <summary>
/// The form for <see cref="MoveReferralStage"/>. The service's clinicians see every stage the state machine allows;
/// probation staff may only withdraw. Skipping, not suitable and withdrawn need a reason.
/// </summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited(AuditActions.Referral.StageUpdate)]
[CaseScoped(AccessNeed.Edit, EntityType = "Referral")]
public sealed class MoveStageModel(CurrentCase current, MoveReferralStage move, PathwayDbContext db, AuditLog audit) : PageModel
{
    [BindProperty] public string? To { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int Version { get; set; }
    public CaseHeader Header => current.Context.Header(CaseTab.Pathway);
    public Referral? Referral { get; private set; }
    public IReadOnlyList<(PathwayStage Stage, bool ReasonRequired)> Choices { get; private set; } = [];
    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await audit.WriteAsync(AuditActions.Referral.Read, "Referral", null, current.Context.Id, ct: ct);
        await LoadAsync(ct);
        if (Referral is not null)
        {
            Version = Referral.Version;
            To = ReferralAccessRules.IsService(current.Context.Who) ? PathwayStateMachine.Following(Referral.Stage)?.ToString() : null;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(ct);
        if (Referral is null) return Page();
        var chosen = Enum.TryParse<PathwayStage>(To, out var to) && Enum.IsDefined(to) && Choices.Any(x => x.Stage == to) ? to : (PathwayStage?)null;
        List<FieldError> unreadable = chosen is null ? [new(nameof(To), "Select the stage to move to")] : [];
        var outcome = await move.HandleAsync(current.Context, chosen, Reason, Version, unreadable, ct);
        return await this.PresentAsync(outcome, _ =>
        {
            TempData["Success"] = $"Referral moved to {PathwayStages.DisplayName(to).ToLowerInvariant()}";
            return Redirect($"/cases/{current.Context.Id}/pathway");
        }, prefix: "", conflict: ShowConflict);
    }

    private void ShowConflict(Referral now)
    {
        Conflict = $"Someone else changed this referral while you were deciding. It is now at {PathwayStages.DisplayName(now.Stage).ToLowerInvariant()}. Nothing has been saved. Check the stage and choose again.";
        ModelState.AddModelError(string.Empty, Conflict);
        Version = now.Version;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var who = current.Context.Who;
        Referral = await ReferralQueries.OpenAsync(db.Referrals.AsNoTracking(), current.Context.Id, ct);
        Choices = Referral is null ? [] : PathwayStateMachine.Next(Referral.Stage).Where(x => ReferralAccessRules.CanMoveTo(who, x.Stage)).ToList();
    }
}
