using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Licences.Edit;

/// <summary>
/// The form for <see cref="UpdateLicence"/>. It carries the version it was loaded at; if someone else saved in the
/// meantime nothing is overwritten and the page shows what differs, with the latest version, so the person can decide.
/// </summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited(AuditActions.Licence.Update)]
[CaseScoped(AccessNeed.Edit)]
public sealed class EditModel(CurrentCase current, UpdateLicence update, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty] public LicenceForm Input { get; set; } = new();
    public LicenceFormOptions Options { get; private set; } = null!;
    public CaseHeader Header => current.Context.Header(CaseTab.Licences);
    public Guid LicenceId { get; private set; }
    public IReadOnlyList<(string Field, string Submitted, string Saved)> Conflicts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid licenceId, CancellationToken ct)
    {
        var l = await LicenceLookup.FindAsync(db.Licences.AsNoTracking(), audit, current.Context.Id, licenceId, ct);
        if (l is null) return NotFound();
        await audit.WriteAsync(AuditActions.Licence.Read, "Licence", l.Id, l.CaseId, ct: ct);
        Input = LicenceForm.From(LicenceDetails.From(l), l.Version);
        Show(l);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid licenceId, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var submitted = Input.Parse(unreadable);
        var outcome = await update.HandleAsync(current.Context, licenceId, submitted, Input.Version, unreadable, ct);
        return await this.PresentAsync(outcome, licence =>
        {
            TempData["Success"] = "Licence updated";
            return Redirect($"/cases/{licence.CaseId}/licences/{licence.Id}");
        }, async () => Show(await db.Licences.AsNoTracking().FirstAsync(l => l.Id == licenceId, ct)), conflict: saved => ShowConflict(submitted, saved));
    }

    private void ShowConflict(LicenceDetails submitted, Licence saved)
    {
        Conflicts = LicenceDetailsRules.Differences(submitted, LicenceDetails.From(saved));
        ModelState.AddModelError(string.Empty, "Someone else changed this licence while you were editing. Nothing has been saved. Check the differences below, then save again to keep your version.");
        // The next save is an informed overwrite of the version shown.
        Input.Version = saved.Version;
    }

    private void Show(Licence l)
    {
        LicenceId = l.Id;
        Options = LicenceFormOptions.For(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), l.StandardConditionSetCode);
    }
}
