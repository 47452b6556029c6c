using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Disclosure;
using Pathway.Domain.Signposting;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Signposting.Reports;

/// <summary>
/// Signposting reports for commissioners: referrals by need, by service and by outcome; uptake (referred → first
/// attended) and time to first appointment; unmet needs by area — each a chart or table, and each as CSV. Nobody is named.
/// The PD service's clinicians see exact counts; service managers see counts with small cells suppressed, on the page
/// and in every download.
/// </summary>
[Authorize(Policy = Policies.SignpostingReports)]
[Audited(AuditActions.Signposting.ReportRead)]
public sealed class ReportsModel(PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public static readonly string[] Downloads = ["by-need", "by-service", "uptake", "unmet"];

    [BindProperty(SupportsGet = true)] public DateParts From { get; set; } = new();
    [BindProperty(SupportsGet = true)] public DateParts To { get; set; } = new();

    public DateOnly FromDate { get; private set; }
    public DateOnly ToDate { get; private set; }
    public DisclosurePolicy Policy { get; private set; } = DisclosurePolicy.Exact;
    public bool Suppressed => Policy != DisclosurePolicy.Exact;
    public SignpostingReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Page();
        await audit.ReadAsync("SignpostingReport", $"{FromDate:yyyy-MM-dd}..{ToDate:yyyy-MM-dd}", null, ct);
        return Page();
    }

    /// <summary>One of the report's tables as CSV, under the same disclosure control as the page.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken ct)
    {
        if (table is null || !Downloads.Contains(table, StringComparer.Ordinal)) return NotFound();
        if (!await LoadAsync(ct)) return Page();
        var r = Report!;
        var rows = table switch
        {
            "by-need" => Csv.Rows(NeedTable(), "Need"),
            "by-service" => Csv.Rows(r.ServiceTable(Policy), "Service"),
            "unmet" => Csv.Rows(r.UnmetTable(Policy), "Area"),
            _ => UptakeRows(),
        };
        await audit.WriteAsync(AuditActions.Signposting.ReportDownload, "SignpostingReport", $"{table} {FromDate:yyyy-MM-dd}..{ToDate:yyyy-MM-dd}", null, ct: ct);
        return CsvResults.File(Csv.Write(rows), $"signposting-{table}-{FromDate:yyyy-MM-dd}-to-{ToDate:yyyy-MM-dd}.csv");
    }

    // The chart and the table show the same figures: each is published once per request.
    private IReadOnlyList<PublishedUptake>? _uptake;
    private SuppressedTable? _needTable;

    public IReadOnlyList<PublishedUptake> Uptake() => _uptake ??=
        [.. Report!.UptakeByNeed.Select(u => SignpostingReport.Publish(u, Policy)), SignpostingReport.Publish(new UptakeRow("All needs", Report.Overall), Policy)];

    public SuppressedTable NeedTable() => _needTable ??= Report!.NeedTable(Policy);

    private IEnumerable<IReadOnlyList<string>> UptakeRows()
    {
        yield return ["Need", "Referred", "First attended", "Uptake (%)", "Median days to first appointment"];
        foreach (var u in Uptake())
            yield return [u.Label, Count(u.Referred), Count(u.FirstAttended), Csv.Number(u.UptakeRate * 100), Csv.Number(u.MedianDays)];
    }

    public IReadOnlyList<ChartBar> ReferralBars()
    {
        var t = NeedTable();
        return Enumerable.Range(0, t.RowCount).Where(i => t.RowTotal(i).Value > 0)
            .Select(i => new ChartBar(t.RowLabels[i], t.RowTotal(i).Published, Count(t.RowTotal(i).Published))).ToList();
    }

    public IReadOnlyList<ChartBar> UptakeBars() =>
        Uptake().Select(u => new ChartBar(u.Label, u.UptakeRate * 100, u.UptakeRate is { } rate ? rate.ToString("P0", CultureInfo.GetCultureInfo("en-GB")) : "[c]")).ToList();

    public static string Count(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "[c]";

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var fromError = From.TryParse("The start date", out var from);
        var toError = To.TryParse("The end date", out var to);
        if (fromError is not null) ModelState.AddModelError(nameof(From), fromError);
        if (toError is not null) ModelState.AddModelError(nameof(To), toError);
        FromDate = from ?? today.AddYears(-1).AddDays(1);
        ToDate = to ?? today;
        if (fromError is null && toError is null && FromDate > ToDate)
            ModelState.AddModelError(nameof(To), "The end date must be the same as or after the start date");
        if (!ModelState.IsValid) return false;
        if (From.IsEmpty) From = DateParts.From(FromDate);
        if (To.IsEmpty) To = DateParts.From(ToDate);

        Policy = User.ToStaffContext().SeesCaseData ? DisclosurePolicy.Exact : DisclosurePolicy.Default;
        var referrals = await db.SignpostingReferrals.AsNoTracking()
            .Where(r => r.ReferredOn != null && r.ReferredOn >= FromDate && r.ReferredOn <= ToDate)
            .Select(r => new SignpostingReferralFacts(r.Need, r.ServiceId, r.Status, r.ReferredOn, r.FirstAttendedOn))
            .ToListAsync(ct);
        var ids = referrals.Select(r => r.ServiceId).Distinct().ToList();
        var names = await db.DirectoryServices.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, Organisation = s.Organisation!.Name }).ToDictionaryAsync(s => s.Id, s => $"{s.Organisation} — {s.Name}", ct);
        var unmet = await db.UnmetNeeds.AsNoTracking()
            .Where(u => u.MetOn == null && u.RecordedOn >= FromDate && u.RecordedOn <= ToDate)
            .Select(u => new UnmetNeedFacts(u.Need, u.District)).ToListAsync(ct);
        Report = SignpostingReport.Build(referrals, names, unmet);
        return true;
    }
}
