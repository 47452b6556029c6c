using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Compliance;
using Pathway.Domain.Staff;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Compliance.Rules;

/// <summary>
/// The early-warning rules as JSON, for the clinical lead and administrators. Saved only when every rule is valid (each
/// problem is listed) and the editor has said why they changed; the form carries the version it was loaded at so two
/// editors cannot silently overwrite each other. Every save adds a version to the history, which is never edited, and the
/// clinical lead can confirm the version in force; the rules page lists every version.
/// </summary>
[Authorize(Policy = Policies.RuleEditor)]
[Audited("admin.early-warning-rules.update")]
public sealed class EarlyWarningRulesPageModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Json { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public int Version { get; set; }
    public IReadOnlyList<SignalRule> Current { get; private set; } = [];
    public IReadOnlyList<EarlyWarningRulesVersion> History { get; private set; } = [];
    public bool IsClinicalLead => User.IsInRole(nameof(StaffRole.ClinicalLead));

    public async Task OnGetAsync(CancellationToken ct)
    {
        var row = await RowAsync(ct);
        Json = row.Json;
        Version = row.Version;
        await LoadAsync(row, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var row = await RowAsync(ct);
        await LoadAsync(row, ct);
        ModelState.Clear();
        if (Version != row.Version)
        {
            ModelState.AddModelError(nameof(Json), "Someone else changed the rules while you were editing. Nothing has been saved. The rules now in force are listed below; copy your changes into the latest version and save again.");
            Version = row.Version;
            return Page();
        }
        var (_, errors) = EarlyWarningRuleSet.Parse(Json ?? "");
        foreach (var e in errors) ModelState.AddModelError(nameof(Json), e.Message);
        if (string.IsNullOrWhiteSpace(Source))
            ModelState.AddModelError(nameof(Source), "Enter why the rules changed and who agreed it");
        else if (Source.Trim().Length > EarlyWarningRulesVersionLimits.SourceMaxLength)
            ModelState.AddModelError(nameof(Source), $"Why the rules changed must be {EarlyWarningRulesVersionLimits.SourceMaxLength} characters or fewer");
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow();
        row.Json = Json!.Trim();
        row.UpdatedById = User.ToStaffContext().UserId;
        db.Entry(row).Property(x => x.Version).OriginalValue = Version;
        // The history's next number; two saves racing for it fail on the key and on the row's version alike.
        var number = (await db.EarlyWarningRuleVersions.MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
        db.EarlyWarningRuleVersions.Add(new EarlyWarningRulesVersion
        {
            Number = number, Json = row.Json, EffectiveFrom = DateOnly.FromDateTime(now.UtcDateTime), Source = Source!.Trim(),
            ConfirmedByClinicalLead = IsClinicalLead, SavedById = row.UpdatedById, SavedAt = now,
        });
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

    /// <summary>The clinical lead confirms the version in force (for example the starting rules) without changing it.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(int number, CancellationToken ct)
    {
        if (!IsClinicalLead) return Forbid();
        var latest = await db.EarlyWarningRuleVersions.OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (latest is null || latest.Number != number)
        {
            var row = await RowAsync(ct);
            Json = row.Json;
            Version = row.Version;
            await LoadAsync(row, ct);
            ModelState.AddModelError(string.Empty, "The rules changed since you opened this page. Nothing was confirmed; check the version now in force and confirm it again.");
            return Page();
        }
        if (!latest.ConfirmedByClinicalLead)
        {
            latest.ConfirmedByClinicalLead = true;
            audit.Add("admin.early-warning-rules.confirm", "EarlyWarningRulesVersion", latest.Number, null);
            await db.SaveChangesAsync(ct);
        }
        TempData["Success"] = $"Version {latest.Number} of the early-warning rules confirmed";
        return Redirect("/admin/early-warning-rules");
    }

    /// <summary>When a rule fires, in words (the JSON names are shown in the explanation above the table).</summary>
    public static string FiresOn(SignalRule r) => r.Kind switch
    {
        SignalRuleKind.UnacceptableAbsences => $"{r.Count} or more unacceptable absences in {r.WithinWeeks} weeks",
        SignalRuleKind.Concerns => $"{r.Count} or more behaviours of concern in {r.WithinWeeks} weeks",
        SignalRuleKind.EarlyWarningSigns => $"{r.Count} or more early warning signs in {r.WithinWeeks} weeks",
        SignalRuleKind.WarningLetters => $"{r.Count} or more warning letters in {r.WithinWeeks} weeks",
        SignalRuleKind.ComplianceBelow => $"Under {r.Threshold:P0} of expected contacts kept in {r.WithinWeeks} weeks (at least {r.Count} expected)",
        _ => $"{r.Count} or more in {r.WithinWeeks} weeks",
    };

    private async Task LoadAsync(EarlyWarningRules row, CancellationToken ct)
    {
        Current = EarlyWarningRuleSet.Parse(row.Json).Rules;
        History = await db.EarlyWarningRuleVersions.AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(ct);
    }

    private async Task<EarlyWarningRules> RowAsync(CancellationToken ct) =>
        await db.EarlyWarningRules.FirstOrDefaultAsync(r => r.Id == EarlyWarningRules.SingletonId, ct)
        ?? throw new InvalidOperationException("The early-warning rules are missing: run 'pathway migrate'.");
}
