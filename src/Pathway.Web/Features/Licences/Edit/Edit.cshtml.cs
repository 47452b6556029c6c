using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Licences;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.Licences.Edit;

/// <summary>
/// Changes a licence's sentence and dates. The form carries the version it was loaded at; if someone else saved in the
/// meantime nothing is overwritten and the page shows what differs, with the latest version, so the person can decide.
/// </summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited("licence.update")]
public sealed class EditModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty] public LicenceForm Input { get; set; } = new();
    public LicenceFormOptions Options { get; private set; } = null!;
    public CaseHeader Header { get; private set; } = null!;
    public Guid LicenceId { get; private set; }
    public IReadOnlyList<(string Field, string Submitted, string Saved)> Conflicts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid licenceId, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        var l = await LicenceLookup.FindAsync(db.Licences.AsNoTracking(), audit, id, licenceId, ct);
        if (l is null) return NotFound();
        await audit.WriteAsync("licence.read", "Licence", l.Id, c.Id, ct: ct);
        Input = LicenceForm.From(LicenceDetails.From(l), l.Version);
        await LoadAsync(c, l, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid licenceId, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        var l = await LicenceLookup.FindAsync(db.Licences, audit, id, licenceId, ct);
        if (l is null) return NotFound();
        ModelState.Clear();
        var errors = new List<FieldError>();
        var details = Input.Parse(errors);

        if (Input.Version != l.Version)
        {
            ShowConflict(details, l);
            errors.AddTo(ModelState, "Input.");
            await LoadAsync(c, l, ct);
            return Page();
        }
        errors.AddRange(await LicenceDetailsRules.ValidateAsync(details, c.DateOfBirth, db, errors.Fields(), ct, l.StandardConditionSetCode));
        errors.AddTo(ModelState, "Input.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(c, l, ct);
            return Page();
        }

        LicenceDetailsRules.Apply(details, l);
        // Guard the gap between loading and saving too: the update only matches the version we checked.
        db.Entry(l).Property(x => x.Version).OriginalValue = Input.Version;
        audit.Add(null, "Licence", l.Id, c.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = await db.Licences.AsNoTracking().FirstAsync(x => x.Id == licenceId, ct);
            ShowConflict(details, fresh);
            await LoadAsync(c, fresh, ct);
            return Page();
        }
        TempData["Success"] = "Licence updated";
        return Redirect($"/cases/{c.Id}/licences/{l.Id}");
    }

    private void ShowConflict(LicenceDetails submitted, Licence saved)
    {
        Conflicts = LicenceDetailsRules.Differences(submitted, LicenceDetails.From(saved));
        ModelState.AddModelError(string.Empty, "Someone else changed this licence while you were editing. Nothing has been saved. Check the differences below, then save again to keep your version.");
        // The next save is an informed overwrite of the version shown.
        Input.Version = saved.Version;
    }

    private async Task LoadAsync(CaseRecord c, Licence l, CancellationToken ct)
    {
        LicenceId = l.Id;
        Options = LicenceFormOptions.For(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), l.StandardConditionSetCode);
        Header = new CaseHeader(c, CaseTab.Licences, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()));
    }
}
