using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests;

public abstract class CaseApiTests(AppFixture app)
{
    [Fact]
    public async Task Get_InScopeCase_ReturnsTheCaseFields()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{app.World.InScope.Id}");
        Assert.Equal("T000001", json.GetProperty("crn").GetString());
        Assert.Equal("1988-04-12", json.GetProperty("dateOfBirth").GetString());
        Assert.Equal("high", json.GetProperty("roshLevel").GetString());
        Assert.Equal("category2", json.GetProperty("mappaCategory").GetString());
        Assert.Equal(app.World.TeamA.Id, json.GetProperty("teamId").GetGuid());
    }

    [Fact]
    public async Task Get_OutOfScopeCase_Is404()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var res = await client.GetAsync($"/api/v1/cases/{app.World.OutOfScope.Id}");
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
    }

    [Fact]
    public async Task Get_WithoutToken_Is401()
    {
        using var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/cases")).StatusCode);
    }

    [Fact]
    public async Task List_AnswersWithItemsTotalPageAndPageSize_AndOnlyVisibleCases()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var json = await client.GetFromJsonAsync<JsonElement>("/api/v1/cases?search=person&page=1&pageSize=10");
        var crns = json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("crn").GetString()).ToList();
        Assert.Contains("T000001", crns);
        Assert.Contains("T000003", crns); // the OM is named on the restricted case
        Assert.DoesNotContain("T000002", crns);
        Assert.Equal(1, json.GetProperty("page").GetInt32());
        Assert.Equal(10, json.GetProperty("pageSize").GetInt32());
        Assert.True(json.GetProperty("total").GetInt32() >= 2);
    }
}

public sealed class CaseApiTestsSqlite(SqliteApp app) : CaseApiTests(app), IClassFixture<SqliteApp>;

public sealed class CaseApiTestsPostgres(PostgresApp app) : CaseApiTests(app), IClassFixture<PostgresApp>;
