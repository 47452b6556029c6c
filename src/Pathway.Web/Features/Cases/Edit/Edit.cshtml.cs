using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.Cases.Edit;

/// <summary>
/// Changes a person's details. The form carries the version it was loaded at; if someone else saved in the meantime
/// nothing is overwritten and the page shows what differs, with the latest version, so the person can decide.
/// </summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited("case.update")]
public sealed class EditModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty] public CaseForm Input { get; set; } = new();
    public CaseFormOptions Options { get; private set; } = null!;
    public CaseHeader Header { get; private set; } = null!;
    public IReadOnlyList<(string Field, string Submitted, string Saved)> Conflicts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        await audit.WriteAsync("case.read", "Case", c.Id, c.Id, ct: ct);
        Input = CaseForm.From(CaseDetails.From(c), c.Version);
        await LoadAsync(c, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        ModelState.Clear();
        var who = User.ToStaffContext();
        var details = Input.Parse(ModelState, "Input.");

        if (Input.Version != c.Version)
        {
            ShowConflict(details, c);
            await LoadAsync(c, ct);
            return Page();
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        CaseWritePolicy.Check(who, new CaseVisibilityChange(c.TeamId, details.TeamId, c.ReferredToServiceOn, c.ReferredToServiceOn)).AddTo(ModelState, "Input.");
        (await CaseDetailsRules.ValidateAsync(details, db, c.Id, today, ct)).AddTo(ModelState, "Input.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(c, ct);
            return Page();
        }

        CaseDetailsRules.Apply(details, c, who.UserId);
        // Guard the gap between loading and saving too: the update only matches the version we checked.
        db.Entry(c).Property(x => x.Version).OriginalValue = Input.Version;
        audit.Add(null, "Case", c.Id, c.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = await db.Cases.Include(x => x.Shares).Include(x => x.NamedStaff).FirstAsync(x => x.Id == id, ct);
            ShowConflict(details, fresh);
            await LoadAsync(fresh, ct);
            return Page();
        }
        return Redirect($"/cases/{c.Id}");
    }

    private void ShowConflict(CaseDetails submitted, CaseRecord saved)
    {
        Conflicts = CaseDetailsRules.Differences(submitted, CaseDetails.From(saved));
        ModelState.AddModelError(string.Empty, "Someone else changed this person's details while you were editing. Nothing has been saved. Check the differences below, then save again to keep your version.");
        // The next save is an informed overwrite of the version shown.
        Input.Version = saved.Version;
    }

    private async Task LoadAsync(CaseRecord c, CancellationToken ct)
    {
        Options = await CaseFormOptions.LoadAsync(db, User.ToStaffContext(), c.TeamId, ct);
        // Only editors reach this page, so the sharing tab is theirs too.
        Header = new CaseHeader(c, CaseTab.Overview, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()), ShowSharing: true);
    }
}
