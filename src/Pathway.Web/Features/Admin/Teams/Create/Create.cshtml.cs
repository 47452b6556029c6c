using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Staff;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Admin.Teams.Create;

[Authorize(Policy = Policies.Administrator)]
[Audited("admin.teams.create")]
public sealed class CreateModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Kind { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var name = Name?.Trim() ?? "";
        if (await TeamName.ValidateAsync(name, null, db, ct) is { } problem) ModelState.AddModelError(nameof(Name), problem);
        TeamKind? kind = Enum.TryParse<TeamKind>(Kind, out var k) && Enum.IsDefined(k) ? k : null;
        if (kind is null) ModelState.AddModelError(nameof(Kind), "Select what kind of team it is");
        if (!ModelState.IsValid) return Page();

        var team = new Team { Name = name, Kind = kind!.Value, CreatedAt = clock.GetUtcNow() };
        db.Teams.Add(team);
        audit.Add(null, "Team", team.Id, null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another administrator added the same name between the check and the save; the unique index refused it.
            db.ChangeTracker.Clear();
            ModelState.AddModelError(nameof(Name), "A team with this name already exists");
            return Page();
        }
        TempData["Success"] = $"{team.Name} added";
        return Redirect("/admin/teams");
    }
}
