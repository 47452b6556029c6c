using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Compliance;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Compliance.Rules;

/// <summary>
/// The early-warning rules as JSON, for the clinical lead and administrators. Saved only when every rule is valid (each
/// problem is listed); the form carries the version it was loaded at so two editors cannot silently overwrite each other.
/// </summary>
[Authorize(Policy = Policies.RuleEditor)]
[Audited("admin.early-warning-rules.update")]
public sealed class EarlyWarningRulesPageModel(PathwayDbContext db, AuditLog audit) : PageModel
{
    [BindProperty] public string? Json { get; set; }
    [BindProperty] public int Version { get; set; }
    public IReadOnlyList<SignalRule> Current { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var row = await RowAsync(ct);
        Json = row.Json;
        Version = row.Version;
        Current = EarlyWarningRuleSet.Parse(row.Json).Rules;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var row = await RowAsync(ct);
        Current = EarlyWarningRuleSet.Parse(row.Json).Rules;
        ModelState.Clear();
        if (Version != row.Version)
        {
            ModelState.AddModelError(nameof(Json), "Someone else changed the rules while you were editing. Nothing has been saved. The rules now in force are listed below; copy your changes into the latest version and save again.");
            Version = row.Version;
            return Page();
        }
        var (_, errors) = EarlyWarningRuleSet.Parse(Json ?? "");
        foreach (var e in errors) ModelState.AddModelError(nameof(Json), e.Message);
        if (!ModelState.IsValid) return Page();

        row.Json = Json!.Trim();
        row.UpdatedById = User.ToStaffContext().UserId;
        db.Entry(row).Property(x => x.Version).OriginalValue = Version;
        audit.Add(null, "EarlyWarningRules", row.Id, null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(nameof(Json), "Someone else changed the rules while you were saving. Nothing has been saved; reload the page and save again.");
            return Page();
        }
        TempData["Success"] = "Early-warning rules saved";
        return Redirect("/admin/early-warning-rules");
    }

    private async Task<EarlyWarningRules> RowAsync(CancellationToken ct) =>
        await db.EarlyWarningRules.FirstOrDefaultAsync(r => r.Id == EarlyWarningRules.SingletonId, ct)
        ?? throw new InvalidOperationException("The early-warning rules are missing: run 'pathway migrate'.");
}
