using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Instruments.Manage;

/// <summary>
/// Administrators see every published definition version and publish a new one by pasting its JSON. An invalid
/// definition is refused with every problem named; nothing is saved.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[Audited(AuditActions.Instrument.DefinitionPublish)]
public sealed class ManageModel(PathwayDbContext db, PublishInstrumentDefinition publish) : PageModel
{
    [BindProperty] public string? DefinitionJson { get; set; }
    public IReadOnlyList<InstrumentDefinitionRecord> Definitions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await publish.HandleAsync(DefinitionJson, User.ToStaffContext(), ct);
        // The handler names the definition; on this page it is the DefinitionJson box.
        if (outcome is Outcome<InstrumentDefinitionRecord>.Invalid invalid)
            outcome = Outcome.Invalid<InstrumentDefinitionRecord>(invalid.Errors.Select(e => e with { Field = nameof(DefinitionJson) }).ToList());
        return await this.PresentAsync(outcome, record =>
        {
            TempData["Success"] = $"Published {record.Title} version {record.Version}";
            return Redirect("/admin/instruments");
        }, () => LoadAsync(ct), prefix: "");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Definitions = (await db.InstrumentDefinitions.AsNoTracking().ToListAsync(ct))
            .OrderBy(d => d.Title, StringComparer.Ordinal).ThenByDescending(d => d.Version).ToList();
}
