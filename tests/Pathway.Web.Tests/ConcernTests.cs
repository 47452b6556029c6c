using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests;

public abstract class ConcernTests(AppFixture app)
{
    private static string Iso(int daysAgo) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-daysAgo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(StaffRole.ApprovedPremisesStaff)]
    [InlineData(StaffRole.PublicProtectionOfficer)]
    [InlineData(StaffRole.OffenderManager)]
    public async Task PeopleWhoSeeTheCase_RecordAConcern_LinkedToAConditionAndAnEarlyWarningSign(StaffRole role)
    {
        var id = app.World.InScope.Id;
        using var client = app.Api(role);
        var res = await client.PostAsJsonAsync($"/api/v1/cases/{id}/concerns", new
        {
            date = Iso(1), type = "lossOfAccommodation", description = "Asked to leave his sister's flat",
            matchedEarlyWarningSign = "Talks about having nowhere to go", conditions = new[] { "A:" + app.World.InScopeCondition.Id },
        });
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        var json = await res.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Talks about having nowhere to go", json.GetProperty("matchedEarlyWarningSign").GetString());
        Assert.StartsWith("Curfew: ", json.GetProperty("conditions")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        var concernId = json.GetProperty("id").GetGuid().ToString();
        var row = await app.Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.EntityId == concernId));
        Assert.Equal(("concern.create", AuditOutcome.Allowed, (Guid?)id), (row.Action, row.Outcome, row.CaseId));
    }

    [Fact]
    public async Task AConcernInTheFuture_OrOnAConditionNotOnTheLicence_IsRefused()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var res = await client.PostAsJsonAsync($"/api/v1/cases/{app.World.InScope.Id}/concerns", new
        {
            date = Iso(-3), type = "threats", description = "x", conditions = new[] { "A:" + app.World.OutOfScopeCondition.Id },
        });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var errors = (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("date", out _));
        Assert.Contains("not a condition of the current licence", errors.GetProperty("conditions")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConcernOnACaseOutOfScope_Is404_AndPartnersCannotRecordOne()
    {
        using var ap = app.Api(StaffRole.ApprovedPremisesStaff);
        Assert.Equal(HttpStatusCode.NotFound, (await ap.PostAsJsonAsync($"/api/v1/cases/{app.World.OutOfScope.Id}/concerns", new { date = Iso(1), type = "threats", description = "x" })).StatusCode);
        using var partner = app.Api(StaffRole.PartnerAgency);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync($"/api/v1/cases/{app.World.InScope.Id}/concerns", new { date = Iso(1), type = "threats", description = "x" })).StatusCode);
    }

    [Fact]
    public async Task ConcernPage_ForApprovedPremisesStaff_SavesAndShowsOnTheComplianceTab()
    {
        var id = await ContactTests.NewCaseAsync(app);
        var client = await app.PagesAsync(StaffRole.ApprovedPremisesStaff);
        var d = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
        var res = await AppFixture.PostFormAsync(client, $"/cases/{id}/concerns/new", new()
        {
            ["Input.Date.Day"] = d.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Date.Month"] = d.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Date.Year"] = d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Type"] = "SubstanceUse", ["Input.Description"] = "Returned to the premises smelling of cannabis",
        });
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var page = await (await client.GetAsync($"/cases/{id}/compliance")).Content.ReadAsStringAsync();
        Assert.Contains("Returned to the premises smelling of cannabis", page, StringComparison.Ordinal);
        var empty = await AppFixture.PostFormAsync(client, $"/cases/{id}/concerns/new", new() { ["Input.Type"] = "SubstanceUse" });
        Assert.Contains("Describe what happened", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class ConcernTestsSqlite(SqliteApp app) : ConcernTests(app), IClassFixture<SqliteApp>;

public sealed class ConcernTestsPostgres(PostgresApp app) : ConcernTests(app), IClassFixture<PostgresApp>;
