using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Instruments;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.Screening.Start;

/// <summary>
/// Starts a draft of an instrument. Only instruments that apply to this person are offered, with their gates; one
/// switched off for scoring (the women's OPD screen as shipped) is shown as guidance instead.
/// </summary>
[Authorize(Policy = Policies.ScreeningRecorder)]
[Audited("screening.create")]
public sealed class StartModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty] public string? InstrumentKey { get; set; }
    public CaseHeader Header { get; private set; } = null!;
    public IReadOnlyList<(InstrumentDefinitionRecord Record, InstrumentDefinition Definition)> Offered { get; private set; } = [];
    /// <summary>Instruments that would apply but are switched off for scoring: their criteria are shown as guidance.</summary>
    public IReadOnlyList<InstrumentDefinition> GuidanceOnly { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        await LoadAsync(c, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        var (response, error) = await ScreeningResponses.StartAsync(db, c, InstrumentKey, User.ToStaffContext().UserId, clock.GetUtcNow(), ct);
        if (response is null)
        {
            ModelState.Clear();
            new[] { error! }.AddTo(ModelState);
            await LoadAsync(c, ct);
            return Page();
        }
        audit.Add(null, "InstrumentResponse", response.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return Redirect($"/cases/{c.Id}/screening/{response.Id}/edit");
    }

    private async Task LoadAsync(CaseRecord c, CancellationToken ct)
    {
        Header = new CaseHeader(c, CaseTab.Screening, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()));
        Offered = await ScreeningResponses.OfferedAsync(db, c, ct);
        GuidanceOnly = await ScreeningResponses.GuidanceAsync(db, c, ct);
    }
}
