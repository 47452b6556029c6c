using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Coordination;
using Pathway.Domain.Licences;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Coordination.Actions;

/// <summary>
/// Marks a group action done or dropped (or open again); allowed after the minutes are approved. The group's
/// administrators may change any action, an owner (staff or linked representative) their own; other readers of the
/// group see the action without the form, and a change they send anyway is refused by <see cref="SetGroupActionStatus"/>.
/// </summary>
[Authorize(Policy = Policies.CoordinationReader)]
[Audited(AuditActions.Coordination.ActionStatusUpdate)]
public sealed class ActionStatusModel(PathwayDbContext db, SetGroupActionStatus set, CoordinationGroup group, AuditLog audit) : PageModel
{
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public int? Version { get; set; }
    public string Description { get; private set; } = "";
    /// <summary>Whether the form is offered: to the group's administrators and the action's owner; other readers see the action only.</summary>
    public bool CanChange { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync(Guid groupActionId, CancellationToken ct)
    {
        var a = await db.GroupActions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == groupActionId, ct);
        if (a is null || !await group.CanReadAsync(ct)) return NotFound();
        CanChange = await group.CanSetStatusAsync(a, ct);
        if (a.CaseId is { } c)
        {
            if ((await group.VisibleCasesAsync([c], ct)).Count == 0)
            {
                await audit.DeniedAsync("GroupAction", a.Id, c, ct);
                return NotFound();
            }
            await audit.WriteAsync(AuditActions.Coordination.ActionList, "GroupAction", a.Id, c, ct: ct);
        }
        (Description, Status, Version) = (a.Description, a.Status.ToString(), a.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid groupActionId, CancellationToken ct)
    {
        GroupActionStatus? status = Enum.TryParse<GroupActionStatus>(Status, out var s) && Enum.IsDefined(s) ? s : null;
        var outcome = await set.HandleAsync(groupActionId, status, Version, [], ct);
        return await this.PresentAsync(outcome, _ =>
        {
            TempData["Success"] = "Action updated";
            return Redirect(group.CanAdminister ? "/coordination-group/actions" : "/");
        }, async () =>
        {
            var a = await db.GroupActions.AsNoTracking().FirstAsync(x => x.Id == groupActionId, ct);
            (Description, Version) = (a.Description, a.Version);
        }, prefix: "", conflict: _ => ModelState.AddModelError(string.Empty,
            "Someone else changed this action while you were looking at it. Nothing has been saved. Check the action, then try again."));
    }
}
