using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Compliance;

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

    /// <summary>A new case with an active care plan whose early warning signs and triggers are written one a line.</summary>
    private async Task<(Guid CaseId, Guid PlanId)> CaseWithCarePlanAsync()
    {
        var id = await ContactTests.NewCaseAsync(app);
        var psychologist = app.World.Users[StaffRole.Psychologist].Id;
        var plan = new CarePlan
        {
            CaseId = id, Number = 2, Status = CarePlanStatus.Active, Reason = "Reviewed", CreatedById = psychologist, SignedById = psychologist,
            SignedAt = DateTimeOffset.UtcNow, Agreement = PersonAgreement.Agreed, CreatedAt = DateTimeOffset.UtcNow,
        };
        plan.Texts.Add(new CarePlanText { CarePlanId = plan.Id, Key = "triggers.early-warning", Text = "Stops eating with others – AP staff – check in\nGives away belongings – keyworker – tell the OM" });
        plan.Texts.Add(new CarePlanText { CarePlanId = plan.Id, Key = "triggers", Text = "Calls from his brother – OM – talk it through" });
        await app.Factory.WithDbAsync(db => { db.CarePlans.Add(plan); return db.SaveChangesAsync(); });
        return (id, plan.Id);
    }

    [Fact]
    public async Task ConcernPage_OffersTheCarePlansSigns_AndTheSignalNamesTheChosenSign()
    {
        var (id, planId) = await CaseWithCarePlanAsync();
        var client = await app.PagesAsync(StaffRole.ApprovedPremisesStaff);
        var form = await (await client.GetAsync($"/cases/{id}/concerns/new")).Content.ReadAsStringAsync();
        Assert.Contains("care plan 2", form, StringComparison.Ordinal);
        Assert.Contains("Early warning sign: Gives away belongings – keyworker – tell the OM", form, StringComparison.Ordinal);
        Assert.Contains("value=\"triggers:1\"", form, StringComparison.Ordinal);
        var d = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var res = await AppFixture.PostFormAsync(client, $"/cases/{id}/concerns/new", new()
        {
            ["Input.Date.Day"] = d.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Date.Month"] = d.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Date.Year"] = d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Type"] = "Withdrawal", ["Input.Description"] = "Gave his radio and trainers to another resident", ["Input.CarePlanSign"] = "triggers.early-warning:2",
        });
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var saved = await app.Factory.WithDbAsync(db => db.BehavioursOfConcern.AsNoTracking().SingleAsync(c => c.CaseId == id));
        Assert.Equal((planId, "triggers.early-warning:2", "Gives away belongings"), (saved.CarePlanId!.Value, saved.CarePlanSignKey, saved.MatchedEarlyWarningSign));

        using var om = app.Api(StaffRole.OffenderManager);
        var fired = await om.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/signals");
        var sign = fired.EnumerateArray().Single(f => f.GetProperty("code").GetString() == "early-warning-sign");
        Assert.StartsWith("An early warning sign from the care plan recorded: ‘Gives away belongings’ on ", sign.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcernApi_ListsThePlansSigns_LinksOne_AndRefusesAnUnknownSignOrBothKinds()
    {
        var (id, planId) = await CaseWithCarePlanAsync();
        using var ppu = app.Api(StaffRole.PublicProtectionOfficer);
        var signs = await ppu.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/concerns/care-plan-signs");
        Assert.Equal(planId, signs.GetProperty("carePlanId").GetGuid());
        Assert.Equal(["triggers.early-warning:1", "triggers.early-warning:2", "triggers:1"], signs.GetProperty("signs").EnumerateArray().Select(s => s.GetProperty("key").GetString()));

        var created = await ppu.PostAsJsonAsync($"/api/v1/cases/{id}/concerns", new { date = Iso(0), type = "withdrawal", description = "Skipped meals all week", carePlanSign = "triggers.early-warning:1" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Stops eating with others", planId), (json.GetProperty("matchedEarlyWarningSign").GetString(), json.GetProperty("carePlanId").GetGuid()));

        var unknown = await ppu.PostAsJsonAsync($"/api/v1/cases/{id}/concerns", new { date = Iso(0), type = "withdrawal", description = "x", carePlanSign = "triggers:9" });
        Assert.Contains("Choose one of the triggers or early warning signs", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("carePlanSign")[0].GetString(), StringComparison.Ordinal);
        var both = await ppu.PostAsJsonAsync($"/api/v1/cases/{id}/concerns", new { date = Iso(0), type = "withdrawal", description = "x", carePlanSign = "triggers:1", matchedEarlyWarningSign = "Goes quiet" });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.BehavioursOfConcern.CountAsync(c => c.CaseId == id)));
    }
}

public sealed class ConcernTestsSqlite(SqliteApp app) : ConcernTests(app), IClassFixture<SqliteApp>;

public sealed class ConcernTestsPostgres(PostgresApp app) : ConcernTests(app), IClassFixture<PostgresApp>;
