using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Coordination.Actions;

/// <summary>The group's actions, soonest due first, overdue ones tagged; open ones by default (<c>?show=all</c> for all).</summary>
[Authorize(Policy = Policies.CoordinationReader)]
[Audited(AuditActions.Coordination.ActionList)]
public sealed class ListModel(CoordinationGroup group, AuditLog audit) : PageModel
{
    public IReadOnlyList<ActionView> Actions { get; private set; } = [];
    public bool ShowAll { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? show, CancellationToken ct)
    {
        if (!await group.CanReadAsync(ct))
        {
            await audit.DeniedAsync("CoordinationGroup", null, null, ct);
            return NotFound();
        }
        ShowAll = show == "all";
        Actions = await group.ActionsAsync(!ShowAll, null, ct);
        await audit.ReadAsync("GroupActionList", null, null, ct);
        return Page();
    }
}
