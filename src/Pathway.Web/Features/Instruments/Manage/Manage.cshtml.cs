using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Instruments;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Instruments.Manage;

/// <summary>
/// Administrators see every published definition version and publish a new one by pasting its JSON. An invalid
/// definition is refused with every problem named; nothing is saved.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[Audited("instrument.definition.publish")]
public sealed class ManageModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty] public string? DefinitionJson { get; set; }
    public IReadOnlyList<InstrumentDefinitionRecord> Definitions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(DefinitionJson))
        {
            ModelState.AddModelError(nameof(DefinitionJson), "Paste the definition JSON");
        }
        else
        {
            var (record, errors) = await InstrumentCatalogue.StagePublishAsync(db, DefinitionJson, "upload", User.ToStaffContext().UserId, clock.GetUtcNow(), ct);
            foreach (var e in errors) ModelState.AddModelError(nameof(DefinitionJson), e);
            if (record is not null)
            {
                audit.Add(null, "InstrumentDefinition", $"{record.Key}/{record.Version}", null);
                await db.SaveChangesAsync(ct);
                TempData["Success"] = $"Published {record.Title} version {record.Version}";
                return Redirect("/admin/instruments");
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Definitions = (await db.InstrumentDefinitions.AsNoTracking().ToListAsync(ct))
            .OrderBy(d => d.Title, StringComparer.Ordinal).ThenByDescending(d => d.Version).ToList();
}
