using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Assessments;

/// <summary>OGRS3 (calculator and on the case), the assessment's lifecycle through the API and pages, versions, diff and PDFs.</summary>
public abstract class AssessmentTests(AppFixture app)
{
    private Guid CaseId => app.World.InScope.Id;
    private string Assessments => $"/api/v1/cases/{CaseId}/assessments";

    private static object WorkedExample(string category = "criminal-damage") => new
    {
        sex = "female", dateOfBirth = "1980-06-01", convictionDate = "2017-07-01", firstSanctionDate = "1994-07-01",
        previousSanctions = 5, offenceCategory = category, assessmentDate = "2023-07-01",
    };

    private Task<long> LastAuditAsync() => app.Factory.WithDbAsync(db => db.AuditEvents.MaxAsync(a => (long?)a.Sequence).ContinueWith(t => t.Result ?? 0));

    private static async Task<JsonElement> Json(HttpResponseMessage res) => await res.Content.ReadFromJsonAsync<JsonElement>();

    // ---------- OGRS3 ----------

    [Fact]
    public async Task Calculator_AnswersTheWorkedExample_AtFullPrecision_AndAuditsWithoutInputs()
    {
        var before = await LastAuditAsync();
        using var client = app.Api(StaffRole.OffenderManager);
        var res = await client.PostAsJsonAsync("/api/v1/calculators/ogrs3", WorkedExample());

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var json = await Json(res);
        Assert.Equal(0.1698, Math.Round(json.GetProperty("oneYear").GetDouble(), 4));
        Assert.Equal(0.2957, Math.Round(json.GetProperty("twoYear").GetDouble(), 4));
        Assert.True(json.GetProperty("oneYear").GetRawText().Length > 10, "full precision, not rounded");
        Assert.Equal("low", json.GetProperty("band").GetString());
        var row = await app.Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.Sequence > before && a.Action == "ogrs3.calculate"));
        Assert.Null(row.CaseId);
        Assert.Null(row.Reason);
    }

    [Fact]
    public async Task Calculator_RejectsImpossibleInputs_WithAMessagePerField()
    {
        using var client = app.Api(StaffRole.Psychologist);
        var res = await client.PostAsJsonAsync("/api/v1/calculators/ogrs3", new
        {
            sex = "other", dateOfBirth = "2000-01-01", convictionDate = "1999-01-01", firstSanctionDate = "2005-01-01",
            previousSanctions = -1, offenceCategory = "arson", assessmentDate = "2024-01-01",
        });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var errors = (await Json(res)).GetProperty("errors");
        foreach (var field in new[] { "sex", "convictionDate", "firstSanctionDate", "previousSanctions", "offenceCategory" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");

        var later = await client.PostAsJsonAsync("/api/v1/calculators/ogrs3", new
        {
            sex = "male", dateOfBirth = "1990-01-01", convictionDate = "2020-01-01", firstSanctionDate = "2021-01-01",
            previousSanctions = 1, offenceCategory = "violence", assessmentDate = "2024-01-01",
        });
        Assert.Contains("after the current conviction", (await Json(later)).GetProperty("errors").GetProperty("firstSanctionDate")[0].GetString());
    }

    [Fact]
    public async Task Calculator_IsRefusedToRolesWithoutCaseData()
    {
        using var client = app.Api(StaffRole.Administrator);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/calculators/ogrs3", WorkedExample())).StatusCode);
    }

    [Fact]
    public async Task Ogrs3OnACase_IsStoredWithItsInputs_AndListed()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var res = await client.PostAsJsonAsync($"/api/v1/cases/{CaseId}/ogrs3", WorkedExample("burglary-domestic"));
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        var created = await Json(res);
        Assert.Equal("burglary-domestic", created.GetProperty("offenceCategory").GetString());
        Assert.Equal(5, created.GetProperty("previousSanctions").GetInt32());
        Assert.Equal("1994-07-01", created.GetProperty("firstSanctionDate").GetString());
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{CaseId}/ogrs3");
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("id").GetGuid() == created.GetProperty("id").GetGuid());
    }

    // ---------- Assessment lifecycle ----------

    private async Task<JsonElement> CreateDraftAsync(HttpClient client)
    {
        var res = await client.PostAsJsonAsync(Assessments, new { assessmentDate = "2026-10-01" });
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        return await Json(res);
    }

    private async Task<JsonElement> PutAsync(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var res = await client.PutAsJsonAsync(url, body);
        Assert.True(expected == res.StatusCode, $"{url}: {res.StatusCode} {await res.Content.ReadAsStringAsync()} {(res.StatusCode == HttpStatusCode.InternalServerError ? string.Join("\n", app.Factory.Logs.Messages.Where(m => m.Contains("Exception", StringComparison.Ordinal)).Take(1)) : "")}");
        return await Json(res);
    }

    /// <summary>Fills every section that submission needs, plus needs and withheld information; returns the last version number.</summary>
    private async Task<int> FillAsync(HttpClient client, Guid id, int version, string narrative = "Early loss; anger when rejected.")
    {
        var url = $"{Assessments}/{id}/sections";
        string[][] sections =
        [
            ["sources", "sources.interviews", "Two interviews in October."],
            ["history", "history.development", "Grew up in care from age 9."],
            ["offending", "offending.history", "Violence since 16."],
            ["health", "health.self-harm", "Cutting at times of rejection."],
            ["presentation", "presentation.emotions", "Intense anger, quickly."],
            ["risk", "risk.protective", "Sister; work at the allotment."],
            ["formulation", "formulation.narrative", narrative],
            ["recommendations", "recommendations.alternatives", "Increased reporting before recall."],
        ];
        foreach (var s in sections)
            version = (await PutAsync(client, $"{url}/{s[0]}", new { version, fields = new Dictionary<string, string> { [s[1]] = s[2] } })).GetProperty("version").GetInt32();
        version = (await PutAsync(client, $"{url}/needs", new
        {
            version, needs = new[] { new { area = "accommodation", priority = "high", detail = (string?)"Hostel place ends in March" }, new { area = "substanceUse", priority = "low", detail = (string?)null } },
        })).GetProperty("version").GetInt32();
        return (await PutAsync(client, $"{url}/withheld", new { version, withheld = "SECRET-VICTIM-ADDRESS 12 Elm Road" })).GetProperty("version").GetInt32();
    }

    [Fact]
    public async Task Lifecycle_DraftSubmittedCountersignedLocked_ThenAChangeStartsVersionTwo_WithADiff()
    {
        using var psych = app.Api(StaffRole.Psychologist);
        using var lead = app.Api(StaffRole.ClinicalLead);
        var draft = await CreateDraftAsync(psych);
        var id = draft.GetProperty("id").GetGuid();
        var version = draft.GetProperty("version").GetInt32();

        // Not complete yet: submitting is refused with the missing sections.
        var early = await psych.PostAsJsonAsync($"{Assessments}/{id}/submit", new { version });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Formulation", await early.Content.ReadAsStringAsync());

        version = await FillAsync(psych, id, version);
        // Someone else's draft cannot be changed, even by the clinical lead.
        var notAuthor = await lead.PutAsJsonAsync($"{Assessments}/{id}/sections/sources", new { version, fields = new { } });
        Assert.Equal(HttpStatusCode.Conflict, notAuthor.StatusCode);
        // A stale version is a 409 and saves nothing.
        var stale = await psych.PutAsJsonAsync($"{Assessments}/{id}/sections/sources", new { version = version - 1, fields = new Dictionary<string, string> { ["sources.records"] = "stale" } });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("older version", await stale.Content.ReadAsStringAsync());

        var submitted = await Json(await psych.PostAsJsonAsync($"{Assessments}/{id}/submit", new { version }));
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        version = submitted.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await psych.PutAsJsonAsync($"{Assessments}/{id}/sections/sources", new { version, fields = new { } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await psych.PostAsJsonAsync($"{Assessments}/{id}/countersign", new { version })).StatusCode);

        var before = await LastAuditAsync();
        var locked = await Json(await lead.PostAsJsonAsync($"{Assessments}/{id}/countersign", new { version }));
        Assert.Equal("locked", locked.GetProperty("status").GetString());
        Assert.Equal(app.World.Users[StaffRole.ClinicalLead].Id, locked.GetProperty("countersignedById").GetGuid());
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Sequence > before && a.Action == "assessment.countersign" && a.EntityId == id.ToString())));
        version = locked.GetProperty("version").GetInt32();

        // A change to the locked version starts version 2 as a draft; version 1 is unchanged and still readable.
        var v2 = await PutAsync(psych, $"{Assessments}/{id}/sections/formulation",
            new { version, fields = new Dictionary<string, string> { ["formulation.narrative"] = "Early loss; anger when rejected or shamed." } }, HttpStatusCode.Created);
        Assert.Equal(2, v2.GetProperty("versionNumber").GetInt32());
        Assert.Equal("draft", v2.GetProperty("status").GetString());
        Assert.Equal(id, v2.GetProperty("seriesId").GetGuid());
        Assert.Equal("Sister; work at the allotment.", v2.GetProperty("fields").GetProperty("risk.protective").GetString());
        Assert.Equal(2, v2.GetProperty("needs").GetArrayLength());
        var v1 = await psych.GetFromJsonAsync<JsonElement>($"{Assessments}/{id}");
        Assert.Equal("locked", v1.GetProperty("status").GetString());
        Assert.Equal("Early loss; anger when rejected.", v1.GetProperty("fields").GetProperty("formulation.narrative").GetString());
        // The locked version cannot start a second new version.
        Assert.Equal(HttpStatusCode.Conflict, (await psych.PutAsJsonAsync($"{Assessments}/{id}/sections/sources", new { version, fields = new { } })).StatusCode);

        var v2Id = v2.GetProperty("id").GetGuid();
        var versions = await psych.GetFromJsonAsync<JsonElement>($"{Assessments}/{v2Id}/versions");
        Assert.Equal(2, versions.GetArrayLength());
        var diff = await psych.GetFromJsonAsync<JsonElement>($"{Assessments}/{v2Id}/diff");
        var change = Assert.Single(diff.GetProperty("changes").EnumerateArray());
        Assert.Equal("formulation.narrative", change.GetProperty("field").GetString());
        Assert.Equal("changed", change.GetProperty("kind").GetString());
        Assert.Contains(change.GetProperty("segments").EnumerateArray(), s => s.GetProperty("op").GetString() == "added" && s.GetProperty("text").GetString()!.Contains("or shamed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClinicalLead_CannotCountersignTheirOwnAssessment()
    {
        using var lead = app.Api(StaffRole.ClinicalLead);
        var draft = await CreateDraftAsync(lead);
        var id = draft.GetProperty("id").GetGuid();
        var version = await FillAsync(lead, id, draft.GetProperty("version").GetInt32());
        version = (await Json(await lead.PostAsJsonAsync($"{Assessments}/{id}/submit", new { version }))).GetProperty("version").GetInt32();
        var res = await lead.PostAsJsonAsync($"{Assessments}/{id}/countersign", new { version });
        Assert.Equal(HttpStatusCode.Conflict, res.StatusCode);
        Assert.Contains("you wrote", await res.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Withheld_IsShownToProbationStaff_NotToOtherRoles_AndNeverInTheShareablePdf()
    {
        using var psych = app.Api(StaffRole.Psychologist);
        var draft = await CreateDraftAsync(psych);
        var id = draft.GetProperty("id").GetGuid();
        await FillAsync(psych, id, draft.GetProperty("version").GetInt32());

        using var om = app.Api(StaffRole.OffenderManager);
        using var ppu = app.Api(StaffRole.PublicProtectionOfficer);
        Assert.Contains("SECRET-VICTIM-ADDRESS", (await om.GetFromJsonAsync<JsonElement>($"{Assessments}/{id}")).GetProperty("withheld").GetString());
        var forPolice = await ppu.GetFromJsonAsync<JsonElement>($"{Assessments}/{id}");
        Assert.False(forPolice.GetProperty("withheldVisible").GetBoolean());
        Assert.Equal(JsonValueKind.Null, forPolice.GetProperty("withheld").ValueKind);

        var full = await PdfTextAsync(om, $"{Assessments}/{id}/pdf");
        Assert.Contains("Specialist psychological assessment", full);
        Assert.Contains("OFFICIAL-SENSITIVE", full);
        Assert.Contains("Page 1 of", full);
        Assert.Contains("Grew up in care from age 9.", full);
        Assert.Contains("Hostel place ends in March", full);
        Assert.Contains("SECRET-VICTIM-ADDRESS", full);
        var shareable = await PdfTextAsync(om, $"{Assessments}/{id}/pdf?copy=shareable");
        Assert.Contains("Grew up in care from age 9.", shareable);
        Assert.DoesNotContain("SECRET-VICTIM-ADDRESS", shareable);
        Assert.DoesNotContain("not to be disclosed to the person\n", shareable);
        Assert.DoesNotContain("SECRET-VICTIM-ADDRESS", await PdfTextAsync(ppu, $"{Assessments}/{id}/pdf"));
    }

    private Task<string> PdfTextAsync(HttpClient client, string url) =>
        PdfText.ReadAsync(client, url, () => string.Join("\n", app.Factory.Logs.Messages.Where(m => m.Contains("Exception", StringComparison.Ordinal)).Take(1)));

    [Fact]
    public async Task Section_RejectsUnknownFieldsAndBadRatings_AndSavesNothing()
    {
        using var psych = app.Api(StaffRole.Psychologist);
        var draft = await CreateDraftAsync(psych);
        var id = draft.GetProperty("id").GetGuid();
        var version = draft.GetProperty("version").GetInt32();
        var res = await psych.PutAsJsonAsync($"{Assessments}/{id}/sections/risk", new
        {
            version,
            fields = new Dictionary<string, string> { ["risk.protective"] = "ok", ["risk.scenario.repeat.severity"] = "enormous", ["formulation.narrative"] = "wrong section" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var body = await res.Content.ReadAsStringAsync();
        Assert.Contains("must be one of: low, medium, high", body);
        Assert.Contains("is not a field of the risk assessment section", body);
        var after = await psych.GetFromJsonAsync<JsonElement>($"{Assessments}/{id}");
        Assert.Equal(version, after.GetProperty("version").GetInt32());
        Assert.Empty(after.GetProperty("fields").EnumerateObject());
    }

    [Fact]
    public async Task AnAssessmentOnAnotherCase_Is404_WithADeniedAuditRow()
    {
        using var psych = app.Api(StaffRole.Psychologist);
        var id = (await CreateDraftAsync(psych)).GetProperty("id").GetGuid();
        var before = await LastAuditAsync();
        var res = await psych.GetAsync($"/api/v1/cases/{app.World.Restricted.Id}/assessments/{id}");
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
        using var om = app.Api(StaffRole.OffenderManager);
        Assert.Equal(HttpStatusCode.NotFound, (await om.GetAsync($"/api/v1/cases/{app.World.Restricted.Id}/assessments/{id}")).StatusCode);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Sequence > before && a.Outcome == AuditOutcome.Denied && a.EntityId == id.ToString())));
    }
}

public sealed class AssessmentTestsSqlite(SqliteApp app) : AssessmentTests(app), IClassFixture<SqliteApp>;

public sealed class AssessmentTestsPostgres(PostgresApp app) : AssessmentTests(app), IClassFixture<PostgresApp>;
