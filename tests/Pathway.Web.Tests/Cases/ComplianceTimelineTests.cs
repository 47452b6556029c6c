using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Cases.Timeline;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Cases;

public abstract partial class ComplianceTimelineTests(AppFixture app)
{
    private static string Iso(int daysAgo) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-daysAgo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheTimeline_ShowsEveryKind_NewestFirst_AndFiltersByKindWithoutJavaScript()
    {
        var id = app.World.InScope.Id; // has a contact, warning, breach, concern, incident, consultation and recall decision
        using var om = app.Api(StaffRole.OffenderManager);
        Assert.Equal(HttpStatusCode.Created, (await om.PostAsJsonAsync($"/api/v1/cases/{id}/concerns", new { date = Iso(0), type = "threats", description = "Timeline test: shouted at the keyworker" })).StatusCode);

        var pages = await app.PagesAsync(StaffRole.OffenderManager);
        Assert.Contains($"/cases/{id}/compliance/timeline", await (await pages.GetAsync($"/cases/{id}/compliance")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var html = await (await pages.GetAsync($"/cases/{id}/compliance/timeline")).Content.ReadAsStringAsync();
        var kinds = KindPattern().Matches(html).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Superset(new HashSet<string> { "contact", "warning", "breach", "concern", "incident", "consultation", "recall" }, kinds);
        // The world's decided no-recall consideration shows as a decision with the oversight rationale and links to the record.
        Assert.Contains("Recall decision: no recall", html, StringComparison.Ordinal);
        Assert.Contains($"/cases/{id}/recall/{app.World.RecordIds["considerationId"].InScope}", html, StringComparison.Ordinal);
        var dates = DatePattern().Matches(html).Select(m => DateOnly.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.Contains("Timeline test: shouted at the keyworker", html, StringComparison.Ordinal);

        var filtered = await (await pages.GetAsync($"/cases/{id}/compliance/timeline?kind=concern&kind=incident&kind=nonsense")).Content.ReadAsStringAsync();
        Assert.Equal(["concern", "incident"], KindPattern().Matches(filtered).Select(m => m.Groups[1].Value).Distinct().Order());
        Assert.Contains("value=\"concern\" checked", filtered, StringComparison.Ordinal);

        var api = await om.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/compliance/timeline?kind=concern");
        Assert.All(api.EnumerateArray(), e => Assert.Equal("concern", e.GetProperty("kind").GetString()));
        Assert.Contains(api.EnumerateArray(), e => e.GetProperty("detail").GetString() == "Timeline test: shouted at the keyworker");
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "compliance.timeline.read" && a.CaseId == id && a.EntityType == "ComplianceTimeline")));
    }

    [Fact]
    public async Task TheCaseTimeline_IsFedByEveryArea_TheComplianceTimelineIsItsComplianceKinds_AndTheApiAgrees()
    {
        var id = app.World.InScope.Id; // referred, on licence, with a countersigned care plan and the compliance records above
        var pages = await app.PagesAsync(StaffRole.Psychologist);
        var html = await (await pages.GetAsync($"/cases/{id}/timeline")).Content.ReadAsStringAsync();
        var kinds = KindPattern().Matches(html).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Superset(new HashSet<string> { "referral", "licence", "contact", "warning", "breach", "incident", "consultation", "recall", "care-plan" }, kinds);
        Assert.Contains("Released on licence", html, StringComparison.Ordinal);
        Assert.Contains("Referred to the personality disorder service", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/cases/{id}/care-plans/{app.World.Plans[id].Id}\"", html, StringComparison.Ordinal);
        var dates = DatePattern().Matches(html).Select(m => DateOnly.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.All(dates, d => Assert.True(d <= DateOnly.FromDateTime(DateTime.UtcNow), $"{d} is in the future: a licence expiry still to come is not history"));

        var compliance = await (await pages.GetAsync($"/cases/{id}/compliance/timeline")).Content.ReadAsStringAsync();
        var complianceKinds = KindPattern().Matches(compliance).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Subset(kinds, complianceKinds);
        Assert.DoesNotContain("licence", complianceKinds);

        var filtered = await (await pages.GetAsync($"/cases/{id}/timeline?kind=licence")).Content.ReadAsStringAsync();
        Assert.Equal(["licence"], KindPattern().Matches(filtered).Select(m => m.Groups[1].Value).Distinct());

        using var api = app.Api(StaffRole.Psychologist);
        var whole = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/timeline");
        Assert.Equal(kinds, whole.EnumerateArray().Select(e => e.GetProperty("kind").GetString()!).ToHashSet());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/cases/{app.World.OutOfScope.Id}/timeline")).StatusCode);
        // Partner agencies read the case but not incidents or care plans: neither kind is on their timeline.
        Assert.DoesNotContain("care-plan", CaseTimeline.KindsFor(new HashSet<StaffRole> { StaffRole.PartnerAgency }).Select(k => k.Key));
    }

    [Fact]
    public async Task OutOfScope_Is404_AndIncidentsAreLeftOutForRolesThatDoNotSeeThem()
    {
        using var om = app.Api(StaffRole.OffenderManager);
        Assert.Equal(HttpStatusCode.NotFound, (await om.GetAsync($"/api/v1/cases/{app.World.OutOfScope.Id}/compliance/timeline")).StatusCode);
        Assert.DoesNotContain("incident", CaseTimeline.KindsFor(new HashSet<StaffRole> { StaffRole.PartnerAgency }, TimelineScope.Compliance).Select(k => k.Key));
        Assert.Contains("incident", CaseTimeline.KindsFor(new HashSet<StaffRole> { StaffRole.ApprovedPremisesStaff }, TimelineScope.Compliance).Select(k => k.Key));
    }

    [GeneratedRegex("data-kind=\"([a-z-]+)\"")]
    private static partial Regex KindPattern();

    [GeneratedRegex("<time datetime=\"(\\d{4}-\\d{2}-\\d{2})\"")]
    private static partial Regex DatePattern();
}

public sealed class ComplianceTimelineTestsSqlite(SqliteApp app) : ComplianceTimelineTests(app), IClassFixture<SqliteApp>;

public sealed class ComplianceTimelineTestsPostgres(PostgresApp app) : ComplianceTimelineTests(app), IClassFixture<PostgresApp>;
