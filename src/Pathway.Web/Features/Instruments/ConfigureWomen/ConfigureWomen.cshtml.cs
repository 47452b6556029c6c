using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Instruments;
using Pathway.Domain.Instruments;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.Instruments.ConfigureWomen;

/// <summary>
/// The clinical lead configures the women's OPD screen — its items and thresholds — because HMPPS has not published
/// how it scores it. The shipped version is guidance only, so nothing is scored until the lead publishes a version here.
/// Saving publishes a new version; screens already recorded keep the version they were scored with.
/// </summary>
[Authorize(Policy = Policies.ClinicalLead)]
[Audited("instrument.definition.publish")]
public sealed class ConfigureWomenModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
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

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Latest = await LatestAsync(ct);
        if (BasedOnVersion != Latest.Version)
        {
            ModelState.AddModelError(string.Empty, $"Someone published version {Latest.Version} while you were editing. Nothing has been saved. Check the current configuration below, then make your change again.");
            return await OnGetAsync(ct);
        }
        var used = await db.InstrumentDefinitions.AsNoTracking().Where(d => d.Key == WomensOpdConfiguration.Key).Select(d => d.Json).ToListAsync(ct);
        var usedIds = used.SelectMany(j => InstrumentJson.Parse(j).Definition?.Items.Select(i => i.LinkId) ?? []).ToHashSet();
        var (next, errors) = WomensOpdConfiguration.Build(Latest, usedIds, Items, PersonalityThreshold, IndicatorsThreshold);
        if (next is not null)
        {
            var (record, publishErrors) = await InstrumentCatalogue.StagePublishAsync(db, InstrumentJson.Write(next), "clinical-lead-form", User.ToStaffContext().UserId, clock.GetUtcNow(), ct);
            if (record is not null)
            {
                audit.Add(null, "InstrumentDefinition", $"{record.Key}/{record.Version}", null);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // Two leads publishing the same version number at once: the unique (key, version) index keeps one.
                    db.ChangeTracker.Clear();
                    ModelState.AddModelError(string.Empty, "Someone published a new version at the same moment. Nothing has been saved. Check the current configuration below.");
                    return await OnGetAsync(ct);
                }
                TempData["Success"] = $"Published the women's OPD screen version {record.Version}";
                return Redirect("/instruments/womens-opd-screen");
            }
            foreach (var e in publishErrors) ModelState.AddModelError(string.Empty, e);
        }
        errors.AddTo(ModelState);
        return Page();
    }

    private async Task<InstrumentDefinition> LatestAsync(CancellationToken ct)
    {
        var latest = await db.InstrumentDefinitions.AsNoTracking().Where(d => d.Key == WomensOpdConfiguration.Key)
            .OrderByDescending(d => d.Version).FirstAsync(ct);
        return InstrumentCatalogue.Definition(latest);
    }
}
