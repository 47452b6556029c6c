using System.Net;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Cases;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Cases;

public abstract class CasePageTests(AppFixture app)
{
    private async Task<CaseRecord> NewCaseAsync(string crn) => await app.Factory.WithDbAsync(async db =>
    {
        var c = new CaseRecord
        {
            Crn = crn, GivenName = "Edit", FamilyName = "Subject", DateOfBirth = new DateOnly(1985, 1, 2), Gender = Gender.Female,
            Ethnicity = Ethnicity.WhiteIrish, RoshLevel = RoshLevel.Medium, TeamId = app.World.TeamA.Id, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        return c;
    });

    private Dictionary<string, string> Form(CaseRecord c, int version, string givenName) => new()
    {
        ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Crn"] = c.Crn, ["Input.GivenName"] = givenName, ["Input.FamilyName"] = c.FamilyName,
        ["Input.DateOfBirth.Day"] = "2", ["Input.DateOfBirth.Month"] = "1", ["Input.DateOfBirth.Year"] = "1985",
        ["Input.Gender"] = "Female", ["Input.Ethnicity"] = "WhiteIrish", ["Input.RoshLevel"] = "Medium",
        ["Input.MappaCategory"] = "None", ["Input.MappaLevel"] = "None", ["Input.TeamId"] = app.World.TeamA.Id.ToString(),
    };

    [Fact]
    public async Task Edit_SavesAChange_AndBumpsTheVersion()
    {
        var c = await NewCaseAsync("E100001");
        var client = await app.PagesAsync(StaffRole.OffenderManager);
        var res = await AppFixture.PostFormAsync(client, $"/cases/{c.Id}/edit", Form(c, 1, "Edited"));
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var saved = await app.Factory.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id));
        Assert.Equal("Edited", saved.GivenName);
        Assert.Equal(2, saved.Version);
    }

    [Fact]
    public async Task Edit_FromAStaleCopy_OverwritesNothing_AndShowsWhatChanged()
    {
        var c = await NewCaseAsync("E100002");
        var client = await app.PagesAsync(StaffRole.OffenderManager);
        // Someone else saves first.
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(client, $"/cases/{c.Id}/edit", Form(c, 1, "First"))).StatusCode);
        // The second person's form still says version 1.
        var res = await AppFixture.PostFormAsync(client, $"/cases/{c.Id}/edit", Form(c, 1, "Second"));
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var html = await res.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this person", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"conflicts\"", html, StringComparison.Ordinal);
        Assert.Contains("First", html, StringComparison.Ordinal);
        var saved = await app.Factory.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id));
        Assert.Equal("First", saved.GivenName);
        Assert.Equal(2, saved.Version);
    }

    [Fact]
    public async Task Create_WithBadInput_ShowsTheErrorSummary_AndSavesNothing()
    {
        var client = await app.PagesAsync(StaffRole.OffenderManager);
        var before = await app.Factory.WithDbAsync(db => db.Cases.CountAsync());
        var res = await AppFixture.PostFormAsync(client, "/cases/new", new()
        {
            ["Input.Crn"] = "12", ["Input.GivenName"] = "", ["Input.DateOfBirth.Day"] = "31", ["Input.DateOfBirth.Month"] = "2", ["Input.DateOfBirth.Year"] = "1990",
        });
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var html = await res.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Enter a CRN as one letter followed by six digits", html, StringComparison.Ordinal);
        Assert.Contains("Date of birth must be a real date", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_GivenName\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.Factory.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task Create_ByAnOffenderManager_PutsTheCaseInTheirTeam()
    {
        var client = await app.PagesAsync(StaffRole.OffenderManager);
        var res = await AppFixture.PostFormAsync(client, "/cases/new", new()
        {
            ["Input.Crn"] = "e100003", ["Input.GivenName"] = "New", ["Input.FamilyName"] = "Arrival",
            ["Input.DateOfBirth.Day"] = "5", ["Input.DateOfBirth.Month"] = "6", ["Input.DateOfBirth.Year"] = "1992",
            ["Input.Gender"] = "Male", ["Input.Ethnicity"] = "NotStated", ["Input.RoshLevel"] = "High",
            ["Input.MappaCategory"] = "None", ["Input.MappaLevel"] = "None", ["Input.TeamId"] = app.World.TeamA.Id.ToString(),
        }, formPage: "/cases/new");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var saved = await app.Factory.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(x => x.Crn == "E100003"));
        Assert.Equal(app.World.TeamA.Id, saved.TeamId);
    }

    [Fact]
    public async Task Edit_ByAnOffenderManager_CannotMoveTheCaseToAnotherTeam_NorSetTheReferralDate()
    {
        var c = await NewCaseAsync("E100004");
        var client = await app.PagesAsync(StaffRole.OffenderManager);
        var form = Form(c, 1, "Moved");
        form["Input.TeamId"] = app.World.TeamB.Id.ToString();
        form["Input.ReferredToServiceOn.Day"] = "1";
        form["Input.ReferredToServiceOn.Month"] = "1";
        form["Input.ReferredToServiceOn.Year"] = "2026";
        var res = await AppFixture.PostFormAsync(client, $"/cases/{c.Id}/edit", form);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var html = await res.Content.ReadAsStringAsync();
        Assert.Contains(Pathway.Domain.Access.CaseWritePolicy.OwnTeamOnly, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.ReferredToServiceOn", html, StringComparison.Ordinal);
        var saved = await app.Factory.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id));
        Assert.Equal(app.World.TeamA.Id, saved.TeamId);
        Assert.Null(saved.ReferredToServiceOn);
        Assert.Equal(1, saved.Version);

        // Saved in their own team, the referral date sent with it is ignored: only a referral sets it.
        form["Input.TeamId"] = app.World.TeamA.Id.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(client, $"/cases/{c.Id}/edit", form)).StatusCode);
        Assert.Null(await app.Factory.WithDbAsync(db => db.Cases.Where(x => x.Id == c.Id).Select(x => x.ReferredToServiceOn).SingleAsync()));
    }

    [Fact]
    public async Task Create_ByAnOffenderManager_IntoAnotherTeam_IsRefused_AndOnlyTheirTeamIsOffered()
    {
        var client = await app.PagesAsync(StaffRole.OffenderManager);
        var page = await client.GetStringAsync("/cases/new");
        Assert.DoesNotContain($"value=\"{app.World.TeamB.Id}\"", page, StringComparison.Ordinal);
        var res = await AppFixture.PostFormAsync(client, "/cases/new", new()
        {
            ["Input.Crn"] = "e100005", ["Input.GivenName"] = "Elsewhere", ["Input.FamilyName"] = "Placed",
            ["Input.DateOfBirth.Day"] = "5", ["Input.DateOfBirth.Month"] = "6", ["Input.DateOfBirth.Year"] = "1992",
            ["Input.Gender"] = "Male", ["Input.Ethnicity"] = "NotStated", ["Input.RoshLevel"] = "High",
            ["Input.MappaCategory"] = "None", ["Input.MappaLevel"] = "None", ["Input.TeamId"] = app.World.TeamB.Id.ToString(),
        }, formPage: "/cases/new");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains(Pathway.Domain.Access.CaseWritePolicy.OwnTeamOnly, await res.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.Factory.WithDbAsync(db => db.Cases.AnyAsync(x => x.Crn == "E100005")));
    }

    [Fact]
    public async Task Search_FindsByNamePrefixOrCrn_AndListsOnlyVisibleCases()
    {
        var client = await app.PagesAsync(StaffRole.OffenderManager);
        var byName = await client.GetStringAsync("/cases?q=person");
        Assert.Contains("T000001", byName, StringComparison.Ordinal);
        Assert.DoesNotContain("T000002", byName, StringComparison.Ordinal);
        var byCrn = await client.GetStringAsync("/cases?q=t000001");
        Assert.Contains("T000001", byCrn, StringComparison.Ordinal);
        var hidden = await client.GetStringAsync("/cases?q=T000002");
        Assert.Contains("0 people", hidden, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_PagesThroughResults()
    {
        await app.Factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 30; i++)
            {
                db.Cases.Add(new CaseRecord
                {
                    Crn = $"P{200000 + i}", GivenName = "Paged", FamilyName = $"Pagination{i:00}", DateOfBirth = new DateOnly(1980, 1, 1),
                    Gender = Gender.Male, Ethnicity = Ethnicity.NotStated, RoshLevel = RoshLevel.Low, TeamId = app.World.TeamA.Id, CreatedAt = DateTimeOffset.UtcNow,
                });
            }
            await db.SaveChangesAsync();
        });
        var client = await app.PagesAsync(StaffRole.SeniorProbationOfficer);
        var first = await client.GetStringAsync("/cases?q=pagination&sort=name");
        var second = await client.GetStringAsync("/cases?q=pagination&sort=name&page=2");
        Assert.Contains("Pagination00", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Pagination25", first, StringComparison.Ordinal);
        Assert.Contains("Pagination25", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Pagination00", second, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_CarryNoNamesCrnsOrSearchText()
    {
        var client = await app.PagesAsync(StaffRole.OffenderManager);
        await client.GetStringAsync("/cases?q=Zebedee");
        await client.GetStringAsync($"/cases/{app.World.InScope.Id}");
        await client.GetAsync($"/cases/{app.World.OutOfScope.Id}");
        Assert.NotEmpty(app.Factory.Logs.Messages); // the sink does capture what production would log
        var logs = string.Join('\n', app.Factory.Logs.Messages);
        Assert.DoesNotContain("Zebedee", logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("T000001", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("T000002", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(app.World.InScope.FamilyName, logs, StringComparison.Ordinal);
    }
}

public sealed class CasePageTestsSqlite(SqliteApp app) : CasePageTests(app), IClassFixture<SqliteApp>;

public sealed class CasePageTestsPostgres(PostgresApp app) : CasePageTests(app), IClassFixture<PostgresApp>;
