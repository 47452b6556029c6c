using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Compliance;
using Pathway.Domain.Staff;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Rules;

/// <summary>
/// The early-warning rules as JSON, for the clinical lead and administrators: the form for
/// <see cref="SaveEarlyWarningRules"/> (the form carries the version it was loaded at so two editors cannot silently
/// overwrite each other) and <see cref="ConfirmEarlyWarningRules"/>; the page lists every version.
/// </summary>
[Authorize(Policy = Policies.RuleEditor)]
[Audited(AuditActions.Admin.EarlyWarningRulesUpdate)]
public sealed class EarlyWarningRulesPageModel(SaveEarlyWarningRules save, ConfirmEarlyWarningRules confirm, PathwayDbContext db) : PageModel
{
    [BindProperty] public string? Json { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public int Version { get; set; }
    public IReadOnlyList<SignalRule> Current { get; private set; } = [];
    public IReadOnlyList<EarlyWarningRulesVersion> History { get; private set; } = [];
    public bool IsClinicalLead => User.IsInRole(nameof(StaffRole.ClinicalLead));

    public async Task OnGetAsync(CancellationToken ct) => await ShowSavedAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await save.HandleAsync(User.ToStaffContext(), Json, Source, Version, ct);
        return await this.PresentAsync(outcome, _ =>
        {
            TempData["Success"] = "Early-warning rules saved";
            return Redirect("/admin/early-warning-rules");
        }, () => LoadAsync(ct), prefix: "", conflict: now =>
        {
            ModelState.AddModelError(nameof(Json), "Someone else changed the rules while you were editing. Nothing has been saved. The rules now in force are listed below; copy your changes into the latest version and save again.");
            Version = now.Version;
        });
    }

    /// <summary>The clinical lead confirms the version in force (for example the starting rules) without changing it.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(int number, CancellationToken ct)
    {
        if (!IsClinicalLead) return Forbid();
        var outcome = await confirm.HandleAsync(number, ct);
        return await this.PresentAsync(outcome, latest =>
        {
            TempData["Success"] = $"Version {latest!.Number} of the early-warning rules confirmed";
            return Redirect("/admin/early-warning-rules");
        }, () => ShowSavedAsync(ct), prefix: "", conflict: _ =>
        {
            ModelState.AddModelError(string.Empty, "The rules changed since you opened this page. Nothing was confirmed; check the version now in force and confirm it again.");
        });
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

    /// <summary>The form showing the rules as saved now.</summary>
    private async Task ShowSavedAsync(CancellationToken ct)
    {
        var row = await db.EarlyWarningRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == EarlyWarningRules.SingletonId, ct)
            ?? throw new InvalidOperationException("The early-warning rules are missing: run 'pathway migrate'.");
        Json = row.Json;
        Version = row.Version;
        await LoadAsync(ct);
    }

    /// <summary>The rules in force and the history, shown under the form whatever it holds.</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        var row = await db.EarlyWarningRules.AsNoTracking().FirstAsync(r => r.Id == EarlyWarningRules.SingletonId, ct);
        Current = EarlyWarningRuleSet.Parse(row.Json).Rules;
        History = await db.EarlyWarningRuleVersions.AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(ct);
    }
}
