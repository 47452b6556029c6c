using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Cases;

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

    private static object NewCase(string crn, Guid? teamId = null, string? referredToServiceOn = null) => new
    {
        crn, givenName = "Policy", familyName = "Subject", dateOfBirth = "1990-02-03", gender = "male",
        ethnicity = "notStated", roshLevel = "medium", mappaCategory = "none", mappaLevel = "none",
        teamId = teamId?.ToString(), referredToServiceOn,
    };

    /// <summary>The case as a client reads it, with <paramref name="change"/> applied: the body of a PUT.</summary>
    private static async Task<Dictionary<string, object?>> ReadForEditAsync(HttpClient client, Guid id, Action<Dictionary<string, object?>> change)
    {
        var json = await client.GetFromJsonAsync<Dictionary<string, JsonElement>>($"/api/v1/cases/{id}");
        var body = json!.ToDictionary(p => p.Key, p => (object?)p.Value);
        change(body);
        return body;
    }

    private static async Task<JsonElement> ErrorsOf(HttpResponseMessage res) =>
        (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

    [Fact]
    public async Task Create_ByAnOffenderManager_IntoAnotherTeam_Is400WithATeamIdError_AndSavesNothing()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var res = await client.PostAsJsonAsync("/api/v1/cases", NewCase("W900001", app.World.TeamB.Id));
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.True((await ErrorsOf(res)).TryGetProperty("teamId", out _));
        Assert.False(await app.Factory.WithDbAsync(db => db.Cases.AnyAsync(c => c.Crn == "W900001")));
    }

    [Fact]
    public async Task Create_WithAReferralDate_Is400_OnlyAReferralSetsIt()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var res = await client.PostAsJsonAsync("/api/v1/cases", NewCase("W900002", referredToServiceOn: "2026-01-05"));
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.True((await ErrorsOf(res)).TryGetProperty("referredToServiceOn", out _));
    }

    [Fact]
    public async Task Update_ByAnOffenderManager_CannotSetOrClearTheReferralDate_NorMoveTheCaseToAnotherTeam()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var created = await client.PostAsJsonAsync("/api/v1/cases", NewCase("W900003"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var refer = await client.PutAsJsonAsync($"/api/v1/cases/{id}", await ReadForEditAsync(client, id, b => b["referredToServiceOn"] = "2026-01-05"));
        Assert.Equal(HttpStatusCode.BadRequest, refer.StatusCode);
        Assert.True((await ErrorsOf(refer)).TryGetProperty("referredToServiceOn", out _));

        var move = await client.PutAsJsonAsync($"/api/v1/cases/{id}", await ReadForEditAsync(client, id, b => b["teamId"] = app.World.TeamB.Id.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, move.StatusCode);
        Assert.True((await ErrorsOf(move)).TryGetProperty("teamId", out _));

        // A referred case cannot be hidden from the service by clearing the date.
        var referred = app.World.InScope.Id;
        var clear = await client.PutAsJsonAsync($"/api/v1/cases/{referred}", await ReadForEditAsync(client, referred, b => b["referredToServiceOn"] = ""));
        Assert.Equal(HttpStatusCode.BadRequest, clear.StatusCode);
        Assert.True((await ErrorsOf(clear)).TryGetProperty("referredToServiceOn", out _));
        Assert.NotNull(await app.Factory.WithDbAsync(db => db.Cases.Where(c => c.Id == referred).Select(c => c.ReferredToServiceOn).SingleAsync()));

        // Sending back what was read, unchanged, is a normal edit.
        var same = await client.PutAsJsonAsync($"/api/v1/cases/{id}", await ReadForEditAsync(client, id, b => b["givenName"] = "Renamed"));
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
    }

    [Fact]
    public async Task AnEditConflict_IsAProblemJson409()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var created = await client.PostAsJsonAsync("/api/v1/cases", NewCase("W900004"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var stale = await client.PutAsJsonAsync($"/api/v1/cases/{id}", await ReadForEditAsync(client, id, b => b["version"] = 99));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal(409, (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task AMegabyteEnumValue_IsEchoedBackCutShort()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var huge = new string('x', 1024 * 1024);
        var res = await client.PostAsJsonAsync("/api/v1/cases", new { crn = "W900005", gender = huge });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(body.Length < 10_000, $"The answer was {body.Length} characters");
        var message = (await ErrorsOf(res)).GetProperty("gender")[0].GetString()!;
        Assert.StartsWith("'" + new string('x', 100) + "…'", message, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Keyed(string key, object body) => new(HttpMethod.Post, "/api/v1/cases")
    {
        Headers = { { "Idempotency-Key", key } },
        Content = JsonContent.Create(body),
    };

    [Fact]
    public async Task ACreateRetriedWithTheSameIdempotencyKey_CreatesOneRecord_AndAnswersTheSameBody()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var key = Guid.NewGuid().ToString();
        var first = await client.SendAsync(Keyed(key, NewCase("W900010")));
        var again = await client.SendAsync(Keyed(key, NewCase("W900010")));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.Cases.CountAsync(c => c.Crn == "W900010")));
    }

    [Fact]
    public async Task TheSameIdempotencyKey_WithADifferentBody_Is422_AndCreatesNothing()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Keyed(key, NewCase("W900011")))).StatusCode);
        var other = await client.SendAsync(Keyed(key, NewCase("W900012")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.False(await app.Factory.WithDbAsync(db => db.Cases.AnyAsync(c => c.Crn == "W900012")));
    }

    [Fact]
    public async Task AnotherUsersIdempotencyKey_DoesNotReplay()
    {
        var key = Guid.NewGuid().ToString();
        using var om = app.Api(StaffRole.OffenderManager);
        Assert.Equal(HttpStatusCode.Created, (await om.SendAsync(Keyed(key, NewCase("W900013")))).StatusCode);
        using var spo = app.Api(StaffRole.SeniorProbationOfficer);
        var theirs = await spo.SendAsync(Keyed(key, NewCase("W900014")));
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.False(theirs.Headers.Contains("Idempotent-Replayed"));
        Assert.True(await app.Factory.WithDbAsync(db => db.Cases.AnyAsync(c => c.Crn == "W900014")));
    }
}

public sealed class CaseApiTestsSqlite(SqliteApp app) : CaseApiTests(app), IClassFixture<SqliteApp>;

public sealed class CaseApiTestsPostgres(PostgresApp app) : CaseApiTests(app), IClassFixture<PostgresApp>;
