using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Screening;

public abstract class ScreeningTests(AppFixture app)
{
    private Guid InScopeId => app.World.InScope.Id;
    private string Screening => $"/api/v1/cases/{InScopeId}/screening";

    private static readonly string[] SapasItems = ["sapas-1", "sapas-2", "sapas-3", "sapas-4", "sapas-5", "sapas-6", "sapas-7", "sapas-8"];

    private Task<JsonElement> StartAsync(HttpClient client, string key) => StartAsync(client, InScopeId, key);

    private static async Task<JsonElement> StartAsync(HttpClient client, Guid caseId, string key)
    {
        var res = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/screening", new { instrumentKey = key });
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        return await res.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Guid IdOf(JsonElement e) => e.GetProperty("id").GetGuid();

    private static int VersionOf(JsonElement e) => e.GetProperty("version").GetInt32();

    private static async Task<JsonElement> ErrorsOf(HttpResponseMessage res)
    {
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        return (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    private Task<bool> AuditedAsync(string action, Guid responseId) => app.Factory.WithDbAsync(db =>
        db.AuditEvents.AnyAsync(a => a.Action == action && a.EntityId == responseId.ToString() && a.CaseId == InScopeId && a.Outcome == AuditOutcome.Allowed));

    [Fact]
    public async Task Sapas_DraftCanBeIncomplete_CompletionRefusesNamingTheMissingItem_ThenScoresWithItsVersion()
    {
        using var client = app.Api(StaffRole.Psychologist);
        var draft = await StartAsync(client, "sapas");
        var id = IdOf(draft);
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal(2, draft.GetProperty("definitionVersion").GetInt32());

        // Item 3 "no" scores 1 (reversed); with items 1 and 2 "yes" that is 3: the cut-off.
        var partial = new Dictionary<string, string> { ["sapas-1"] = "Y", ["sapas-2"] = "Y", ["sapas-3"] = "N" };
        var saved = await client.PutAsJsonAsync($"{Screening}/{id}", new { answers = partial, version = VersionOf(draft) });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var afterSave = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, VersionOf(afterSave));
        Assert.True(await AuditedAsync("screening.update", id));

        var refused = await client.PostAsJsonAsync($"{Screening}/{id}/complete", new { answers = partial, version = 2 });
        var errors = await ErrorsOf(refused);
        var missing = errors.GetProperty("answers.sapas-4")[0].GetString()!;
        Assert.Contains("Loses their temper easily", missing, StringComparison.Ordinal);
        Assert.Equal("draft", (await client.GetFromJsonAsync<JsonElement>($"{Screening}/{id}")).GetProperty("status").GetString());

        var all = SapasItems.ToDictionary(i => i, i => partial.GetValueOrDefault(i, "N"));
        var done = await client.PostAsJsonAsync($"{Screening}/{id}/complete", new { answers = all, version = 2 });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var result = await done.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("completed", result.GetProperty("status").GetString());
        Assert.Equal("screenedIn", result.GetProperty("outcome").GetString());
        Assert.Equal(3, result.GetProperty("result").GetProperty("scores")[0].GetProperty("score").GetInt32());
        Assert.Equal(2, result.GetProperty("definitionVersion").GetInt32());
        Assert.True(await AuditedAsync("screening.complete", id));

        var again = await client.PutAsJsonAsync($"{Screening}/{id}", new { answers = all, version = VersionOf(result) });
        Assert.Contains("completed", (await ErrorsOf(again)).GetProperty("status")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompletedScreening_DownloadsAsAReadablePdf_WithResultAnswersAndLicence_AndIsAudited()
    {
        using var api = app.Api(StaffRole.Psychologist);
        var draft = await StartAsync(api, "sapas");
        var id = IdOf(draft);
        var answers = SapasItems.ToDictionary(i => i, i => i is "sapas-1" or "sapas-2" ? "Y" : "N");
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"{Screening}/{id}/complete", new { answers, version = VersionOf(draft) })).StatusCode);

        var pages = await app.PagesAsync(StaffRole.OffenderManager); // shared per role by the fixture: not ours to dispose
        var text = await PdfText.ReadAsync(pages, $"/cases/{InScopeId}/screening/{id}/pdf");
        Assert.Contains("SAPAS", text, StringComparison.Ordinal);
        Assert.Contains("Screened in", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Trusts other people", text, StringComparison.Ordinal);
        Assert.Contains("Moran", text, StringComparison.Ordinal);
        Assert.Contains("OFFICIAL-SENSITIVE", text, StringComparison.Ordinal);
        Assert.True(await AuditedAsync("screening.download", id));

        var outsider = await app.PagesAsync(StaffRole.ApprovedPremisesStaff);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/cases/{app.World.OutOfScope.Id}/screening/{app.World.OutOfScopeScreening.Id}/pdf")).StatusCode);
    }

    private static readonly Dictionary<string, bool> OpdGates = new() { ["gate-rosh"] = true, ["gate-offence"] = true, ["gate-custody"] = true };

    /// <summary>Answers to NEON's men's screen (the default): the first <paramref name="personality"/> of 11 items and <paramref name="indicators"/> of 4.</summary>
    private static Dictionary<string, string> NeonAnswers(int personality, int indicators, bool link, bool lifeOrIpp = false)
    {
        var answers = Enumerable.Range(1, 11).ToDictionary(i => $"p{i}", i => i <= personality ? "Y" : "N");
        foreach (var i in Enumerable.Range(1, 4)) answers[$"i{i}"] = i <= indicators ? "Y" : "N";
        answers["route-life-ipp"] = lifeOrIpp ? "Y" : "N";
        answers["link"] = link ? "Y" : "N";
        return answers;
    }

    [Fact]
    public async Task OpdMen_DefaultIsNeon_GatesComeFromTheCase_OverrideAndLinkNeedReasons()
    {
        using var client = app.Api(StaffRole.ClinicalLead);
        var draft = await StartAsync(client, "opd-screen-men");
        Assert.Equal(2, draft.GetProperty("definitionVersion").GetInt32());
        var gates = draft.GetProperty("gates");
        Assert.True(gates.GetProperty("gate-rosh").GetBoolean());
        Assert.True(gates.GetProperty("gate-custody").GetBoolean());
        Assert.False(gates.TryGetProperty("gate-offence", out _));

        var answers = NeonAnswers(6, 1, link: true);
        var noReason = await client.PostAsJsonAsync($"{Screening}/{IdOf(draft)}/complete", new { answers, gates = OpdGates, @override = true, version = VersionOf(draft) });
        var errors = await ErrorsOf(noReason);
        Assert.Equal("Give the reason for the clinical override", errors.GetProperty("overrideReason")[0].GetString());
        Assert.StartsWith("Give the reason for your answer to 'There is a clinically justifiable link", errors.GetProperty("reasons.link")[0].GetString(), StringComparison.Ordinal);

        var done = await client.PostAsJsonAsync($"{Screening}/{IdOf(draft)}/complete", new
        {
            answers, gates = OpdGates, @override = true, overrideReason = "Psychology report describes pervasive instability",
            reasons = new Dictionary<string, string> { ["link"] = "Instability drives the pattern of violence" }, version = VersionOf(draft),
        });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var json = await done.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("screenedIn", json.GetProperty("result").GetProperty("outcome").GetString());
        Assert.True(json.GetProperty("result").GetProperty("byOverride").GetBoolean());
        Assert.Equal("Instability drives the pattern of violence", json.GetProperty("reasons").GetProperty("link").GetString());
    }

    [Fact]
    public async Task OpdMen_Neon_LifeOrIppIsARouteIn_ButWithoutALinkTheResultIsNotScreenedIn()
    {
        using var client = app.Api(StaffRole.Psychologist);
        var draft = await StartAsync(client, "opd-screen-men");
        var done = await client.PostAsJsonAsync($"{Screening}/{IdOf(draft)}/complete", new
        {
            answers = NeonAnswers(0, 0, link: false, lifeOrIpp: true), gates = OpdGates,
            reasons = new Dictionary<string, string> { ["link"] = "Index offence was situational" }, version = VersionOf(draft),
        });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var json = await done.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("requirementNotMet", json.GetProperty("outcome").GetString());
        var reasons = json.GetProperty("result").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains("Serving a life sentence or an indeterminate sentence for public protection (IPP): Yes", reasons);
        Assert.Contains(reasons, r => r.StartsWith("Not screened in, although a way in is met: screening in also needs the answer Yes", StringComparison.Ordinal));

        var pages = await app.PagesAsync(StaffRole.OffenderManager);
        var page = WebUtility.HtmlDecode(await pages.GetStringAsync($"/cases/{InScopeId}/screening/{IdOf(draft)}"));
        Assert.Contains("data-testid=\"outcome\">Not screened in<", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Screened in<", page, StringComparison.Ordinal);
        Assert.Contains("Reason: Index offence was situational", page, StringComparison.Ordinal);
        Assert.Contains("NEON evaluation slides", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpdMen_LppVersion_IsSelectable_AndNeedsEightOrMore()
    {
        using var client = app.Api(StaffRole.Psychologist);
        var draft = await StartAsync(client, "opd-screen-men-lpp");
        var answers = Enumerable.Range(1, 10).ToDictionary(i => $"p{i}", i => i <= 7 ? "Y" : "N");
        foreach (var i in Enumerable.Range(1, 4)) answers[$"i{i}"] = "N";
        answers["link"] = "Y";
        var done = await client.PostAsJsonAsync($"{Screening}/{IdOf(draft)}/complete",
            new { answers, gates = OpdGates, reasons = new Dictionary<string, string> { ["link"] = "Linked" }, version = VersionOf(draft) });
        var json = await done.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("screenedOut", json.GetProperty("outcome").GetString());
        Assert.Contains("Personality 7 (needs 8)", json.GetProperty("result").GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hcr20_StoresRatingsAsEntered_AndNeverAScore()
    {
        using var client = app.Api(StaffRole.Psychologist);
        var draft = await StartAsync(client, "hcr-20-v3");
        var items = new[] { "H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8", "H9", "H10", "C1", "C2", "C3", "C4", "C5", "R1", "R2", "R3", "R4", "R5" };
        var answers = items.SelectMany(i => new[] { ($"{i}.presence", "Y"), ($"{i}.relevance", "H") }).ToDictionary(x => x.Item1, x => x.Item2);
        var done = await client.PostAsJsonAsync($"{Screening}/{IdOf(draft)}/complete", new { answers, version = VersionOf(draft) });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var json = await done.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ratingsRecorded", json.GetProperty("outcome").GetString());
        Assert.Equal(0, json.GetProperty("result").GetProperty("scores").GetArrayLength());
        Assert.Equal("H", json.GetProperty("answers").GetProperty("C2.relevance").GetString());
    }

    [Fact]
    public async Task StaleVersion_Is409_AndNothingIsSaved()
    {
        using var client = app.Api(StaffRole.Psychologist);
        var draft = await StartAsync(client, "sapas");
        var first = await client.PutAsJsonAsync($"{Screening}/{IdOf(draft)}", new { answers = new { sapas1 = "Y" }, version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode); // sapas1 is not a link id: nothing saved, not even a partial draft
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"{Screening}/{IdOf(draft)}", new { answers = new Dictionary<string, string> { ["sapas-1"] = "Y" }, version = 1 })).StatusCode);
        var stale = await client.PutAsJsonAsync($"{Screening}/{IdOf(draft)}", new { answers = new Dictionary<string, string> { ["sapas-1"] = "N" }, version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var current = (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current");
        Assert.Equal("Y", current.GetProperty("answers").GetProperty("sapas-1").GetString());
    }

    [Fact]
    public async Task OnlyApplicableInstruments_CanBeStarted()
    {
        using var client = app.Api(StaffRole.Psychologist);
        var res = await client.PostAsJsonAsync(Screening, new { instrumentKey = "opd-screen-women" });
        Assert.Contains("not an instrument that applies to this case", (await ErrorsOf(res)).GetProperty("instrumentKey")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OffenderManager_SeesResults_ButCannotRecord()
    {
        using var om = app.Api(StaffRole.OffenderManager);
        Assert.Equal(HttpStatusCode.OK, (await om.GetAsync(Screening)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await om.PostAsJsonAsync(Screening, new { instrumentKey = "sapas" })).StatusCode);
        var pages = await app.PagesAsync(StaffRole.OffenderManager);
        var html = await pages.GetStringAsync($"/cases/{InScopeId}/screening");
        Assert.DoesNotContain("Start a screening", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResponseOfAnotherCase_Is404_WithADeniedRow()
    {
        using var client = app.Api(StaffRole.Psychologist);
        var other = app.World.RestrictedScreening.Id;
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Screening}/{other}")).StatusCode);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.EntityId == other.ToString() && a.Outcome == AuditOutcome.Denied)));
    }

    [Fact]
    public async Task Pages_StartFillCompleteAndPrintableResult()
    {
        var pages = await app.PagesAsync(StaffRole.Psychologist);
        var start = await AppFixture.PostFormAsync(pages, $"/cases/{InScopeId}/screening/new", new() { ["InstrumentKey"] = "sapas" });
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var edit = start.Headers.Location!.OriginalString;
        Assert.EndsWith("/edit", edit, StringComparison.Ordinal);

        var form = new Dictionary<string, string> { ["Version"] = "1", ["action"] = "complete", ["a.sapas-1"] = "Y", ["a.sapas-2"] = "N" };
        var refused = await AppFixture.PostFormAsync(pages, edit, form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#a_sapas-3\"", html, StringComparison.Ordinal);
        Assert.Contains("Answer item sapas-3 &#x27;Trusts other people&#x27;", html, StringComparison.Ordinal);

        form["action"] = "save";
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(pages, edit, form)).StatusCode);
        var resumed = await pages.GetStringAsync(edit);
        Assert.Contains("value=\"Y\" checked", resumed, StringComparison.Ordinal);

        foreach (var i in SapasItems.Skip(2)) form[$"a.{i}"] = "N";
        form["action"] = "complete";
        form["Version"] = "2";
        var done = await AppFixture.PostFormAsync(pages, edit, form);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var result = await pages.GetStringAsync(done.Headers.Location!.OriginalString);
        Assert.Contains("Screened out", result, StringComparison.Ordinal);
        Assert.Contains("No threshold met: SAPAS total 2 (needs 3)", result, StringComparison.Ordinal);
        Assert.Contains("Moran P", result, StringComparison.Ordinal);
        Assert.Contains("app-printable", result, StringComparison.Ordinal);

        var ppu = await app.PagesAsync(StaffRole.PublicProtectionOfficer);
        Assert.Contains("Screened out", await ppu.GetStringAsync(done.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminUpload_RefusesNamingTheProblem_PublishesANewVersion_AndOldResponsesKeepTheirVersion()
    {
        var key = "local-check";
        string Definition(int version, int threshold) => $$"""
            { "key": "{{key}}", "version": {{version}}, "title": "Local check", "citation": "Invented", "licence": "None",
              "items": [ { "linkId": "q1", "text": "First", "subscales": ["total"], "options": [ { "code": "Y", "display": "Yes", "value": 1 }, { "code": "N", "display": "No", "value": 0 } ] },
                         { "linkId": "q2", "text": "Second", "subscales": ["total"], "options": [ { "code": "Y", "display": "Yes", "value": 1 }, { "code": "N", "display": "No", "value": 0 } ] } ],
              "subscales": [ { "key": "total", "title": "Total" } ],
              "screenedIn": { "anyOf": [ { "subscale": "total", "atLeast": {{threshold}} } ] } }
            """;
        using var admin = app.Api(StaffRole.Administrator);
        var bad = await admin.PostAsync("/api/v1/instruments", new StringContent(Definition(1, 1).Replace("\"q2\"", "\"q1\"", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));
        Assert.Contains("items: duplicate link id 'q1'", (await ErrorsOf(bad)).GetProperty("definition").EnumerateArray().Select(e => e.GetString()));
        var v1 = await admin.PostAsync("/api/v1/instruments", new StringContent(Definition(1, 1), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, v1.StatusCode);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "instrument.definition.publish" && a.EntityId == key + "/1")));

        using var psychologist = app.Api(StaffRole.Psychologist);
        var draft = await StartAsync(psychologist, key);

        var sameAgain = await admin.PostAsync("/api/v1/instruments", new StringContent(Definition(1, 2), System.Text.Encoding.UTF8, "application/json"));
        Assert.Contains("publish version 2", (await ErrorsOf(sameAgain)).GetProperty("definition")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/instruments", new StringContent(Definition(2, 2), System.Text.Encoding.UTF8, "application/json"))).StatusCode);

        // The draft started on version 1 is scored by version 1 (threshold 1), not the new one (threshold 2).
        var done = await psychologist.PostAsJsonAsync($"{Screening}/{IdOf(draft)}/complete",
            new { answers = new Dictionary<string, string> { ["q1"] = "Y", ["q2"] = "N" }, version = VersionOf(draft) });
        var json = await done.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, json.GetProperty("definitionVersion").GetInt32());
        Assert.Equal("screenedIn", json.GetProperty("outcome").GetString());
        Assert.Equal(2, (await StartAsync(psychologist, key)).GetProperty("definitionVersion").GetInt32());

        var got = await psychologist.GetFromJsonAsync<JsonElement>($"/api/v1/instruments/{key}/versions/1");
        Assert.Equal(1, got.GetProperty("screenedIn").GetProperty("anyOf")[0].GetProperty("atLeast").GetInt32());

        var pages = await app.PagesAsync(StaffRole.Administrator);
        var page = await AppFixture.PostFormAsync(pages, "/admin/instruments", new() { ["DefinitionJson"] = "{ \"key\": " });
        Assert.Contains("is not valid JSON for an instrument", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpdWomen_IsGuidanceOnly_ScoringRefusedWithAClearProblem_UntilTheClinicalLeadConfiguresAScoredVersion()
    {
        // One test, because configuring the screen switches scoring on for the whole fixture.
        var woman = await app.NewCaseAsync(app.World.InScope.TeamId);
        await app.Factory.WithDbAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == woman.Id);
            c.RoshLevel = Pathway.Domain.Cases.RoshLevel.High;
            c.ReferredToServiceOn = app.World.InScope.ReferredToServiceOn;
            await db.SaveChangesAsync();
        });
        using var client = app.Api(StaffRole.Psychologist);
        var res = await client.PostAsJsonAsync($"/api/v1/cases/{woman.Id}/screening", new { instrumentKey = "opd-screen-women" });
        var problem = await res.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var message = problem.GetProperty("errors").GetProperty("instrumentKey")[0].GetString()!;
        Assert.Contains("is guidance only in Pathway", message, StringComparison.Ordinal);
        Assert.Contains("until the clinical lead configures a scored version", message, StringComparison.Ordinal);
        Assert.Equal(0, await app.Factory.WithDbAsync(db => db.InstrumentResponses.CountAsync(r => r.CaseId == woman.Id)));

        var pages = await app.PagesAsync(StaffRole.Psychologist);
        var start = WebUtility.HtmlDecode(await pages.GetStringAsync($"/cases/{woman.Id}/screening/new"));
        Assert.DoesNotContain("value=\"opd-screen-women\"", start, StringComparison.Ordinal);
        Assert.Contains("Guidance only: not scored in Pathway", start, StringComparison.Ordinal);
        Assert.Contains("A violent, criminal damage, sexual or child-related offence.", start, StringComparison.Ordinal);
        var refused = await AppFixture.PostFormAsync(pages, $"/cases/{woman.Id}/screening/new", new() { ["InstrumentKey"] = "opd-screen-women" });
        Assert.Contains("is guidance only in Pathway", await AppFixture.TextAsync(refused), StringComparison.Ordinal);

        // A draft started on version 1 (the men's items copied) before it was withdrawn can never be completed.
        var oldDraft = await app.Factory.WithDbAsync(async db =>
        {
            var v1 = await db.InstrumentDefinitions.SingleAsync(d => d.Key == "opd-screen-women" && d.Version == 1);
            var r = new InstrumentResponse
            {
                CaseId = woman.Id, DefinitionId = v1.Id, InstrumentKey = v1.Key, DefinitionVersion = 1, Status = ResponseStatus.Draft,
                StartedById = app.World.Users[StaffRole.Psychologist].Id, StartedAt = DateTimeOffset.UtcNow,
            };
            db.InstrumentResponses.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        async Task<string> CompleteOldDraftAsync()
        {
            var answers = Enumerable.Range(1, 10).Select(i => $"p{i}").Concat(Enumerable.Range(1, 4).Select(i => $"i{i}")).ToDictionary(k => k, _ => "Y");
            var res = await client.PostAsJsonAsync($"/api/v1/cases/{woman.Id}/screening/{oldDraft}/complete",
                new { answers, gates = new Dictionary<string, bool> { ["gate-rosh"] = true, ["gate-mappa"] = true }, version = 1 });
            return (await ErrorsOf(res)).GetProperty("instrumentKey")[0].GetString()!;
        }
        Assert.StartsWith("Version 1 of OPD pathway screen (women) was withdrawn from scoring by version 2", await CompleteOldDraftAsync(), StringComparison.Ordinal);

        var lead = await app.PagesAsync(StaffRole.ClinicalLead);
        var form = await AppFixture.TextAsync(await lead.GetAsync("/instruments/womens-opd-screen"));
        Assert.Contains("Local configuration – version 2 in use: guidance only, not scored", form, StringComparison.Ordinal);
        Assert.Contains("Likely severe personality disorder.", form, StringComparison.Ordinal);
        var fields = new Dictionary<string, string> { ["BasedOnVersion"] = "2", ["PersonalityThreshold"] = "x", ["IndicatorsThreshold"] = "2" };
        for (var i = 0; i < 6; i++) { fields[$"Items[{i}].Text"] = $"Personality {i + 1}"; fields[$"Items[{i}].Part"] = "personality"; }
        for (var i = 0; i < 3; i++) { fields[$"Items[{6 + i}].Text"] = $"Indicator {i + 1}"; fields[$"Items[{6 + i}].Part"] = "indicators"; }
        fields["Items[8].Text"] = "Relationship with an abusive partner";
        var badThreshold = await AppFixture.PostFormAsync(lead, "/instruments/womens-opd-screen", fields);
        Assert.Contains("The personality threshold must be a whole number, like 7", await badThreshold.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        fields["PersonalityThreshold"] = "4";
        var saved = await AppFixture.PostFormAsync(lead, "/instruments/womens-opd-screen", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var api = app.Api(StaffRole.ClinicalLead);
        var v3 = await api.GetFromJsonAsync<JsonElement>("/api/v1/instruments/opd-screen-women/versions/3");
        Assert.False(v3.GetProperty("guidanceOnly").GetBoolean());
        var items = v3.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("linkId").GetString()).ToList();
        // New items never reuse an id version 1 gave another item (p1–p10, i1–i4), so old answers keep their meaning.
        Assert.Equal(["p11", "p12", "p13", "p14", "p15", "p16", "i5", "i6", "i7", "link"], items);
        Assert.Equal(4, v3.GetProperty("screenedIn").GetProperty("anyOf")[0].GetProperty("atLeast").GetInt32());
        Assert.Equal("link", v3.GetProperty("screenedIn").GetProperty("requires")[0].GetProperty("item").GetString());
        var v1 = await api.GetFromJsonAsync<JsonElement>("/api/v1/instruments/opd-screen-women/versions/1");
        Assert.Equal(7, v1.GetProperty("screenedIn").GetProperty("anyOf")[0].GetProperty("atLeast").GetInt32());

        var rules = await AppFixture.TextAsync(await lead.GetAsync("/manage/rules"));
        Assert.Contains("OPD screen (men) as the NEON evaluation slides describe it (default)", rules, StringComparison.Ordinal);
        Assert.Contains("OPD screen (men) as the London Pathway Project guide describes it (alternative)", rules, StringComparison.Ordinal);
        Assert.Contains("OPD screen (women): NEON's criteria as guidance, not scored", rules, StringComparison.Ordinal);

        // Now scored: the woman's screen starts on version 3 and asks the clinical-link question.
        var draft = await StartAsync(client, woman.Id, "opd-screen-women");
        Assert.Equal(3, draft.GetProperty("definitionVersion").GetInt32());
        Assert.Contains("withdrawn from scoring", await CompleteOldDraftAsync(), StringComparison.Ordinal);
    }
}

public sealed class ScreeningTestsSqlite(SqliteApp app) : ScreeningTests(app), IClassFixture<SqliteApp>;

public sealed class ScreeningTestsPostgres(PostgresApp app) : ScreeningTests(app), IClassFixture<PostgresApp>;
