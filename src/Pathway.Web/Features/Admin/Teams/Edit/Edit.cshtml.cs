using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Admin.Teams.Edit;

/// <summary>
/// Renames a team (<see cref="RenameTeam"/>). Its kind is fixed: changing it would leave members in a team that no longer fits their role.
/// The form carries the version it was loaded at; a rename saved meanwhile by someone else is shown, not overwritten.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[Audited(AuditActions.Admin.TeamsUpdate)]
public sealed class EditModel(PathwayDbContext db, RenameTeam rename) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int Version { get; set; }
    public Team Team { get; private set; } = null!;
    /// <summary>The name someone else saved while this form was open, when that is why the save was refused.</summary>
    public string? SavedByOther { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) return NotFound();
        Team = team;
        Name = team.Name;
        Version = team.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        await this.PresentAsync(await rename.HandleAsync(id, Version, Name, ct), done =>
        {
            if (done.OldName is null) return Redirect("/admin/teams");
            TempData["Success"] = $"{done.OldName} renamed to {done.Team.Name}";
            return Redirect("/admin/teams");
        }, async () => Team = await db.Teams.AsNoTracking().FirstAsync(t => t.Id == id, ct), prefix: "", conflict: saved => ShowConflict(saved.Team));

    private void ShowConflict(Team saved)
    {
        SavedByOther = saved.Name;
        ModelState.AddModelError(string.Empty,
            "Someone else changed this team while you were editing. Nothing has been saved. Check the name they saved, then save again to keep yours.");
        // The next save is an informed overwrite of the version shown.
        Version = saved.Version;
    }
}
