using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Compliance;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Compliance;

public abstract class EnforcementAndSignalTests(AppFixture app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
    private static string Iso(int daysAgo) => Today.AddDays(-daysAgo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Guid> CaseWithLicenceAsync()
    {
        var id = await ContactTests.NewCaseAsync(app);
        await app.Factory.WithDbAsync(db =>
        {
            db.Licences.Add(new Licence
            {
                CaseId = id, SentenceType = SentenceType.StandardDeterminate, SentenceLengthMonths = 30, ReleaseDate = Today.AddDays(-200),
                LicenceExpiryDate = Today.AddDays(300), SentenceExpiryDate = Today.AddDays(300), StandardConditionSetCode = StandardConditionSets.Lco2015.Code,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            return db.SaveChangesAsync();
        });
        return id;
    }

    private static string StandardRef(int number) => "S:" + StandardConditionSets.Lco2015.Conditions.Single(c => c.Number == number).Code;

    [Fact]
    public async Task AWarningLetter_NamesTheBreachedConditions_AndRendersAsALetter()
    {
        var id = await CaseWithLicenceAsync();
        using var client = app.Api(StaffRole.OffenderManager);
        var res = await client.PostAsJsonAsync($"/api/v1/cases/{id}/warnings", new { level = "final", issuedOn = Iso(1), circumstances = "You missed appointments on 3 and 10 November", conditions = new[] { StandardRef(3) } });
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        var warningId = (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var letter = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/warnings/{warningId}/letter");
        Assert.Equal("Final warning: licence conditions", letter.GetProperty("title").GetString());
        Assert.StartsWith("Standard condition 3: Keep in touch", letter.GetProperty("conditions")[0].GetString(), StringComparison.Ordinal);

        var page = await (await (await app.PagesAsync(StaffRole.Psychologist)).GetAsync($"/cases/{id}/warnings/{warningId}/letter")).Content.ReadAsStringAsync();
        Assert.Contains("You missed appointments on 3 and 10 November", page, StringComparison.Ordinal);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "warning.letter.read" && a.CaseId == id)));
    }

    [Fact]
    public async Task AWarningLetter_DownloadsAsAPdf_FromTheSameTemplate_OnPageAndApi()
    {
        var id = await CaseWithLicenceAsync();
        using var client = app.Api(StaffRole.OffenderManager);
        var res = await client.PostAsJsonAsync($"/api/v1/cases/{id}/warnings", new { level = "first", issuedOn = Iso(2), circumstances = "You stayed away from your approved address", conditions = new[] { StandardRef(5) } });
        var warningId = (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var pages = await app.PagesAsync(StaffRole.OffenderManager);
        Assert.Contains($"/cases/{id}/warnings/{warningId}/letter.pdf", await (await pages.GetAsync($"/cases/{id}/warnings/{warningId}/letter")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var text = await PdfText.ReadAsync(pages, $"/cases/{id}/warnings/{warningId}/letter.pdf");
        Assert.Contains("First warning: licence conditions", text, StringComparison.Ordinal);
        Assert.Contains("You stayed away from your approved address", text, StringComparison.Ordinal);
        Assert.Contains("Reside permanently", text, StringComparison.Ordinal);
        Assert.Contains("OFFICIAL-SENSITIVE", text, StringComparison.Ordinal);
        Assert.Contains("First warning", await PdfText.ReadAsync(client, $"/api/v1/cases/{id}/warnings/{warningId}/letter.pdf"), StringComparison.Ordinal);
        Assert.Equal(2, await app.Factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "warning.letter.download" && a.CaseId == id && a.EntityId == warningId.ToString())));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/cases/{id}/warnings/{Guid.NewGuid()}/letter.pdf")).StatusCode);
    }

    [Fact]
    public async Task WarningsAndBreaches_NeedTheConditions_AndADateNotInTheFuture()
    {
        var id = await CaseWithLicenceAsync();
        using var client = app.Api(StaffRole.SeniorProbationOfficer);
        var warning = await client.PostAsJsonAsync($"/api/v1/cases/{id}/warnings", new { level = "first", issuedOn = Iso(-1), circumstances = "x" });
        var errors = (await warning.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("issuedOn", out _));
        Assert.Equal("Select the licence conditions that were breached", errors.GetProperty("conditions")[0].GetString());
        var breach = await client.PostAsJsonAsync($"/api/v1/cases/{id}/breaches", new { occurredOn = Iso(2), description = "Stayed away overnight", conditions = new[] { StandardRef(5) } });
        Assert.Equal(HttpStatusCode.Created, breach.StatusCode);
        var noLicence = await ContactTests.NewCaseAsync(app);
        var refused = await client.PostAsJsonAsync($"/api/v1/cases/{noLicence}/breaches", new { occurredOn = Iso(2), description = "x", conditions = new[] { StandardRef(5) } });
        Assert.Contains("Add the person's licence first", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signals_ShowEachFiringRuleWithItsFacts_OnTheCase_AndInTheTeamAndServiceLists()
    {
        var id = await CaseWithLicenceAsync();
        using var om = app.Api(StaffRole.OffenderManager);
        foreach (var d in new[] { 3, 17 })
            Assert.Equal(HttpStatusCode.Created, (await om.PostAsJsonAsync($"/api/v1/cases/{id}/contacts", new { date = Iso(d), kind = "officeAppointment", outcome = "unacceptableAbsence", reason = "None given" })).StatusCode);
        using var ap = app.Api(StaffRole.ApprovedPremisesStaff);
        Assert.Equal(HttpStatusCode.Created, (await ap.PostAsJsonAsync($"/api/v1/cases/{id}/concerns", new { date = Iso(1), type = "withdrawal", description = "Stayed in his room all weekend", matchedEarlyWarningSign = "Isolates himself" })).StatusCode);

        var fired = await om.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/signals");
        var byCode = fired.EnumerateArray().ToDictionary(f => f.GetProperty("code").GetString()!, f => f.GetProperty("explanation").GetString()!);
        Assert.StartsWith("2 unacceptable absences in 4 weeks", byCode["absences-4w"], StringComparison.Ordinal);
        Assert.Contains("‘Isolates himself’", byCode["early-warning-sign"], StringComparison.Ordinal);

        using var spo = app.Api(StaffRole.SeniorProbationOfficer);
        Assert.Contains((await spo.GetFromJsonAsync<JsonElement>("/api/v1/signals")).EnumerateArray(), r => r.GetProperty("caseId").GetGuid() == id);
        using var psychologist = app.Api(StaffRole.Psychologist);
        Assert.Contains((await psychologist.GetFromJsonAsync<JsonElement>("/api/v1/signals")).EnumerateArray(), r => r.GetProperty("caseId").GetGuid() == id);
        using var otherTeam = app.Api(StaffRole.PartnerAgency);
        Assert.DoesNotContain((await otherTeam.GetFromJsonAsync<JsonElement>("/api/v1/signals")).EnumerateArray(), r => r.GetProperty("caseId").GetGuid() == id);

        var page = await (await (await app.PagesAsync(StaffRole.OffenderManager)).GetAsync($"/cases/{id}/compliance")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"signal\"", page, StringComparison.Ordinal);
        Assert.Contains("Consult the psychologist", page, StringComparison.Ordinal);
        var list = await (await (await app.PagesAsync(StaffRole.SeniorProbationOfficer)).GetAsync("/signals")).Content.ReadAsStringAsync();
        Assert.Contains($"/cases/{id}/compliance", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesEditor_RefusesInvalidRulesWithEachProblem_AndSavesValidOnes()
    {
        var client = await app.PagesAsync(StaffRole.ClinicalLead);
        var bad = await AppFixture.PostFormAsync(client, "/admin/early-warning-rules", new()
        {
            ["Json"] = """[{ "code": "x", "title": "", "kind": "complianceBelow", "count": 0, "withinWeeks": 4, "prompts": ["considerAlternatives"] }]""",
            ["Version"] = "1",
        });
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Rule 1 (x) needs a title", html, StringComparison.Ordinal);
        Assert.Contains("count must be 1 or more", html, StringComparison.Ordinal);
        Assert.Equal(EarlyWarningRuleSet.DefaultJson.Trim(), await app.Factory.WithDbAsync(db => db.EarlyWarningRules.Select(r => r.Json).SingleAsync()));

        var admin = await app.PagesAsync(StaffRole.Administrator);
        var json = EarlyWarningRuleSet.DefaultJson.Trim().Replace("\"count\": 2, \"withinWeeks\": 4", "\"count\": 3, \"withinWeeks\": 4", StringComparison.Ordinal);
        var noReason = await AppFixture.PostFormAsync(admin, "/admin/early-warning-rules", new() { ["Json"] = json, ["Version"] = "1" });
        Assert.Contains("Enter why the rules changed and who agreed it", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.EarlyWarningRuleVersions.CountAsync()));

        var ok = await AppFixture.PostFormAsync(admin, "/admin/early-warning-rules", new() { ["Json"] = json, ["Version"] = "1", ["Source"] = "Two absences was too early: agreed at governance" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var stale = await AppFixture.PostFormAsync(client, "/admin/early-warning-rules", new() { ["Json"] = EarlyWarningRuleSet.DefaultJson, ["Version"] = "1", ["Source"] = "Back to the start" });
        Assert.Contains("Someone else changed the rules", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await app.Factory.WithDbAsync(async db => EarlyWarningRuleSet.Parse((await db.EarlyWarningRules.SingleAsync()).Json).Rules.Single(r => r.Code == "absences-4w").Count));
        // Put the defaults back for the other tests of this class.
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(admin, "/admin/early-warning-rules", new() { ["Json"] = EarlyWarningRuleSet.DefaultJson, ["Version"] = "2", ["Source"] = "Back to the starting rules" })).StatusCode);

        // Every version is kept, with why it changed; an administrator's version waits for the clinical lead.
        var history = await app.Factory.WithDbAsync(db => db.EarlyWarningRuleVersions.OrderBy(v => v.Number).ToListAsync());
        Assert.Equal([1, 2, 3], history.Select(v => v.Number));
        Assert.Equal(Pathway.Data.Entities.EarlyWarningRulesVersionLimits.StartingRulesSource, history[0].Source);
        Assert.Contains("\"count\": 3, \"withinWeeks\": 4", history[1].Json, StringComparison.Ordinal);
        Assert.Equal("Two absences was too early: agreed at governance", history[1].Source);
        Assert.All(history, v => Assert.False(v.ConfirmedByClinicalLead));

        // The clinical lead confirms the version in force; a confirmation of an older one is refused.
        var staleConfirm = await AppFixture.PostFormAsync(client, "/admin/early-warning-rules?handler=Confirm", new() { ["number"] = "2" });
        Assert.Contains("Nothing was confirmed", await staleConfirm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(client, "/admin/early-warning-rules?handler=Confirm", new() { ["number"] = "3" })).StatusCode);
        var notLead = await AppFixture.PostFormAsync(admin, "/admin/early-warning-rules?handler=Confirm", new() { ["number"] = "3" });
        Assert.StartsWith("/account/access-denied", notLead.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.True(await app.Factory.WithDbAsync(db => db.EarlyWarningRuleVersions.Where(v => v.Number == 3).Select(v => v.ConfirmedByClinicalLead).SingleAsync()));

        // The rules page lists every version of the early-warning rules beside the shipped rule sets.
        var rules = await client.GetStringAsync("/manage/rules");
        Assert.Contains("data-version=\"early-warning-v1\"", rules, StringComparison.Ordinal);
        Assert.Contains("data-version=\"early-warning-v3\"", rules, StringComparison.Ordinal);
        Assert.Contains("Two absences was too early: agreed at governance", rules, StringComparison.Ordinal);
        Assert.Contains("data-version=\"suppress-under-5\"", rules, StringComparison.Ordinal);
    }
}

public sealed class EnforcementAndSignalTestsSqlite(SqliteApp app) : EnforcementAndSignalTests(app), IClassFixture<SqliteApp>;

public sealed class EnforcementAndSignalTestsPostgres(PostgresApp app) : EnforcementAndSignalTests(app), IClassFixture<PostgresApp>;
