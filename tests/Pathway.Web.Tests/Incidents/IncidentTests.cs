using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Incidents;

public abstract class IncidentTests(AppFixture app)
{
    private Guid CaseId => app.World.InScope.Id;

    private static Dictionary<string, string> Incident(string location) => new()
    {
        ["Date.Day"] = "3", ["Date.Month"] = "2", ["Date.Year"] = "2026", ["Time"] = "21:15", ["Location"] = location,
        ["Type"] = "SelfHarm", ["Severity"] = "Serious", ["Description"] = "Cut arm after a phone call.", ["Trigger"] = "Phone call",
        ["StaffResponse"] = "First aid; stayed with him.", ["WhoWasInformed"] = "Offender manager, on-call manager",
    };

    [Fact]
    public async Task ApStaff_RecordAnIncident_ItShowsOnTheTimelineAndInThePatterns()
    {
        var ap = await app.PagesAsync(StaffRole.ApprovedPremisesStaff);
        var res = await AppFixture.PostFormAsync(ap, $"/cases/{CaseId}/incidents/new", Incident("Room 12"));
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var timeline = await (await ap.GetAsync($"/cases/{CaseId}/timeline")).Content.ReadAsStringAsync();
        Assert.Contains("Incident: self-harm", timeline, StringComparison.Ordinal);
        var list = await (await ap.GetAsync($"/cases/{CaseId}/incidents")).Content.ReadAsStringAsync();
        Assert.Contains("Triggers that recur", list, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"app-chart\"", list, StringComparison.Ordinal);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "incident.create" && a.CaseId == CaseId)));
    }

    [Fact]
    public async Task RecordIncident_WithMissingFields_NamesEach_AndSavesNothing()
    {
        var om = await app.PagesAsync(StaffRole.OffenderManager);
        var before = await app.Factory.WithDbAsync(db => db.Incidents.CountAsync());
        var fields = Incident("");
        fields.Remove("Type");
        var res = await AppFixture.PostFormAsync(om, $"/cases/{CaseId}/incidents/new", fields);
        var html = await res.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("Enter where it happened", html, StringComparison.Ordinal);
        Assert.Contains("Choose the type of incident", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.Factory.WithDbAsync(db => db.Incidents.CountAsync()));
    }

    [Fact]
    public async Task ChainAnalysis_LinksAreAddedAndReorderedWithoutJavaScript_AndCompletionNamesWhatIsMissing()
    {
        var incidentId = app.World.Incidents[CaseId].Id;
        var path = $"/cases/{CaseId}/incidents/{incidentId}/chain-analysis";
        var psych = await app.PagesAsync(StaffRole.Psychologist);
        async Task<string> Version() => Regex.Match(await (await psych.GetAsync(path)).Content.ReadAsStringAsync(), "name=\"AnalysisVersion\" value=\"(\\d+)\"").Groups[1].Value;

        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(psych, path + "?handler=AddLink", new() { ["AnalysisVersion"] = await Version(), ["LinkKind"] = "Thought", ["LinkText"] = "They think I'm useless" }, path)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(psych, path + "?handler=AddLink", new() { ["AnalysisVersion"] = await Version(), ["LinkKind"] = "Emotion", ["LinkText"] = "Shame", ["LinkSkill"] = "opposite-action" }, path)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(psych, path + "?handler=Move&index=1&to=0", new() { ["AnalysisVersion"] = await Version() }, path)).StatusCode);
        var stale = await AppFixture.PostFormAsync(psych, path + "?handler=Remove&index=0", new() { ["AnalysisVersion"] = "1" }, path);
        Assert.Contains("Someone else changed this chain analysis", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var links = await app.Factory.WithDbAsync(db => db.ChainAnalyses.Where(a => a.IncidentId == incidentId).SelectMany(a => a.Links).OrderBy(l => l.Position).Select(l => l.Text).ToListAsync());
        Assert.Equal(["Shame", "They think I'm useless"], links);

        var complete = await AppFixture.PostFormAsync(psych, path + "?handler=Complete", new() { ["AnalysisVersion"] = await Version(), ["ProblemBehaviour"] = "Shouted" }, path);
        var html = await complete.Content.ReadAsStringAsync();
        Assert.Contains("Describe the prompting event", html, StringComparison.Ordinal);
        Assert.Contains("Choose the broad function", html, StringComparison.Ordinal);
    }
}

public sealed class IncidentTestsSqlite(SqliteApp app) : IncidentTests(app), IClassFixture<SqliteApp>;

public sealed class IncidentTestsPostgres(PostgresApp app) : IncidentTests(app), IClassFixture<PostgresApp>;
