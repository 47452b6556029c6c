using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Cases.Keyworker;

/// <summary>
/// The form for <see cref="SetKeyworker"/>. Offender managers, senior probation officers and approved-premises staff who
/// can see the case may choose the keyworker: a member of staff of the premises the person lives in.
/// </summary>
[Authorize(Policy = Policies.KeyworkerSetter)]
[Audited(AuditActions.Case.KeyworkerUpdate)]
[CaseScoped(AccessNeed.Read, ReadActionOnGet = AuditActions.Case.Read)]
public sealed class KeyworkerModel(CurrentCase current, SetKeyworker set, PathwayDbContext db) : PageModel
{
    public const string None = KeyworkerChoices.None;

    [BindProperty] public string? KeyworkerId { get; set; }
    [BindProperty] public int Version { get; set; }
    public CaseRecord Case { get; private set; } = null!;
    public CaseHeader Header => (current.Context with { Case = Case }).Header(CaseTab.Overview);
    public string? PremisesName { get; private set; }
    public IReadOnlyList<Govuk.Option> Choices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Case = current.Context.Case;
        KeyworkerId = Case.ApKeyworkerId?.ToString() ?? None;
        Version = Case.Version;
        await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Case = current.Context.Case;
        var outcome = await set.HandleAsync(current.Context, KeyworkerId, Version, ct);
        return await this.PresentAsync(outcome, record =>
        {
            TempData["Success"] = record.ApKeyworkerId is null ? "The AP keyworker has been removed" : "The AP keyworker has been saved";
            return Redirect($"/cases/{record.Id}");
        }, () => ShowAsync(ct), prefix: "", conflict: saved =>
        {
            ModelState.AddModelError(string.Empty, "Someone else changed this case while you were choosing. Nothing has been saved. Check the keyworker shown, then choose again.");
            Case = saved;
            (KeyworkerId, Version) = (saved.ApKeyworkerId?.ToString() ?? None, saved.Version);
        });
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        var choices = await KeyworkerChoices.LoadAsync(db, Case, ct);
        (PremisesName, Choices) = (choices.PremisesName, choices.Options);
    }
}
