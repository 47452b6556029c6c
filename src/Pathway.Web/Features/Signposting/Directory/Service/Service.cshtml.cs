using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Signposting;
using Pathway.Domain.Staff;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Signposting.Directory.Service;

/// <summary>One directory service: what it offers, who it takes, how to refer; editors record that they checked it.</summary>
[Authorize(Policy = Policies.DirectoryReader)]
[Audited(AuditActions.Directory.ServiceVerify)]
public sealed class ServiceModel(PathwayDbContext db, VerifyDirectoryService verify, TimeProvider clock) : PageModel
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
        var outcome = await verify.HandleAsync(serviceId, Version, ct);
        return await this.PresentAsync(outcome, saved =>
        {
            TempData["Success"] = $"{saved.Name} marked as checked today";
            return Redirect($"/directory/services/{serviceId}");
        }, () => LoadAsync(serviceId, ct), prefix: "", conflict: _ => ModelState.AddModelError(string.Empty,
            "Someone else changed this entry while you were reading it. Nothing has been saved. Read the entry again, then confirm it is correct."));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var s = await DirectoryQueries.WithOrganisation(db.DirectoryServices.AsNoTracking()).FirstOrDefaultAsync(x => x.Id == id, ct);
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
