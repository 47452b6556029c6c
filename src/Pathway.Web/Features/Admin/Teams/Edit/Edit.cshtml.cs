using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Admin.Teams.Edit;

/// <summary>
/// Renames a team. Its kind is fixed: changing it would leave members in a team that no longer fits their role.
/// The form carries the version it was loaded at; a rename saved meanwhile by someone else is shown, not overwritten.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[Audited("admin.teams.update")]
public sealed class EditModel(PathwayDbContext db, AuditLog audit) : PageModel
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

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) return NotFound();
        Team = team;
        ModelState.Clear();
        var name = Name?.Trim() ?? "";

        if (Version != team.Version)
        {
            ShowConflict(team);
            return Page();
        }
        if (await TeamName.ValidateAsync(name, team.Id, db, ct) is { } problem)
        {
            ModelState.AddModelError(nameof(Name), problem);
            return Page();
        }
        if (name == team.Name) return Redirect("/admin/teams");

        var old = team.Name;
        team.Name = name;
        // Guard the gap between loading and saving too: the update only matches the version we checked.
        db.Entry(team).Property(t => t.Version).OriginalValue = Version;
        audit.Add(null, "Team", team.Id, null, reason: $"renamed from \"{old}\" to \"{name}\"");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            Team = await db.Teams.AsNoTracking().FirstAsync(t => t.Id == id, ct);
            ShowConflict(Team);
            return Page();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            Team = await db.Teams.AsNoTracking().FirstAsync(t => t.Id == id, ct);
            ModelState.AddModelError(nameof(Name), "A team with this name already exists");
            return Page();
        }
        TempData["Success"] = $"{old} renamed to {name}";
        return Redirect("/admin/teams");
    }

    private void ShowConflict(Team saved)
    {
        SavedByOther = saved.Name;
        ModelState.AddModelError(string.Empty,
            "Someone else changed this team while you were editing. Nothing has been saved. Check the name they saved, then save again to keep yours.");
        // The next save is an informed overwrite of the version shown.
        Version = saved.Version;
    }
}
