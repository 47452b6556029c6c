using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Evaluation;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Evaluation.Pack;

/// <summary>
/// The quarterly evaluation pack for commissioners: the reader picks a financial-year quarter (the current one or one of
/// the eight before it) and optionally a team, and downloads a PDF. The pack is always under disclosure control, whoever
/// downloads it, so a service manager gets the same file as the clinical lead.
/// </summary>
[Authorize(Policy = Policies.EvaluationReader)]
[Audited(AuditActions.Evaluation.PackRead)]
public sealed class PackModel(PathwayDbContext db, AuditLog audit, TimeProvider clock, IConfiguration config) : PageModel
{
    public const string PdfAction = AuditActions.Evaluation.PackDownload;

    [BindProperty(SupportsGet = true)] public string? Quarter { get; set; }
    [BindProperty(SupportsGet = true)] public string? Team { get; set; }

    public IReadOnlyList<FinancialQuarter> Quarters { get; private set; } = [];
    public IReadOnlyList<Govuk.Option> Teams { get; private set; } = [];
    public string SelectedQuarter { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var choice = await ValidateAsync(ct);
        await audit.WriteAsync(null, "Evaluation", "pack", null, reason: Describe(choice), ct: ct);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (await ValidateAsync(ct) is not { } choice)
        {
            await audit.WriteAsync(null, "Evaluation", "pack", null, ct: ct); // the page again, with its error messages
            return Page();
        }
        var data = await PackData.LoadAsync(db, config, choice.Quarter, choice.TeamId, choice.TeamName, Today, ct);
        var bytes = EvaluationPackPdf.Render(data);
        await audit.WriteAsync(PdfAction, "Evaluation", "pack", null, reason: Describe(choice), ct: ct);
        return File(bytes, "application/pdf", EvaluationPackPdf.FileName(data));
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private sealed record Choice(FinancialQuarter Quarter, Guid? TeamId, string? TeamName);

    /// <summary>Reads the quarter (default: the last completed one) and the team; null with messages when either is not one offered.</summary>
    private async Task<Choice?> ValidateAsync(CancellationToken ct)
    {
        Quarters = FinancialQuarter.Choices(Today);
        Teams = await OutcomeData.TeamChoicesAsync(db, ct);

        var quarter = string.IsNullOrWhiteSpace(Quarter) ? Quarters[1] : FinancialQuarter.Parse(Quarter.Trim());
        if (quarter is null || !Quarters.Contains(quarter))
            ModelState.AddModelError(nameof(Quarter), "Choose a quarter from the list");
        SelectedQuarter = quarter?.Key ?? Quarter ?? "";

        Guid? teamId = null;
        string? teamName = null;
        if (!string.IsNullOrWhiteSpace(Team))
        {
            var team = Guid.TryParse(Team, out var id) ? Teams.FirstOrDefault(t => t.Value == id.ToString()) : null;
            if (team is null) ModelState.AddModelError(nameof(Team), "Choose a team from the list");
            else (teamId, teamName) = (id, team.Text);
        }
        return ModelState.IsValid ? new Choice(quarter!, teamId, teamName) : null;
    }

    /// <summary>The selection, for the audit row's reason.</summary>
    private static string? Describe(Choice? c) => c is null ? null : c.Quarter.Key + (c.TeamId is { } t ? $" team {t}" : " all teams");
}
