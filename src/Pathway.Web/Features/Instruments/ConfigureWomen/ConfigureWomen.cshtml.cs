using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Instruments;
using Pathway.Domain.Auditing;
using Pathway.Domain.Instruments;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Instruments.ConfigureWomen;

/// <summary>
/// The clinical lead configures the women's OPD screen — its items and thresholds — because HMPPS has not published
/// how it scores it. The shipped version is guidance only, so nothing is scored until the lead publishes a version here.
/// Saving publishes a new version; screens already recorded keep the version they were scored with.
/// </summary>
[Authorize(Policy = Policies.ClinicalLead)]
[Audited(AuditActions.Instrument.DefinitionPublish)]
public sealed class ConfigureWomenModel(PathwayDbContext db) : PageModel
{
    public const int BlankRows = 3;
    /// <summary>Rows offered when starting from the guidance-only version, which has no scored items to edit.</summary>
    public const int BlankRowsFromGuidance = 14;

    [BindProperty] public List<ItemRow> Items { get; set; } = [];
    [BindProperty] public string? PersonalityThreshold { get; set; }
    [BindProperty] public string? IndicatorsThreshold { get; set; }
    [BindProperty] public int BasedOnVersion { get; set; }
    public InstrumentDefinition Latest { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Latest = await LatestAsync(ct);
        var scored = WomensOpdConfiguration.Scored(Latest).ToList();
        Items = scored.Select(i => new ItemRow { LinkId = i.LinkId, Text = i.Text, Part = i.SubscaleKeys.FirstOrDefault() })
            .Concat(Enumerable.Range(0, scored.Count == 0 ? BlankRowsFromGuidance : BlankRows).Select(_ => new ItemRow())).ToList();
        PersonalityThreshold = WomensOpdConfiguration.CurrentThreshold(Latest, WomensOpdConfiguration.Personality)?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        IndicatorsThreshold = WomensOpdConfiguration.CurrentThreshold(Latest, WomensOpdConfiguration.Indicators)?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        BasedOnVersion = Latest.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] ConfigureWomensOpdScreen configure, CancellationToken ct)
    {
        var outcome = await configure.HandleAsync(BasedOnVersion, Items, PersonalityThreshold, IndicatorsThreshold, User.ToStaffContext(), ct);
        var stale = false;
        return await this.PresentAsync(outcome, record =>
        {
            TempData["Success"] = $"Published the women's OPD screen version {record.Version}";
            return Redirect("/instruments/womens-opd-screen");
        }, async () =>
        {
            // Stale: the form again from the newest version. Invalid: the rows as typed, with their errors.
            if (stale) await OnGetAsync(ct);
            else Latest = await LatestAsync(ct);
        }, prefix: "", conflict: newest =>
        {
            stale = true;
            ModelState.AddModelError(string.Empty, $"Someone published version {newest.Version} while you were editing. Nothing has been saved. Check the current configuration below, then make your change again.");
        });
    }

    private async Task<InstrumentDefinition> LatestAsync(CancellationToken ct)
    {
        var latest = await db.InstrumentDefinitions.AsNoTracking().Where(d => d.Key == WomensOpdConfiguration.Key)
            .OrderByDescending(d => d.Version).FirstAsync(ct);
        return InstrumentCatalogue.Definition(latest);
    }
}
