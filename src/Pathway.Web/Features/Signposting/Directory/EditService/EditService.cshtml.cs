using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Signposting.Directory.EditService;

/// <summary>
/// Adds a service to the directory (<c>/directory/services/new</c>) or changes one. Contradictory eligibility rules are
/// refused with the reason; a change saved meanwhile by someone else is shown, never overwritten.
/// </summary>
[Authorize(Policy = Policies.DirectoryEditor)]
[Audited(AuditActions.Directory.ServiceUpdate)]
public sealed class EditServiceModel(PathwayDbContext db, SaveDirectoryService save) : PageModel
{
    [BindProperty] public ServiceForm Form { get; set; } = new();
    public Guid? ServiceId { get; private set; }
    public IReadOnlyList<DirectoryOrganisation> Organisations { get; private set; } = [];
    public DirectoryService? SavedByOther { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? serviceId, Guid? organisationId, CancellationToken ct)
    {
        ServiceId = serviceId;
        await LoadOrganisationsAsync(ct);
        if (serviceId is { } id)
        {
            var s = await db.DirectoryServices.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (s is null) return NotFound();
            Form = ServiceForm.From(s);
        }
        else Form = new ServiceForm { OrganisationId = organisationId?.ToString(), RequiresGpRegistration = "no", OpenToReferrals = "yes", RoshCeiling = "" };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? serviceId, CancellationToken ct)
    {
        ServiceId = serviceId;
        var unreadable = new List<FieldError>();
        var outcome = await save.HandleAsync(serviceId, Form.Parse(unreadable), Form.Version, unreadable, ct);
        return await this.PresentAsync(outcome, saved =>
        {
            TempData["Success"] = serviceId is null ? $"{saved.Name} added to the directory" : $"{saved.Name} updated";
            return Redirect($"/directory/services/{saved.Id}");
        }, () => LoadOrganisationsAsync(ct), prefix: "Form.", conflict: current =>
        {
            SavedByOther = current;
            Form.Version = current.Version; // the next save is an informed overwrite of the version shown
            ModelState.AddModelError(string.Empty, "Someone else changed this entry while you were editing. Nothing has been saved. Check what they saved below, then save again to keep your version.");
        });
    }

    private async Task LoadOrganisationsAsync(CancellationToken ct) =>
        Organisations = (await db.DirectoryOrganisations.AsNoTracking().ToListAsync(ct)).OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToList();
}
