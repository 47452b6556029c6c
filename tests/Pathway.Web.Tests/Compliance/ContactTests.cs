using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Cases;
using Pathway.Domain.Compliance;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Compliance;

public abstract class ContactTests(AppFixture app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A fresh team A case, so the arithmetic of one test is not disturbed by another's contacts.</summary>
    internal static async Task<Guid> NewCaseAsync(AppFixture app, bool referred = true)
    {
        var c = new CaseRecord
        {
            Crn = "T" + Random.Shared.Next(100000, 999999), GivenName = "Test", FamilyName = "Compliance", DateOfBirth = new DateOnly(1990, 1, 1),
            Gender = Gender.Male, Ethnicity = Ethnicity.NotStated, RoshLevel = RoshLevel.High, MappaCategory = MappaCategory.Category2,
            MappaLevel = MappaLevel.Level1, TeamId = app.World.TeamA.Id, CreatedAt = DateTimeOffset.UtcNow,
            ReferredToServiceOn = referred ? Today.AddDays(-30) : null, ApprovedPremisesId = app.World.Premises.Id,
        };
        c.Shares.Add(new CaseShare { CaseId = c.Id, TeamId = app.World.Ppu.Id, SharedAt = DateTimeOffset.UtcNow });
        await app.Factory.WithDbAsync(db => { db.Cases.Add(c); return db.SaveChangesAsync(); });
        return c.Id;
    }

    private static object Contact(int daysAgo, string outcome, string? reason = null) =>
        new { date = Iso(Today.AddDays(-daysAgo)), kind = "officeAppointment", outcome, reason };

    [Fact]
    public async Task Contacts_ViaApi_GiveKeptOfExpected_OverFourTwelveAndTwentySixWeeks()
    {
        var id = await NewCaseAsync(app);
        using var client = app.Api(StaffRole.OffenderManager);
        foreach (var body in new[]
        {
            Contact(3, "attended"), Contact(10, "unacceptableAbsence", "No reason given"), Contact(12, "acceptableAbsence", "In hospital"),
            Contact(40, "attended"), Contact(60, "rescheduled"), Contact(150, "unacceptableAbsence", "Said he forgot"), Contact(-5, "pending"),
        })
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/cases/{id}/contacts", body)).StatusCode);

        var figures = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/compliance");
        var windows = figures.EnumerateArray().Select(w => (w.GetProperty("weeks").GetInt32(), w.GetProperty("kept").GetInt32(), w.GetProperty("expected").GetInt32())).ToList();
        Assert.Equal([(4, 1, 2), (12, 2, 3), (26, 2, 4)], windows);
        Assert.Equal(0.5, figures[0].GetProperty("rate").GetDouble(), 6);
        Assert.Equal(1, figures[0].GetProperty("acceptableAbsences").GetInt32());
    }

    [Fact]
    public async Task AnOutcomeInTheFuture_IsRefusedWithTheReason_AndNothingSaved()
    {
        var id = await NewCaseAsync(app);
        using var client = app.Api(StaffRole.OffenderManager);
        var res = await client.PostAsJsonAsync($"/api/v1/cases/{id}/contacts", Contact(-2, "attended"));
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var errors = (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("in the future", errors.GetProperty("outcome")[0].GetString(), StringComparison.Ordinal);
        var absence = await client.PostAsJsonAsync($"/api/v1/cases/{id}/contacts", Contact(2, "unacceptableAbsence"));
        Assert.True((await absence.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.False(await app.Factory.WithDbAsync(db => db.Contacts.AnyAsync(c => c.CaseId == id)));
    }

    [Fact]
    public async Task AnOutcomeForAFutureContact_IsRefused_OnThePages_AndByPut()
    {
        var id = await NewCaseAsync(app);
        var client = await app.PagesAsync(StaffRole.OffenderManager);
        var d = Today.AddDays(3);
        var fields = new Dictionary<string, string>
        {
            ["Input.Date.Day"] = d.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Date.Month"] = d.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Date.Year"] = d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Kind"] = "OfficeAppointment", ["Input.Outcome"] = "Attended",
        };
        var refused = await AppFixture.PostFormAsync(client, $"/cases/{id}/contacts/new", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("in the future", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.Factory.WithDbAsync(db => db.Contacts.AnyAsync(c => c.CaseId == id)));

        fields["Input.Outcome"] = "Pending";
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(client, $"/cases/{id}/contacts/new", fields)).StatusCode);
        var contact = await app.Factory.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.CaseId == id));
        fields["Input.Outcome"] = "UnacceptableAbsence";
        fields["Input.Reason"] = "Did not come";
        fields["Input.Version"] = contact.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var onPage = await AppFixture.PostFormAsync(client, $"/cases/{id}/contacts/{contact.Id}", fields);
        Assert.Contains("in the future", await onPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var api = app.Api(StaffRole.OffenderManager);
        var put = await api.PutAsJsonAsync($"/api/v1/cases/{id}/contacts/{contact.Id}", new { date = Iso(d), kind = "officeAppointment", outcome = "attended", version = contact.Version });
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("in the future", (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("outcome")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(ContactOutcome.Pending, await app.Factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == contact.Id).Select(c => c.Outcome).SingleAsync()));
    }

    [Fact]
    public async Task Put_RecordsTheOutcome_AndAStaleVersionIs409()
    {
        var id = await NewCaseAsync(app);
        using var client = app.Api(StaffRole.SeniorProbationOfficer);
        var created = await (await client.PostAsJsonAsync($"/api/v1/cases/{id}/contacts", Contact(1, "pending"))).Content.ReadFromJsonAsync<JsonElement>();
        var contactId = created.GetProperty("id").GetGuid();
        var ok = await client.PutAsJsonAsync($"/api/v1/cases/{id}/contacts/{contactId}", new { date = Iso(Today.AddDays(-1)), kind = "homeVisit", outcome = "attended", version = 1 });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(2, (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        var stale = await client.PutAsJsonAsync($"/api/v1/cases/{id}/contacts/{contactId}", new { date = Iso(Today.AddDays(-1)), kind = "homeVisit", outcome = "unacceptableAbsence", reason = "x", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(ContactOutcome.Attended, await app.Factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.Outcome).SingleAsync()));
    }

    [Fact]
    public async Task Psychologist_CanSeeCompliance_ButCannotRecordContacts()
    {
        using var client = app.Api(StaffRole.Psychologist);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/cases/{app.World.InScope.Id}/compliance")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/cases/{app.World.InScope.Id}/contacts", Contact(1, "attended"))).StatusCode);
    }

    [Fact]
    public async Task Pages_AddAContact_ThenRecordItsOutcome_ShowOnTheComplianceTab_WithAnAuditRow()
    {
        var id = await NewCaseAsync(app);
        var client = await app.PagesAsync(StaffRole.OffenderManager);
        var d = Today.AddDays(-1);
        var res = await AppFixture.PostFormAsync(client, $"/cases/{id}/contacts/new", new()
        {
            ["Input.Date.Day"] = d.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Date.Month"] = d.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Date.Year"] = d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Kind"] = "HomeVisit", ["Input.Outcome"] = "Pending",
        });
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var contact = await app.Factory.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.CaseId == id));
        var fields = new Dictionary<string, string>
        {
            ["Input.Date.Day"] = d.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Date.Month"] = d.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Date.Year"] = d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Kind"] = "HomeVisit",
            ["Input.Outcome"] = "UnacceptableAbsence", ["Input.Reason"] = "Not at home; no reason given", ["Input.Version"] = "1",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(client, $"/cases/{id}/contacts/{contact.Id}", fields)).StatusCode);
        // The same form again, now stale: refused, nothing overwritten.
        fields["Input.Outcome"] = "Attended";
        var stale = await AppFixture.PostFormAsync(client, $"/cases/{id}/contacts/{contact.Id}", fields);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this contact", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var page = await (await client.GetAsync($"/cases/{id}/compliance")).Content.ReadAsStringAsync();
        Assert.Contains("unacceptable absence", page, StringComparison.Ordinal);
        Assert.Contains("Not at home; no reason given", page, StringComparison.Ordinal);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "contact.update" && a.EntityId == contact.Id.ToString() && a.CaseId == id)));
    }
}

public sealed class ContactTestsSqlite(SqliteApp app) : ContactTests(app), IClassFixture<SqliteApp>;

public sealed class ContactTestsPostgres(PostgresApp app) : ContactTests(app), IClassFixture<PostgresApp>;
