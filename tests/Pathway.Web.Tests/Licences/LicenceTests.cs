using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Licences;

public abstract class LicenceTests(AppFixture app)
{
    private Guid InScopeId => app.World.InScope.Id;
    private string InScopeLicences => $"/api/v1/cases/{InScopeId}/licences";

    private static Dictionary<string, object?> ValidLicence(string? indexOffence = null) => new()
    {
        ["sentenceType"] = "standardDeterminate",
        ["sentenceLengthMonths"] = 36,
        ["indexOffence"] = indexOffence ?? "Burglary",
        ["releaseDate"] = "2025-06-01",
        ["licenceExpiryDate"] = "2027-06-01",
        ["sentenceExpiryDate"] = "2027-06-01",
    };

    private static Dictionary<string, string> ValidLicenceForm(int version = 0) => new()
    {
        ["Input.SentenceType"] = nameof(SentenceType.StandardDeterminate),
        ["Input.SentenceLengthMonths"] = "24",
        ["Input.IndexOffence"] = "Wounding",
        ["Input.ReleaseDate.Day"] = "3", ["Input.ReleaseDate.Month"] = "2", ["Input.ReleaseDate.Year"] = "2025",
        ["Input.LicenceExpiryDate.Day"] = "3", ["Input.LicenceExpiryDate.Month"] = "2", ["Input.LicenceExpiryDate.Year"] = "2026",
        ["Input.SentenceExpiryDate.Day"] = "3", ["Input.SentenceExpiryDate.Month"] = "2", ["Input.SentenceExpiryDate.Year"] = "2026",
        ["Input.StandardConditionSetCode"] = StandardConditionSets.Lco2015.Code,
        ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A licence of the in-scope case of this test's own, so tests that change licences do not meet.</summary>
    private async Task<JsonElement> CreateLicenceAsync(string indexOffence)
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var res = await client.PostAsJsonAsync(InScopeLicences, ValidLicence(indexOffence));
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        return await res.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<int> CountLicencesAsync(Guid caseId) => app.Factory.WithDbAsync(db => db.Licences.CountAsync(l => l.CaseId == caseId));

    private static async Task<JsonElement> ErrorsOf(HttpResponseMessage res)
    {
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        return (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    private static string[] Messages(JsonElement errors, string field) =>
        errors.TryGetProperty(field, out var list) ? list.EnumerateArray().Select(m => m.GetString()!).ToArray() : [];

    [Fact]
    public async Task Create_ViaApi_Returns201_WithTheNewestStandardConditionsInForce()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var res = await client.PostAsJsonAsync(InScopeLicences, ValidLicence("Robbery"));

        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        var json = await res.Content.ReadFromJsonAsync<JsonElement>();
        var id = json.GetProperty("id").GetGuid();
        Assert.Equal($"{InScopeLicences}/{id}", res.Headers.Location?.ToString());
        Assert.Equal("standardDeterminate", json.GetProperty("sentenceType").GetString());
        Assert.Equal("2025-06-01", json.GetProperty("releaseDate").GetString());
        Assert.Equal("Robbery", json.GetProperty("indexOffence").GetString());
        Assert.Equal(StandardConditionSets.PlainEnglish.Code, json.GetProperty("standardConditionSetCode").GetString());
        Assert.Equal(8, json.GetProperty("standardConditions").GetArrayLength());
        Assert.Equal(1, json.GetProperty("version").GetInt32());

        var list = await client.GetFromJsonAsync<JsonElement>(InScopeLicences);
        Assert.Contains(list.EnumerateArray(), l => l.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Create_ViaApi_WithASetNotYetInForceOrWithdrawn_Is400WithTheReason_AndSavesNothing()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var before = await CountLicencesAsync(InScopeId);

        var early = ValidLicence();
        early["releaseDate"] = "2015-03-23";
        early["standardConditionSetCode"] = StandardConditionSets.PlainEnglish.Code;
        var tooEarly = Messages(await ErrorsOf(await client.PostAsJsonAsync(InScopeLicences, early)), "standardConditionSetCode");
        Assert.Contains(tooEarly, m => m.Contains("came after 23 March 2015", StringComparison.Ordinal));

        var withdrawn = ValidLicence();
        withdrawn["standardConditionSetCode"] = StandardConditionSets.WithdrawnPlain2024.Code;
        var refused = Messages(await ErrorsOf(await client.PostAsJsonAsync(InScopeLicences, withdrawn)), "standardConditionSetCode");
        Assert.Contains(refused, m => m.Contains("kept only for licences already recorded with it", StringComparison.Ordinal));

        Assert.Equal(before, await CountLicencesAsync(InScopeId));
    }

    [Fact]
    public async Task Update_ViaApi_ALicenceRecordedWithTheWithdrawnSet_KeepsIt()
    {
        var created = await CreateLicenceAsync("Arson");
        var id = created.GetProperty("id").GetGuid();
        await app.Factory.WithDbAsync(async db =>
        {
            var l = await db.Licences.SingleAsync(x => x.Id == id);
            l.StandardConditionSetCode = StandardConditionSets.WithdrawnPlain2024.Code;
            await db.SaveChangesAsync();
            return 0;
        });
        using var client = app.Api(StaffRole.OffenderManager);
        var body = ValidLicence("Arson and criminal damage");
        body["version"] = (await client.GetFromJsonAsync<JsonElement>($"{InScopeLicences}/{id}")).GetProperty("version").GetInt32();

        var res = await client.PutAsJsonAsync($"{InScopeLicences}/{id}", body);

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var json = await res.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(StandardConditionSets.WithdrawnPlain2024.Code, json.GetProperty("standardConditionSetCode").GetString());
        Assert.Equal(10, json.GetProperty("standardConditions").GetArrayLength());
    }

    [Fact]
    public async Task Create_ViaPage_RedirectsToTheLicence_WhichShowsItsStandardConditions()
    {
        var client = await app.PagesAsync(StaffRole.OffenderManager);
        var res = await AppFixture.PostFormAsync(client, $"/cases/{InScopeId}/licences/new", ValidLicenceForm());

        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var location = res.Headers.Location!.ToString();
        Assert.Matches($"^/cases/{InScopeId}/licences/[0-9a-f-]{{36}}$", location);
        var html = await client.GetStringAsync(location);
        Assert.Contains("Wounding", html, StringComparison.Ordinal);
        Assert.Contains(StandardConditionSets.Lco2015.Conditions[8].Text, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ViaApi_LicenceEndingBeforeRelease_Is400NamingTheField_AndSavesNothing()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var before = await CountLicencesAsync(InScopeId);
        var body = ValidLicence();
        body["licenceExpiryDate"] = "2025-05-01";
        body["sentenceExpiryDate"] = "2025-05-01";

        var errors = await ErrorsOf(await client.PostAsJsonAsync(InScopeLicences, body));

        Assert.Contains("Licence expiry date must be on or after the release date", Messages(errors, "licenceExpiryDate"));
        Assert.Contains("Sentence expiry date must be on or after the release date", Messages(errors, "sentenceExpiryDate"));
        Assert.Equal(before, await CountLicencesAsync(InScopeId));
    }

    [Fact]
    public async Task Create_ViaApi_ReleaseBeforeBirth_Is400NamingTheField_AndSavesNothing()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var before = await CountLicencesAsync(InScopeId);
        var body = ValidLicence();
        body["releaseDate"] = "1980-01-01";

        var errors = await ErrorsOf(await client.PostAsJsonAsync(InScopeLicences, body));

        Assert.Contains("Release date must be after the person's date of birth", Messages(errors, "releaseDate"));
        Assert.Equal(before, await CountLicencesAsync(InScopeId));
    }

    [Fact]
    public async Task Create_ViaApi_UnreadableValues_AreEachReportedAgainstTheirField()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var body = ValidLicence();
        body["sentenceType"] = "suspended";
        body["releaseDate"] = "01/06/2025";
        body["standardConditionSetCode"] = "NO-SUCH-SET";

        var errors = await ErrorsOf(await client.PostAsJsonAsync(InScopeLicences, body));

        Assert.Single(Messages(errors, "sentenceType"));
        Assert.Equal(["'01/06/2025' is not a date in the form yyyy-MM-dd"], Messages(errors, "releaseDate"));
        Assert.Contains("Select standard conditions from the list", Messages(errors, "standardConditionSetCode"));
    }

    [Fact]
    public async Task Create_ViaPage_ImpossibleDates_ShowEveryErrorInTheSummary_AndSaveNothing()
    {
        var client = await app.PagesAsync(StaffRole.OffenderManager);
        var before = await CountLicencesAsync(InScopeId);
        var form = ValidLicenceForm();
        form["Input.ReleaseDate.Year"] = "1980";
        form["Input.LicenceExpiryDate.Year"] = "1979";
        form["Input.SentenceExpiryDate.Day"] = "31";
        form["Input.SentenceExpiryDate.Month"] = "2";

        var res = await AppFixture.PostFormAsync(client, $"/cases/{InScopeId}/licences/new", form);

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var html = WebUtility.HtmlDecode(await res.Content.ReadAsStringAsync());
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_ReleaseDate\">Release date must be after the person's date of birth</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_LicenceExpiryDate\">Licence expiry date must be on or after the release date</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_SentenceExpiryDate\">Sentence expiry date must be a real date</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Enter the sentence expiry date", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountLicencesAsync(InScopeId));
    }

    [Fact]
    public async Task OutOfScopeCase_Is404_OnListDetailAndCreate_AndLeavesADeniedRow()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var outOfScope = app.World.OutOfScope.Id;
        var before = await CountLicencesAsync(outOfScope);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/cases/{outOfScope}/licences")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/cases/{outOfScope}/licences/{app.World.OutOfScopeLicence.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/cases/{outOfScope}/licences", ValidLicence())).StatusCode);

        var pages = await app.PagesAsync(StaffRole.OffenderManager);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/cases/{outOfScope}/licences")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/cases/{outOfScope}/licences/{app.World.OutOfScopeLicence.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/cases/{outOfScope}/licences/new")).StatusCode);

        Assert.Equal(before, await CountLicencesAsync(outOfScope));
        var licenceId = app.World.OutOfScopeLicence.Id.ToString();
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a =>
            a.Action == "licence.read" && a.EntityType == "Licence" && a.EntityId == licenceId && a.Outcome == AuditOutcome.Denied)));
    }

    [Fact]
    public async Task LicenceOfAnotherCase_UnderThisCasesUrl_Is404()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var wrong = $"{InScopeLicences}/{app.World.OutOfScopeLicence.Id}";
        var pagePath = $"/cases/{InScopeId}/licences/{app.World.OutOfScopeLicence.Id}";

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(wrong)).StatusCode);
        var put = ValidLicence();
        put["version"] = 1;
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync(wrong, put)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"{wrong}/conditions", new { category = "curfew", text = "Curfew 7pm to 7am" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"{wrong}/recalls", new { recallDate = "2026-01-01", type = "standard", reason = "Further offence" })).StatusCode);

        var pages = await app.PagesAsync(StaffRole.OffenderManager);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync(pagePath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"{pagePath}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"{pagePath}/conditions/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"{pagePath}/recalls/new")).StatusCode);

        var unchanged = await app.Factory.WithDbAsync(db => db.Licences.AsNoTracking().FirstAsync(l => l.Id == app.World.OutOfScopeLicence.Id));
        Assert.Equal(app.World.OutOfScope.Id, unchanged.CaseId);
        Assert.Equal(1, unchanged.Version);
        Assert.False(await app.Factory.WithDbAsync(db => db.AdditionalConditions.AnyAsync(c => c.LicenceId == app.World.OutOfScopeLicence.Id && c.Text == "Curfew 7pm to 7am")));
    }

    [Fact]
    public async Task Put_WithCurrentVersion_SavesAndIncrementsTheVersion()
    {
        var created = await CreateLicenceAsync("Theft");
        var id = created.GetProperty("id").GetGuid();
        using var client = app.Api(StaffRole.OffenderManager);
        var body = ValidLicence("Theft from a shop");
        body["topUpSupervisionEndDate"] = "2028-06-01";
        body["version"] = 1;

        var res = await client.PutAsJsonAsync($"{InScopeLicences}/{id}", body);

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var json = await res.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, json.GetProperty("version").GetInt32());
        Assert.Equal("Theft from a shop", json.GetProperty("indexOffence").GetString());
        Assert.Equal("2028-06-01", json.GetProperty("topUpSupervisionEndDate").GetString());
    }

    [Fact]
    public async Task Put_WithoutVersion_Is400NamingVersion()
    {
        var id = (await CreateLicenceAsync("Fraud")).GetProperty("id").GetGuid();
        using var client = app.Api(StaffRole.OffenderManager);

        var errors = await ErrorsOf(await client.PutAsJsonAsync($"{InScopeLicences}/{id}", ValidLicence("Fraud")));

        Assert.NotEmpty(Messages(errors, "version"));
    }

    [Fact]
    public async Task Put_WithStaleVersion_Is409WithTheCurrentLicence_AndChangesNothing()
    {
        var id = (await CreateLicenceAsync("Arson")).GetProperty("id").GetGuid();
        using var client = app.Api(StaffRole.OffenderManager);
        var first = ValidLicence("Arson with intent");
        first["version"] = 1;
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"{InScopeLicences}/{id}", first)).StatusCode);

        var stale = ValidLicence("Criminal damage");
        stale["version"] = 1;
        var res = await client.PutAsJsonAsync($"{InScopeLicences}/{id}", stale);

        Assert.Equal(HttpStatusCode.Conflict, res.StatusCode);
        var problem = await res.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt32());
        Assert.Equal("Arson with intent", problem.GetProperty("current").GetProperty("indexOffence").GetString());
        var now = await client.GetFromJsonAsync<JsonElement>($"{InScopeLicences}/{id}");
        Assert.Equal("Arson with intent", now.GetProperty("indexOffence").GetString());
        Assert.Equal(2, now.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task EditPage_WithStaleVersion_ShowsWhatDiffers_AndSavesNothing()
    {
        var id = (await CreateLicenceAsync("Assault")).GetProperty("id").GetGuid();
        using var api = app.Api(StaffRole.OffenderManager);
        var meanwhile = ValidLicence("Assault occasioning actual bodily harm");
        meanwhile["version"] = 1;
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"{InScopeLicences}/{id}", meanwhile)).StatusCode);

        var pages = await app.PagesAsync(StaffRole.OffenderManager);
        var form = ValidLicenceForm(version: 1);
        form["Input.IndexOffence"] = "Common assault";
        var res = await AppFixture.PostFormAsync(pages, $"/cases/{InScopeId}/licences/{id}/edit", form);

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var html = WebUtility.HtmlDecode(await res.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"conflicts\"", html, StringComparison.Ordinal);
        Assert.Contains("Someone else changed this licence", html, StringComparison.Ordinal);
        Assert.Contains("Assault occasioning actual bodily harm", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Version\" value=\"2\"", html, StringComparison.Ordinal);
        var now = await api.GetFromJsonAsync<JsonElement>($"{InScopeLicences}/{id}");
        Assert.Equal("Assault occasioning actual bodily harm", now.GetProperty("indexOffence").GetString());
        Assert.Equal("2025-06-01", now.GetProperty("releaseDate").GetString());
        Assert.Equal(2, now.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task EditPage_WithCurrentVersion_SavesAndRedirects()
    {
        var id = (await CreateLicenceAsync("Harassment")).GetProperty("id").GetGuid();
        var pages = await app.PagesAsync(StaffRole.OffenderManager);
        var form = ValidLicenceForm(version: 1);
        form["Input.IndexOffence"] = "Stalking";

        var res = await AppFixture.PostFormAsync(pages, $"/cases/{InScopeId}/licences/{id}/edit", form);

        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        using var api = app.Api(StaffRole.OffenderManager);
        var now = await api.GetFromJsonAsync<JsonElement>($"{InScopeLicences}/{id}");
        Assert.Equal("Stalking", now.GetProperty("indexOffence").GetString());
        Assert.Equal("2025-02-03", now.GetProperty("releaseDate").GetString());
        Assert.Equal(2, now.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task AddConditionAndRecall_ViaApi_AppearOnTheLicence()
    {
        var id = (await CreateLicenceAsync("Possession with intent to supply")).GetProperty("id").GetGuid();
        using var client = app.Api(StaffRole.OffenderManager);

        var condition = await client.PostAsJsonAsync($"{InScopeLicences}/{id}/conditions", new { category = "exclusionZone", text = "Not to enter the area marked on the map" });
        Assert.Equal(HttpStatusCode.Created, condition.StatusCode);
        var recall = await client.PostAsJsonAsync($"{InScopeLicences}/{id}/recalls",
            new { recallDate = "2026-01-10", type = "fixedTerm28Day", reason = "Failed to keep in touch", returnToCustodyDate = "2026-01-12" });
        Assert.Equal(HttpStatusCode.Created, recall.StatusCode);

        var json = await client.GetFromJsonAsync<JsonElement>($"{InScopeLicences}/{id}");
        var c = Assert.Single(json.GetProperty("additionalConditions").EnumerateArray());
        Assert.Equal("exclusionZone", c.GetProperty("category").GetString());
        Assert.Equal(JsonValueKind.Null, c.GetProperty("removedAt").ValueKind);
        var r = Assert.Single(json.GetProperty("recalls").EnumerateArray());
        Assert.Equal("fixedTerm28Day", r.GetProperty("type").GetString());
        Assert.Equal("2026-01-12", r.GetProperty("returnToCustodyDate").GetString());
        var summary = (await client.GetFromJsonAsync<JsonElement>(InScopeLicences)).EnumerateArray().Single(l => l.GetProperty("id").GetGuid() == id);
        Assert.Equal(1, summary.GetProperty("additionalConditionCount").GetInt32());
        Assert.Equal(1, summary.GetProperty("recallCount").GetInt32());
    }

    [Fact]
    public async Task AddConditionAndRecall_ViaApi_InvalidValues_Are400NamingEachField()
    {
        var id = (await CreateLicenceAsync("Affray")).GetProperty("id").GetGuid();
        using var client = app.Api(StaffRole.OffenderManager);

        var conditionErrors = await ErrorsOf(await client.PostAsJsonAsync($"{InScopeLicences}/{id}/conditions", new { category = "bespoke", text = new string('x', 2001) }));
        Assert.Contains("Condition must be 2000 characters or fewer", Messages(conditionErrors, "text"));
        var missing = await ErrorsOf(await client.PostAsJsonAsync($"{InScopeLicences}/{id}/conditions", new { text = " " }));
        Assert.NotEmpty(Messages(missing, "category"));
        Assert.NotEmpty(Messages(missing, "text"));

        var recallErrors = await ErrorsOf(await client.PostAsJsonAsync($"{InScopeLicences}/{id}/recalls",
            new { recallDate = "2025-01-01", reason = "", reReleaseDate = "2025-02-01" }));
        Assert.Contains("Recall date must be on or after the release date", Messages(recallErrors, "recallDate"));
        Assert.NotEmpty(Messages(recallErrors, "type"));
        Assert.NotEmpty(Messages(recallErrors, "reason"));
        Assert.Contains("Enter the return to custody date before a re-release date", Messages(recallErrors, "reReleaseDate"));

        var json = await client.GetFromJsonAsync<JsonElement>($"{InScopeLicences}/{id}");
        Assert.Equal(0, json.GetProperty("additionalConditions").GetArrayLength());
        Assert.Equal(0, json.GetProperty("recalls").GetArrayLength());
    }

    [Fact]
    public async Task AddConditionRecordRecallAndRemoveCondition_ViaPages_ShowOnTheLicence()
    {
        var id = (await CreateLicenceAsync("Blackmail")).GetProperty("id").GetGuid();
        var pages = await app.PagesAsync(StaffRole.OffenderManager);
        var licencePath = $"/cases/{InScopeId}/licences/{id}";

        var added = await AppFixture.PostFormAsync(pages, $"{licencePath}/conditions/new",
            new() { ["Input.Category"] = nameof(AdditionalConditionCategory.NoContact), ["Input.Text"] = "No contact with the victim, directly or indirectly" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var recalled = await AppFixture.PostFormAsync(pages, $"{licencePath}/recalls/new", new()
        {
            ["Input.RecallDate.Day"] = "5", ["Input.RecallDate.Month"] = "3", ["Input.RecallDate.Year"] = "2026",
            ["Input.Type"] = nameof(RecallType.Standard), ["Input.Reason"] = "Contacted the victim",
            ["Input.ReturnToCustodyDate.Day"] = "6", ["Input.ReturnToCustodyDate.Month"] = "3", ["Input.ReturnToCustodyDate.Year"] = "2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, recalled.StatusCode);

        var conditionId = await app.Factory.WithDbAsync(db => db.AdditionalConditions.Where(c => c.LicenceId == id).Select(c => c.Id).SingleAsync());
        var confirm = await pages.GetStringAsync($"{licencePath}/conditions/{conditionId}/remove");
        Assert.Contains("Are you sure you want to remove this condition?", confirm, StringComparison.Ordinal);
        var removed = await AppFixture.PostFormAsync(pages, $"{licencePath}/conditions/{conditionId}/remove", new());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);

        var html = WebUtility.HtmlDecode(await pages.GetStringAsync(licencePath));
        Assert.Contains("No contact with named people", html, StringComparison.Ordinal);
        Assert.Contains("<del>No contact with the victim, directly or indirectly</del>", html, StringComparison.Ordinal);
        Assert.Contains("Contacted the victim", html, StringComparison.Ordinal);
        Assert.Contains("Standard recall", html, StringComparison.Ordinal);
        var condition = await app.Factory.WithDbAsync(db => db.AdditionalConditions.AsNoTracking().SingleAsync(c => c.Id == conditionId));
        Assert.NotNull(condition.RemovedAt);
    }

    [Fact]
    public async Task RecallPage_OutsideTheLicence_ShowsTheErrorAgainstTheField_AndSavesNothing()
    {
        var id = (await CreateLicenceAsync("Robbery")).GetProperty("id").GetGuid();
        var pages = await app.PagesAsync(StaffRole.OffenderManager);

        var res = await AppFixture.PostFormAsync(pages, $"/cases/{InScopeId}/licences/{id}/recalls/new", new()
        {
            ["Input.RecallDate.Day"] = "5", ["Input.RecallDate.Month"] = "3", ["Input.RecallDate.Year"] = "2030",
            ["Input.Type"] = nameof(RecallType.FixedTerm14Day), ["Input.Reason"] = "Failed to reside",
        });

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var html = WebUtility.HtmlDecode(await res.Content.ReadAsStringAsync());
        Assert.Contains("<a href=\"#Input_RecallDate\">Recall date must be on or before the licence expiry date</a>", html, StringComparison.Ordinal);
        Assert.False(await app.Factory.WithDbAsync(db => db.Recalls.AnyAsync(r => r.LicenceId == id)));
    }

    [Fact]
    public async Task ReadOnlyRole_SeesLicences_ButCannotAdd()
    {
        var pages = await app.PagesAsync(StaffRole.PublicProtectionOfficer);
        var res = await pages.GetAsync($"/cases/{InScopeId}/licences");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var html = await res.Content.ReadAsStringAsync();
        Assert.Contains($"/cases/{InScopeId}/licences/{app.World.InScopeLicence.Id}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Add a licence", html, StringComparison.Ordinal);

        using var api = app.Api(StaffRole.PublicProtectionOfficer);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"{InScopeLicences}/{app.World.InScopeLicence.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync(InScopeLicences, ValidLicence())).StatusCode);
    }

    [Fact]
    public async Task ListPage_ForAnEditor_ShowsTheLicencesAndTheAddButton()
    {
        var pages = await app.PagesAsync(StaffRole.OffenderManager);
        var html = await pages.GetStringAsync($"/cases/{InScopeId}/licences");
        Assert.Contains("data-testid=\"case-header\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/cases/{InScopeId}/licences/new\"", html, StringComparison.Ordinal);
        Assert.Contains($"/cases/{InScopeId}/licences/{app.World.InScopeLicence.Id}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadingALicence_LeavesAnAuditRowNamingTheLicence()
    {
        using var client = app.Api(StaffRole.Psychologist);
        var licenceId = app.World.InScopeLicence.Id;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{InScopeLicences}/{licenceId}")).StatusCode);

        var userId = app.World.Users[StaffRole.Psychologist].Id;
        var row = await app.Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == "Licence" && a.EntityId == licenceId.ToString() && a.UserId == userId)
            .OrderByDescending(a => a.Sequence).FirstOrDefaultAsync());
        Assert.NotNull(row);
        Assert.Equal("licence.read", row.Action);
        Assert.Equal(AuditOutcome.Allowed, row.Outcome);
        Assert.Equal(InScopeId, row.CaseId);
    }
}

public sealed class LicenceTestsSqlite(SqliteApp app) : LicenceTests(app), IClassFixture<SqliteApp>;

public sealed class LicenceTestsPostgres(PostgresApp app) : LicenceTests(app), IClassFixture<PostgresApp>;
