using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Compliance;

/// <summary>The compliance API as a client uses it: every Location it answers can be read back, and the routes are documented.</summary>
public abstract class ComplianceApiTests(AppFixture app)
{
    private static string Iso(int daysAgo) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-daysAgo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task EveryCreatedRecord_CanBeReadBackFromItsLocation_WithAReadAuditRow()
    {
        var id = app.World.InScope.Id;
        using var om = app.Api(StaffRole.OffenderManager);
        var condition = new[] { "A:" + app.World.InScopeCondition.Id };
        var posts = new (string Path, object Body, string Field, string Expected)[]
        {
            ("contacts", new { date = Iso(1), kind = "homeVisit", outcome = "attended" }, "outcome", "attended"),
            ("concerns", new { date = Iso(1), type = "substanceUse", description = "API read-back concern" }, "description", "API read-back concern"),
            ("warnings", new { level = "first", issuedOn = Iso(1), circumstances = "API read-back warning", conditions = condition }, "circumstances", "API read-back warning"),
            ("breaches", new { occurredOn = Iso(1), description = "API read-back breach", conditions = condition }, "description", "API read-back breach"),
        };
        foreach (var (path, body, field, expected) in posts)
        {
            var res = await om.PostAsJsonAsync($"/api/v1/cases/{id}/{path}", body);
            Assert.True(res.StatusCode == HttpStatusCode.Created, $"{path}: {res.StatusCode} {await res.Content.ReadAsStringAsync()}");
            var location = res.Headers.Location!.ToString();
            var read = await om.GetFromJsonAsync<JsonElement>(location);
            Assert.Equal(expected, read.GetProperty(field).GetString());
            var recordId = read.GetProperty("id").GetGuid().ToString();
            Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.EntityId == recordId && a.Action.EndsWith(".read") && a.Outcome == AuditOutcome.Allowed)), path);
        }
    }

    [Fact]
    public async Task ARecordOfAnotherCase_UnderThisCasesUrl_Is404_WithADeniedRow()
    {
        using var om = app.Api(StaffRole.OffenderManager);
        var other = app.World.RecordIds["breachId"].OutOfScope;
        var res = await om.GetAsync($"/api/v1/cases/{app.World.InScope.Id}/breaches/{other}");
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.EntityId == other.ToString() && a.Outcome == AuditOutcome.Denied)));
    }

    [Fact]
    public async Task TheComplianceRoutes_AreInTheOpenApiDocument()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var doc = await client.GetStringAsync("/openapi/v1.json");
        foreach (var route in new[]
        {
            "/api/v1/cases/{id}/contacts/{contactId}", "/api/v1/cases/{id}/concerns/{concernId}", "/api/v1/cases/{id}/concerns/care-plan-signs",
            "/api/v1/cases/{id}/warnings/{warningId}", "/api/v1/cases/{id}/warnings/{warningId}/letter.pdf", "/api/v1/cases/{id}/breaches/{breachId}",
            "/api/v1/cases/{id}/compliance/timeline", "/api/v1/cases/{id}/signals", "/api/v1/signals",
        })
            Assert.Contains($"\"{route}\"", doc, StringComparison.Ordinal);
    }
}

public sealed class ComplianceApiTestsSqlite(SqliteApp app) : ComplianceApiTests(app), IClassFixture<SqliteApp>;

public sealed class ComplianceApiTestsPostgres(PostgresApp app) : ComplianceApiTests(app), IClassFixture<PostgresApp>;
