using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Instruments;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Screening.Start;

/// <summary>
/// Starts a draft of an instrument. Only instruments that apply to this person are offered, with their gates; one
/// switched off for scoring (the women's OPD screen as shipped) is shown as guidance instead.
/// </summary>
[Authorize(Policy = Policies.ScreeningRecorder)]
[Audited(AuditActions.Screening.Create)]
[CaseScoped(AccessNeed.Edit)]
public sealed class StartModel(CurrentCase current, StartScreening start, PathwayDbContext db) : PageModel
{
    [BindProperty] public string? InstrumentKey { get; set; }
    public CaseHeader Header => current.Context.Header(CaseTab.Screening);
    public IReadOnlyList<(InstrumentDefinitionRecord Record, InstrumentDefinition Definition)> Offered { get; private set; } = [];
    /// <summary>Instruments that would apply but are switched off for scoring: their criteria are shown as guidance.</summary>
    public IReadOnlyList<InstrumentDefinition> GuidanceOnly { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await this.PresentAsync(await start.HandleAsync(current.Context, InstrumentKey, ct),
            r => Redirect($"/cases/{r.CaseId}/screening/{r.Id}/edit"), () => LoadAsync(ct), prefix: "");

    private async Task LoadAsync(CancellationToken ct)
    {
        var c = current.Context.Case;
        Offered = await ScreeningResponses.OfferedAsync(db, c, ct);
        GuidanceOnly = await ScreeningResponses.GuidanceAsync(db, c, ct);
    }
}
