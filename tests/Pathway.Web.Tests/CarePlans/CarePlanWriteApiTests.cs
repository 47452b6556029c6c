using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.CarePlans;

/// <summary>The write API for incidents, chain analyses, goals and actions: the same commands as the pages.</summary>
public abstract class CarePlanWriteApiTests(AppFixture app)
{
    private Guid CaseId => app.World.InScope.Id;
    private string Incidents => $"/api/v1/cases/{CaseId}/incidents";
    private static string Yesterday => DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");
    private static string InMonths(int months) => DateTime.UtcNow.AddMonths(months).ToString("yyyy-MM-dd");

    [Fact]
    public async Task RecordIncident_ByApi_ReadsBackAtLocation_NamesEachBadField_SavesNothing_AndRefusesOtherRoles()
    {
        using var ap = app.Api(StaffRole.ApprovedPremisesStaff);
        var before = await app.Factory.WithDbAsync(db => db.Incidents.CountAsync());
        var bad = await ap.PostAsJsonAsync(Incidents, new { date = "2026-13-40", time = "25:99", type = "fight", severity = "serious", location = "", description = "Shouted" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("is not a date", errors.GetProperty("date")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Enter the time as hours and minutes", errors.GetProperty("time")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("selfHarm", errors.GetProperty("type")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Enter where it happened", errors.GetProperty("location")[0].GetString());
        Assert.Equal("Enter what staff did", errors.GetProperty("staffResponse")[0].GetString());
        Assert.Equal(before, await app.Factory.WithDbAsync(db => db.Incidents.CountAsync()));

        var created = await ap.PostAsJsonAsync(Incidents, new
        {
            date = Yesterday, time = "21:15", location = "Lounge", type = "threats", severity = "moderate", description = "Threatened a resident.",
            trigger = "Refused a pass", staffResponse = "Separated them.", whoWasInformed = "Offender manager",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var read = await ap.GetFromJsonAsync<JsonElement>(created.Headers.Location!);
        Assert.Equal(id, read.GetProperty("id").GetGuid());
        Assert.Equal("threats", read.GetProperty("type").GetString());
        Assert.Equal("Refused a pass", read.GetProperty("trigger").GetString());
        var userId = app.World.Users[StaffRole.ApprovedPremisesStaff].Id;
        var actions = await app.Factory.WithDbAsync(db => db.AuditEvents.Where(a => a.UserId == userId && a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains("incident.create", actions);
        Assert.Contains("incident.read", actions);

        // Public protection officers see the summary but do not record incidents; AP staff do not write chain analyses.
        using var ppu = app.Api(StaffRole.PublicProtectionOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await ppu.PostAsJsonAsync(Incidents, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ap.PostAsJsonAsync($"{Incidents}/{id}/chain-analysis", new { problemBehaviour = "x" })).StatusCode);
    }

    [Fact]
    public async Task ChainAnalysis_ByApi_KeepsLinksInOrder_RefusesStaleAndBadInput_AndCompletesOnlyWithEveryStep()
    {
        using var psych = app.Api(StaffRole.Psychologist);
        var incident = await psych.PostAsJsonAsync(Incidents, new
        {
            date = Yesterday, location = "Room 4", type = "selfHarm", severity = "serious", description = "Cut arm.", staffResponse = "First aid.", whoWasInformed = "Duty manager",
        });
        var incidentId = (await incident.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var path = $"{Incidents}/{incidentId}/chain-analysis";
        Assert.Equal(HttpStatusCode.NotFound, (await psych.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await psych.PostAsJsonAsync(path, new { promptingEvent = "Letter" })).StatusCode);

        var started = await psych.PostAsJsonAsync(path, new
        {
            problemBehaviour = "Cut forearm with a razor, about ten minutes",
            links = new object[]
            {
                new { kind = "thought", text = "They will throw me out" },
                new { kind = "emotion", text = "Shame", skill = "opposite-action" },
                new { kind = "urge", text = "To cut", skill = "tip" },
            },
        });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await psych.PostAsJsonAsync(path, new { problemBehaviour = "Again" })).StatusCode);
        var analysis = await psych.GetFromJsonAsync<JsonElement>(started.Headers.Location!);
        Assert.Equal(["They will throw me out", "Shame", "To cut"], Texts(analysis));
        Assert.Equal("Emotion regulation – Opposite action", analysis.GetProperty("links")[1].GetProperty("skillName").GetString());
        var analysisId = analysis.GetProperty("id").GetGuid();
        var userId = app.World.Users[StaffRole.Psychologist].Id;
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == userId && a.Action == "chainanalysis.read" && a.EntityId == incidentId.ToString())));
        var v1 = analysis.GetProperty("version").GetInt32();

        // Reorder and drop a link by sending the chain in its new order.
        var saved = await psych.PutAsJsonAsync(path, new
        {
            problemBehaviour = "Cut forearm with a razor, about ten minutes", promptingEvent = "Letter refusing a move",
            links = new object[] { new { kind = "urge", text = "To cut", skill = "tip" }, new { kind = "thought", text = "They will throw me out" } },
            version = v1,
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var v2 = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        Assert.Equal(["To cut", "They will throw me out"],
            await app.Factory.WithDbAsync(db => db.ChainAnalysisLinks.Where(l => l.AnalysisId == analysisId).OrderBy(l => l.Position).Select(l => l.Text).ToListAsync()));

        var stale = await psych.PutAsJsonAsync(path, new { problemBehaviour = "Overwritten", version = v1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(v2, (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currentVersion").GetInt32());

        var invalid = await psych.PutAsJsonAsync(path, new
        {
            problemBehaviour = "Overwritten", links = new object[] { new { kind = "feeling", text = "Sad" }, new { kind = "action", text = " " }, new { kind = "urge", text = "Run", skill = "nope" } },
            version = v2,
        });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("bodySensation", errors.GetProperty("links[0].Kind")[0].GetString(), StringComparison.Ordinal);
        var afterBad = await psych.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal(v2, afterBad.GetProperty("version").GetInt32());
        Assert.NotEqual("Overwritten", afterBad.GetProperty("problemBehaviour").GetString());

        var early = await psych.PostAsJsonAsync($"{path}/complete", new { version = v2 });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        var missing = (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(missing.TryGetProperty("vulnerabilityFactors", out _));
        Assert.Contains("broad function", missing.GetProperty("functionCategory")[0].GetString(), StringComparison.Ordinal);

        var full = await psych.PutAsJsonAsync(path, new
        {
            problemBehaviour = "Cut forearm with a razor, about ten minutes", vulnerabilityFactors = "Two nights without sleep", promptingEvent = "Letter refusing a move",
            shortTermConsequences = "Relief", longTermConsequences = "Scars; staff worried", function = "Relief from shame", functionCategory = "reliefFromDistress",
            preventionAndRepair = "Call keyworker; TIP skills",
            version = v2,
        });
        var v3 = (await full.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        var completed = await psych.PostAsJsonAsync($"{path}/complete", new { version = v3 });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var done = await completed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(JsonValueKind.Null, done.GetProperty("completedAt").ValueKind);
        Assert.Equal(["To cut", "They will throw me out"], Texts(done));
        Assert.Equal(HttpStatusCode.BadRequest, (await psych.PutAsJsonAsync(path, new { problemBehaviour = "Later", version = done.GetProperty("version").GetInt32() })).StatusCode);
        Assert.Equal("reliefFromDistress", (await psych.GetFromJsonAsync<JsonElement>($"{Incidents}/{incidentId}")).GetProperty("chainAnalysis").GetProperty("functionCategory").GetString());
        var audited = await app.Factory.WithDbAsync(db => db.AuditEvents.Where(a => a.UserId == userId && a.EntityId == analysisId.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains("chainanalysis.create", audited);
        Assert.Contains("chainanalysis.update", audited);
        Assert.Contains("chainanalysis.complete", audited);
    }

    [Fact]
    public async Task GoalsAndActions_ByApi_OnADraft_ReadBack_ChangeStatus_AndRefuseStaleVersions()
    {
        using var psych = app.Api(StaffRole.Psychologist);
        var active = app.World.Plans[CaseId].Id;
        var plans = $"/api/v1/cases/{CaseId}/care-plans";
        var goal = new { area = "relationships", inOwnWords = "Keep my temper with staff", smart = "No shouting at staff for 8 weeks", targetDate = InMonths(3) };

        var onActive = await psych.PostAsJsonAsync($"{plans}/{active}/goals", new { goal.area, goal.inOwnWords, goal.smart, goal.targetDate, version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, onActive.StatusCode);

        var draft = await (await psych.PostAsJsonAsync(plans, new { reason = "Change after incidents" })).Content.ReadFromJsonAsync<JsonElement>();
        var planId = draft.GetProperty("id").GetGuid();
        var planVersion = draft.GetProperty("version").GetInt32();
        var goals = $"{plans}/{planId}/goals";

        var bad = await psych.PostAsJsonAsync(goals, new { area = "hobbies", inOwnWords = "", targetDate = "soon" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("version", out _));
        Assert.Contains("emotionalRegulation", errors.GetProperty("area")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd", errors.GetProperty("targetDate")[0].GetString(), StringComparison.Ordinal);

        var added = await psych.PostAsJsonAsync(goals, new { goal.area, goal.inOwnWords, goal.smart, goal.targetDate, version = planVersion });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var read = await psych.GetFromJsonAsync<JsonElement>(added.Headers.Location!);
        var goalId = read.GetProperty("id").GetGuid();
        Assert.Equal("Keep my temper with staff", read.GetProperty("inOwnWords").GetString());
        var userId = app.World.Users[StaffRole.Psychologist].Id;
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == userId && a.Action == "careplan.read" && a.EntityId == goalId.ToString())));

        // The goal moved the plan's version on: an addition sent with the version read before it is refused.
        var staleAdd = await psych.PostAsJsonAsync(goals, new { goal.area, inOwnWords = "Another", goal.smart, goal.targetDate, version = planVersion });
        Assert.Equal(HttpStatusCode.Conflict, staleAdd.StatusCode);

        var goalVersion = read.GetProperty("version").GetInt32();
        var changed = await psych.PutAsJsonAsync($"{goals}/{goalId}", new { goal.area, goal.inOwnWords, smart = "No shouting at staff for 6 weeks", goal.targetDate, version = goalVersion });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await psych.PutAsJsonAsync($"{goals}/{goalId}", new { goal.area, goal.inOwnWords, goal.smart, goal.targetDate, version = goalVersion })).StatusCode);
        var changedVersion = (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        var noNote = await psych.PostAsJsonAsync($"{goals}/{goalId}/status", new { status = "removed", version = changedVersion });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        var status = await psych.PostAsJsonAsync($"{goals}/{goalId}/status", new { status = "achieved", note = "Eight calm weeks", version = changedVersion });
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var history = (await status.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("history");
        Assert.Equal(["active", "achieved"], history.EnumerateArray().Select(h => h.GetProperty("to").GetString()!).ToArray());

        var planNow = (await psych.GetFromJsonAsync<JsonElement>($"{plans}/{planId}")).GetProperty("version").GetInt32();
        var actions = $"{plans}/{planId}/actions";
        var action = await psych.PostAsJsonAsync(actions, new { what = "Weekly session", who = "PD service", when = "Tuesdays", status = "notStarted", version = planNow });
        Assert.Equal(HttpStatusCode.Created, action.StatusCode);
        var actionRead = await psych.GetFromJsonAsync<JsonElement>(action.Headers.Location!);
        var actionVersion = actionRead.GetProperty("version").GetInt32();
        var actionPath = action.Headers.Location!.ToString();
        var moved = await psych.PutAsJsonAsync(actionPath, new { what = "Weekly session", who = "PD service", when = "Tuesdays", status = "inProgress", version = actionVersion });
        Assert.Equal("inProgress", (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var staleAction = await psych.PutAsJsonAsync(actionPath, new { what = "Overwrite", who = "PD service", when = "Tuesdays", status = "done", version = actionVersion });
        Assert.Equal(HttpStatusCode.Conflict, staleAction.StatusCode);
        Assert.Equal("Weekly session", (await staleAction.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current").GetProperty("what").GetString());

        using var ap = app.Api(StaffRole.ApprovedPremisesStaff);
        Assert.Equal(HttpStatusCode.Forbidden, (await ap.GetAsync(added.Headers.Location!)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ap.PostAsJsonAsync(actions, new { })).StatusCode);

        using var anonymous = app.Anonymous();
        var openApi = await anonymous.GetStringAsync("/openapi/v1.json");
        foreach (var documented in new[]
        {
            "/api/v1/cases/{id}/care-plans/{planId}/goals/{goalId}/status", "/api/v1/cases/{id}/care-plans/{planId}/actions/{planActionId}",
            "/api/v1/cases/{id}/incidents/{incidentId}/chain-analysis/complete", "GoalWriteRequest", "ChainLinkRequest",
        })
            Assert.Contains(documented, openApi, StringComparison.Ordinal);
    }

    private static string[] Texts(JsonElement analysis) =>
        analysis.GetProperty("links").EnumerateArray().OrderBy(l => l.GetProperty("position").GetInt32()).Select(l => l.GetProperty("text").GetString()!).ToArray();
}

public sealed class CarePlanWriteApiTestsSqlite(SqliteApp app) : CarePlanWriteApiTests(app), IClassFixture<SqliteApp>;

public sealed class CarePlanWriteApiTestsPostgres(PostgresApp app) : CarePlanWriteApiTests(app), IClassFixture<PostgresApp>;
