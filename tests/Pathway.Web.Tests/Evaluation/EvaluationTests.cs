using System.Net;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Compliance;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Evaluation;

/// <summary>
/// The evaluation page on a small known team: six licences released 400 days ago, three recalled after 30, 60 and 90
/// days, three still on licence today (1,380 days = 45.34 person-months; 3 recalls = 6.62 per 100 person-months; KM
/// S(6 months) = 5/6 · 4/5 · 3/4 = 0.5). Exact for psychologists; suppressed for service managers and in every CSV.
/// </summary>
public abstract class EvaluationTests(AppFixture app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private Task<Guid> KnownTeamAsync() => KnownTeamAsync(app, "Evaluation", Today.AddDays(-400), Today.AddDays(400));

    /// <summary>
    /// A new team with six licences released on <paramref name="release"/> and running to <paramref name="licenceEnd"/>,
    /// three recalled 30, 60 and 90 days after release: the small known data the evaluation page and pack are checked on.
    /// </summary>
    public static async Task<Guid> KnownTeamAsync(AppFixture app, string name, DateOnly release, DateOnly licenceEnd, DateOnly? topUpEnd = null)
    {
        var team = await app.Factory.WithDbAsync(async db =>
        {
            var t = new Team { Name = name + " " + Guid.NewGuid().ToString("N")[..6], CreatedAt = DateTimeOffset.UtcNow };
            db.Teams.Add(t);
            await db.SaveChangesAsync();
            return t;
        });
        foreach (var recallAfter in new int?[] { 30, 60, 90, null, null, null })
        {
            var c = await app.NewCaseAsync(team.Id);
            await app.Factory.WithDbAsync(async db =>
            {
                var l = new Licence
                {
                    CaseId = c.Id, SentenceType = SentenceType.StandardDeterminate, SentenceLengthMonths = topUpEnd is null ? 36 : 18, ReleaseDate = release,
                    LicenceExpiryDate = licenceEnd, TopUpSupervisionEndDate = topUpEnd, StandardConditionSetCode = StandardConditionSets.Lco2015.Code, CreatedAt = DateTimeOffset.UtcNow,
                };
                db.Licences.Add(l);
                if (recallAfter is { } d)
                    db.Recalls.Add(new Recall { LicenceId = l.Id, CaseId = c.Id, RecallDate = release.AddDays(d), Type = RecallType.Standard, Reason = "Breach", CreatedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
            });
        }
        return team.Id;
    }

    [Fact]
    public async Task TheTeamFilter_OffersProbationTeamsOnly_AndRefusesAnyOther()
    {
        // A person's case belongs to a probation team: police, approved-premises, partner and service teams have no
        // licences of their own to compare, on the page or in the pack.
        var psychologist = await app.PagesAsync(StaffRole.Psychologist);
        foreach (var path in new[] { "/evaluation", "/evaluation/pack" })
        {
            var html = await (await psychologist.GetAsync(path)).Content.ReadAsStringAsync();
            Assert.Contains($"value=\"{app.World.TeamA.Id}\"", html);
            foreach (var other in new[] { app.World.Ppu, app.World.Premises, app.World.Service, app.World.Partner })
                Assert.DoesNotContain($"value=\"{other.Id}\"", html);
            var refused = await (await psychologist.GetAsync($"{path}?Team={app.World.Ppu.Id}")).Content.ReadAsStringAsync();
            Assert.Contains("Choose a team from the list", refused);
        }
    }

    [Fact]
    public async Task FollowUp_EndsAtTheLicenceEnd_NotAtTheEndOfTopUpSupervision()
    {
        // A breach of top-up supervision goes to court, not recall, so its months cannot count as time at risk of recall.
        // Licences of 300 days, then top-up to 165 days from now: the three recalled (days 30, 60, 90) give 180 days and
        // the three not recalled 3 × 300, so 1,080 days = 35.5 person-months (to the top-up end it would be 45.3).
        var team = await KnownTeamAsync(app, "Top-up", Today.AddDays(-400), Today.AddDays(-100), topUpEnd: Today.AddDays(165));
        var from = Today.AddDays(-500);
        var psychologist = await app.PagesAsync(StaffRole.Psychologist);
        var html = await AppFixture.TextAsync(await psychologist.GetAsync(
            $"/evaluation?Cohort=ServiceStart&Team={team}&From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}"));
        var row = RecallFiguresTests.Table(html, "measures").Single(r => r.Label == "Released after the service started").Cells;
        Assert.Equal(("6", "3", "35.5"), (row["Licence periods"], row["Recalled"], row["Person-months on licence"]));
    }

    [Fact]
    public async Task TheOutcomes_AreExactForPsychologists_SuppressedForManagersAndInEveryCsv_AuditedAndRefusedToOthers()
    {
        var team = await KnownTeamAsync();
        // Two decisions on the team: a warning letter and increased reporting, then no recall; a warning letter, then recall.
        await app.Factory.WithDbAsync(async db =>
        {
            var licences = await db.Licences.Where(l => l.Case!.TeamId == team).OrderBy(l => l.Id).Take(2).ToListAsync();
            RecallConsideration Decided(Licence l, RecallDecisionKind decision, params AlternativeToRecall[] tried)
            {
                var r = new RecallConsideration
                {
                    CaseId = l.CaseId, LicenceId = l.Id, Status = RecallConsiderationStatus.Decided, Concern = RecallConcern.ContactStopped,
                    Decision = decision, DecidedAt = DateTimeOffset.UtcNow.AddDays(-10), StartedById = app.World.Users[StaffRole.OffenderManager].Id,
                    CreatedAt = DateTimeOffset.UtcNow.AddDays(-12), UpdatedAt = DateTimeOffset.UtcNow.AddDays(-10), Version = 3,
                };
                r.AlternativesTried.AddRange(tried.Select(a => new RecallAlternativeTried { Alternative = a, Outcome = AlternativeOutcome.DidNotHelp }));
                return r;
            }
            db.RecallConsiderations.AddRange(
                Decided(licences[0], RecallDecisionKind.NoRecall, AlternativeToRecall.WarningLetter, AlternativeToRecall.IncreasedReporting),
                Decided(licences[1], RecallDecisionKind.StandardRecall, AlternativeToRecall.WarningLetter));
            await db.SaveChangesAsync();
            return 0;
        });
        var from = Today.AddDays(-500);
        var query = $"Cohort=ServiceStart&Team={team}&From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}";

        var psychologist = await app.PagesAsync(StaffRole.Psychologist);
        var html = await AppFixture.TextAsync(await psychologist.GetAsync($"/evaluation?{query}"));
        var off = RecallFiguresTests.Table(html, "measures").Single(r => r.Label == "Released after the service started").Cells;
        Assert.Equal(("6", "3", "45.3", "6.62", "50.0%", "50.0%"),
            (off["Licence periods"], off["Recalled"], off["Person-months on licence"], off["Recalls per 100 person-months"], off["Recalled within 6 months"], off["Recalled within 12 months"]));
        Assert.Equal("0", RecallFiguresTests.Table(html, "measures").Single(r => r.Label == "Released before the service started").Cells["Licence periods"]);
        Assert.DoesNotContain("landmark-note", html); // release before or after the start is known at release
        Assert.Contains("data-testid=\"km-chart\"", html);
        Assert.Contains("a log-rank test needs at least two groups", html); // everyone here was released after the start
        Assert.Contains("data-testid=\"cox-failure\"", html); // and nobody has an OGRS3 score
        Assert.DoesNotContain("suppression-note", html);
        // What followed each alternative, exactly, for a clinician.
        var followed = RecallFiguresTests.Table(html, "alternatives-followed").ToDictionary(r => r.Label, r => r.Cells);
        Assert.Equal(("1", "0", "1", "2"), (followed["Warning letter"]["No recall"], followed["Warning letter"]["Fixed-term recall"], followed["Warning letter"]["Standard recall"], followed["Warning letter"]["Total"]));
        Assert.Equal(("1", "1"), (followed["Increased reporting"]["No recall"], followed["Increased reporting"]["Total"]));
        Assert.Equal(("2", "1", "3"), (followed["All"]["No recall"], followed["All"]["Standard recall"], followed["All"]["Total"]));
        Assert.Equal("0.0% (0 of 6)", RecallFiguresTests.Table(html, "engagement").Single(r => r.Label == "Released after the service started").Cells["Offender manager trained"]);

        // Even for the psychologist, the download is suppressed: 3 recalls is a small cell.
        var csv = await psychologist.GetAsync($"/evaluation?handler=Csv&table=measures&{query}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Contains("Released after the service started,6,[c],[c],[c],[c],[c]", lines);

        // On the pathway or not is judged 3 months after release: the three recalled by day 90 are not compared, and the
        // three still on licence are followed from day 91 (3 × 309 days = 30.46 person-months, no recalls).
        var landmark = await AppFixture.TextAsync(await psychologist.GetAsync($"/evaluation?{query.Replace("Cohort=ServiceStart", "Cohort=Pathway", StringComparison.Ordinal)}"));
        Assert.Contains("landmark-note", landmark);
        var notOn = RecallFiguresTests.Table(landmark, "measures").Single(r => r.Label == "Not on the pathway").Cells;
        Assert.Equal(("3", "0", "30.5"), (notOn["Licence periods"], notOn["Recalled"], notOn["Person-months on licence"]));

        var manager = await app.PagesAsync(StaffRole.ServiceManager);
        var suppressed = await AppFixture.TextAsync(await manager.GetAsync($"/evaluation?{query}"));
        Assert.Contains("suppression-note", suppressed);
        Assert.Equal("[c]", RecallFiguresTests.Table(suppressed, "alternatives-followed").Single(r => r.Label == "Warning letter").Cells["No recall"]);
        var hidden = RecallFiguresTests.Table(suppressed, "measures").Single(r => r.Label == "Released after the service started").Cells;
        Assert.Equal(("6", "[c]", "[c]"), (hidden["Licence periods"], hidden["Recalled"], hidden["Recalls per 100 person-months"]));
        // The curve stops before fewer than five remain at risk: the third recall (4 at risk) is not shown.
        var points = RecallFiguresTests.Table(suppressed, "km-table");
        Assert.All(points, p => Assert.True(int.Parse(p.Cells["At risk"], System.Globalization.CultureInfo.InvariantCulture) >= 5));
        var km = await (await manager.GetAsync($"/evaluation?handler=Csv&table=km&{query}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(",4,", km);

        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "evaluation.read" && e.UserId == app.World.Users[StaffRole.Psychologist].Id)));
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "evaluation.data.download" && e.UserId == app.World.Users[StaffRole.ServiceManager].Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await psychologist.GetAsync($"/evaluation?handler=Csv&table=people&{query}")).StatusCode);

        var bad = await AppFixture.TextAsync(await psychologist.GetAsync("/evaluation?From.Day=2&From.Month=3&From.Year=2026&To.Day=1&To.Month=3&To.Year=2026"));
        Assert.Contains("The end date must be the same as or after the start date", bad);
        Assert.DoesNotContain("data-testid=\"measures\"", bad);

        var om = await app.PagesAsync(StaffRole.OffenderManager);
        var refused = await om.GetAsync("/evaluation");
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden
            || (refused.StatusCode == HttpStatusCode.Redirect && refused.Headers.Location!.PathAndQuery.StartsWith("/account/access-denied", StringComparison.Ordinal)));
    }
}

public sealed class EvaluationTestsSqlite(SqliteApp app) : EvaluationTests(app), IClassFixture<SqliteApp>;

public sealed class EvaluationTestsPostgres(PostgresApp app) : EvaluationTests(app), IClassFixture<PostgresApp>;
