using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.Signposting.Directory.EditService;

/// <summary>
/// Adds a service to the directory (<c>/directory/services/new</c>) or changes one. Contradictory eligibility rules are
/// refused with the reason; a change saved meanwhile by someone else is shown, never overwritten.
/// </summary>
[Authorize(Policy = Policies.DirectoryEditor)]
[Audited("directory.service.save")]
public sealed class EditServiceModel(PathwayDbContext db, DirectoryCommands commands) : PageModel
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
        ModelState.Clear();
        var errors = new List<FieldError>();
        var details = Form.Parse(errors);
        var result = await commands.SaveServiceAsync(serviceId, details, Form.Version, errors.Select(e => e.Field).ToHashSet(), ct);
        if (result.Errors.Any(e => e.Field == "Id")) return NotFound();
        errors.AddRange(result.Errors);
        if (errors.Count > 0)
        {
            errors.AddTo(ModelState, "Form.");
            await LoadOrganisationsAsync(ct);
            return Page();
        }
        if (result.Conflict)
        {
            SavedByOther = result.Current;
            Form.Version = result.Current!.Version; // the next save is an informed overwrite of the version shown
            ModelState.AddModelError(string.Empty, "Someone else changed this entry while you were editing. Nothing has been saved. Check what they saved below, then save again to keep your version.");
            await LoadOrganisationsAsync(ct);
            return Page();
        }
        TempData["Success"] = serviceId is null ? $"{result.Saved!.Name} added to the directory" : $"{result.Saved!.Name} updated";
        return Redirect($"/directory/services/{result.Saved.Id}");
    }

    private async Task LoadOrganisationsAsync(CancellationToken ct) =>
        Organisations = (await db.DirectoryOrganisations.AsNoTracking().ToListAsync(ct)).OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToList();
}
