using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Signposting;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Domain.Staff;

namespace Pathway.Web.Features.Signposting.Directory.Service;

/// <summary>One directory service: what it offers, who it takes, how to refer; editors record that they checked it.</summary>
[Authorize(Policy = Policies.DirectoryReader)]
[Audited("directory.service.verify")]
public sealed class ServiceModel(PathwayDbContext db, DirectoryCommands commands, TimeProvider clock) : PageModel
{
    public DirectoryService Service { get; private set; } = null!;
    public string? VerifiedBy { get; private set; }
    public bool CanEdit { get; private set; }
    public DateOnly Today { get; private set; }
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid serviceId, CancellationToken ct)
    {
        // Reading the directory is not audited (no personal data); the check below is a change and is.
        return await LoadAsync(serviceId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostVerifyAsync(Guid serviceId, CancellationToken ct)
    {
        if (!User.ToStaffContext().IsInAny(RoleSets.Clinicians)) return Forbid();
        var result = await commands.VerifyServiceAsync(serviceId, Version, ct);
        if (result.Errors.Any(e => e.Field == "Id")) return NotFound();
        if (result.Conflict)
        {
            await LoadAsync(serviceId, ct);
            ModelState.AddModelError(string.Empty, "Someone else changed this entry while you were reading it. Nothing has been saved. Read the entry again, then confirm it is correct.");
            return Page();
        }
        TempData["Success"] = $"{result.Saved!.Name} marked as checked today";
        return Redirect($"/directory/services/{serviceId}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var s = await DirectoryCommands.WithOrganisation(db.DirectoryServices.AsNoTracking()).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return false;
        Service = s;
        Version = s.Version;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        CanEdit = User.ToStaffContext().IsInAny(RoleSets.Clinicians);
        if (s.LastVerifiedById is { } by)
            VerifiedBy = await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return true;
    }
}
