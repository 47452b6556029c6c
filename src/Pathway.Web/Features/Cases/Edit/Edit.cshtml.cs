using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Cases.Edit;

/// <summary>
/// The form for <see cref="UpdateCase"/>. It carries the version it was loaded at; if someone else saved in the meantime
/// nothing is overwritten and the page shows what differs, with the latest version, so the person can decide.
/// </summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited(AuditActions.Case.Update)]
[CaseScoped(AccessNeed.Edit, ReadActionOnGet = AuditActions.Case.Read)]
public sealed class EditModel(CurrentCase current, UpdateCase update, PathwayDbContext db) : PageModel
{
    [BindProperty] public CaseForm Input { get; set; } = new();
    public CaseFormOptions Options { get; private set; } = null!;
    public CaseHeader Header => (_saved is null ? current.Context : current.Context with { Case = _saved }).Header(CaseTab.Overview);
    public IReadOnlyList<(string Field, string Submitted, string Saved)> Conflicts { get; private set; } = [];

    // After a conflict, the case as saved now: the header shows it, not the change that was not saved.
    private CaseRecord? _saved;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var c = current.Context.Case;
        Input = CaseForm.From(CaseDetails.From(c), c.Version);
        await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var c = current.Context.Case;
        var unreadable = new List<FieldError>();
        var submitted = Input.Parse(unreadable);
        var outcome = await update.HandleAsync(current.Context, submitted, c.ReferredToServiceOn, Input.Version, unreadable, ct);
        return await this.PresentAsync(outcome, record => Redirect($"/cases/{record.Id}"), () => ShowAsync(ct),
            conflict: saved => ShowConflict(submitted, saved));
    }

    private void ShowConflict(CaseDetails submitted, CaseRecord saved)
    {
        _saved = saved;
        Conflicts = CaseDetailsRules.Differences(submitted, CaseDetails.From(saved));
        ModelState.AddModelError(string.Empty, "Someone else changed this person's details while you were editing. Nothing has been saved. Check the differences below, then save again to keep your version.");
        // The next save is an informed overwrite of the version shown.
        Input.Version = saved.Version;
    }

    private async Task ShowAsync(CancellationToken ct) =>
        Options = await CaseFormOptions.LoadAsync(db, User.ToStaffContext(), (_saved ?? current.Context.Case).TeamId, ct);
}
