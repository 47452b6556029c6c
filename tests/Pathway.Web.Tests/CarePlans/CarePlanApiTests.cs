using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.CarePlans;

public abstract class CarePlanApiTests(AppFixture app)
{
    private string Plans => $"/api/v1/cases/{app.World.InScope.Id}/care-plans";

    [Fact]
    public async Task SummaryOnlyRole_GetsOnlyTheSummarySections_FromTheVersionGet()
    {
        var plan = app.World.Plans[app.World.InScope.Id];
        using var ap = app.Api(StaffRole.ApprovedPremisesStaff);
        var body = await ap.GetStringAsync($"{Plans}/{plan.Id}");
        Assert.DoesNotContain("WORLD-RESTRICTED-NOTE", body, StringComparison.Ordinal);
        Assert.DoesNotContain("World goal", body, StringComparison.Ordinal);
        Assert.DoesNotContain("World action", body, StringComparison.Ordinal);
        Assert.DoesNotContain("First plan", body, StringComparison.Ordinal);
        var json = JsonDocument.Parse(body).RootElement;
        var summary = CarePlanSections.Summary.Select(CarePlanFields.Slug).ToHashSet();
        Assert.All(json.GetProperty("sections").EnumerateArray(), s => Assert.Contains(s.GetProperty("section").GetString()!, summary));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("agreement").ValueKind);
        Assert.Equal(0, json.GetProperty("skills").GetArrayLength());
        var list = await ap.GetStringAsync(Plans);
        Assert.DoesNotContain("First plan", list, StringComparison.Ordinal);

        using var psychologist = app.Api(StaffRole.Psychologist);
        Assert.Contains("WORLD-RESTRICTED-NOTE", await psychologist.GetStringAsync($"{Plans}/{plan.Id}"), StringComparison.Ordinal);
        var userId = app.World.Users[StaffRole.ApprovedPremisesStaff].Id;
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == userId && a.Action == "careplan.read" && a.EntityId == plan.Id.ToString())));
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == userId && a.Action == "careplan.list")));
    }

    [Fact]
    public async Task Draft_StaleSave_EmptySection_AndOwnCountersignature_AreRefused_AndEveryCallIsAudited()
    {
        using var psychologist = app.Api(StaffRole.Psychologist);
        var started = await psychologist.PostAsJsonAsync(Plans, new { reason = "Scheduled review" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var draft = await started.Content.ReadFromJsonAsync<JsonElement>();
        var id = draft.GetProperty("id").GetGuid();
        var first = draft.GetProperty("version").GetInt32();
        string Section(CarePlanSection s) => $"{Plans}/{id}/sections/{CarePlanFields.Slug(s)}";

        var v = await PutAsync(psychologist, Section(CarePlanSection.Review), new { reviewDate = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd"), version = first });
        v = await PutAsync(psychologist, Section(CarePlanSection.PersonsInvolvement), new { agreement = "agreed", version = v });

        var stale = await psychologist.PutAsJsonAsync(Section(CarePlanSection.TriggersAndEarlyWarningSigns), new { text = new Dictionary<string, string>(), version = first });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(v, (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currentVersion").GetInt32());

        v = await PutAsync(psychologist, Section(CarePlanSection.TriggersAndEarlyWarningSigns), new { text = new Dictionary<string, string>(), version = v });
        var refused = await psychologist.PostAsJsonAsync($"{Plans}/{id}/sign", new { version = v });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Triggers and early warning signs", problem, StringComparison.Ordinal);
        Assert.Contains(nameof(CarePlanSection.TriggersAndEarlyWarningSigns), problem, StringComparison.OrdinalIgnoreCase);

        var key = CarePlanFields.For(CarePlanSection.TriggersAndEarlyWarningSigns)[0].Key;
        v = await PutAsync(psychologist, Section(CarePlanSection.TriggersAndEarlyWarningSigns), new { text = new Dictionary<string, string> { [key] = "Being shouted at" }, version = v });
        var signed = await psychologist.PostAsJsonAsync($"{Plans}/{id}/sign", new { version = v });
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        v = (await signed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();

        var own = await psychologist.PostAsJsonAsync($"{Plans}/{id}/countersign", new { version = v });
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("You signed this plan", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var userId = app.World.Users[StaffRole.Psychologist].Id;
        var actions = await app.Factory.WithDbAsync(db => db.AuditEvents.Where(a => a.UserId == userId && a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains("careplan.version.create", actions);
        Assert.Equal(4, actions.Count(a => a == "careplan.section.update"));
        Assert.Contains("careplan.sign", actions);
    }

    private static async Task<int> PutAsync(HttpClient client, string url, object body)
    {
        var response = await client.PutAsJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
    }
}

public sealed class CarePlanApiTestsSqlite(SqliteApp app) : CarePlanApiTests(app), IClassFixture<SqliteApp>;

public sealed class CarePlanApiTestsPostgres(PostgresApp app) : CarePlanApiTests(app), IClassFixture<PostgresApp>;
