using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Cases.DataOptOut;

/// <summary>The form for <see cref="SetNationalDataOptOut"/>: the clinical lead, on a case they can see.</summary>
[Authorize(Policy = Policies.ClinicalLead)]
[Audited(AuditActions.Case.DataOptOutUpdate)]
[CaseScoped(AccessNeed.Read, ReadActionOnGet = AuditActions.Case.Read)]
public sealed class DataOptOutModel(CurrentCase current, SetNationalDataOptOut set) : PageModel
{
    public static readonly IReadOnlyList<Govuk.Option> Choices =
    [
        new(SetNationalDataOptOut.Yes, "Yes, leave them out of the evaluation"),
        new(SetNationalDataOptOut.No, "No"),
    ];

    [BindProperty] public string? OptedOut { get; set; }
    [BindProperty] public int Version { get; set; }
    public CaseRecord Case { get; private set; } = null!;
    public CaseHeader Header => (current.Context with { Case = Case }).Header(CaseTab.Overview);

    public void OnGet()
    {
        Case = current.Context.Case;
        OptedOut = Case.NationalDataOptOut ? SetNationalDataOptOut.Yes : SetNationalDataOptOut.No;
        Version = Case.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Case = current.Context.Case;
        var outcome = await set.HandleAsync(current.Context, OptedOut, Version, ct);
        return await this.PresentAsync(outcome, record =>
        {
            TempData["Success"] = record.NationalDataOptOut
                ? "The national data opt-out has been recorded: this person is left out of the evaluation"
                : "The national data opt-out has been removed";
            return Redirect($"/cases/{record.Id}");
        }, () => Task.CompletedTask, prefix: "", conflict: saved =>
        {
            ModelState.AddModelError(string.Empty, "Someone else changed this case while you were choosing. Nothing has been saved. Check the answer shown, then save again.");
            Case = saved;
            (OptedOut, Version) = (saved.NationalDataOptOut ? SetNationalDataOptOut.Yes : SetNationalDataOptOut.No, saved.Version);
        });
    }
}
