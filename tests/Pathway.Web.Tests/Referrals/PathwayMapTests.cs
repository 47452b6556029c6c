using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Referrals;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Referrals;

/// <summary>The care pathway map: staff see only their visible cases (with names); service managers see suppressed counts only.</summary>
public abstract class PathwayMapTests(AppFixture app)
{
    [Fact]
    public async Task AnOffenderManager_SeesTheirTeamsPeopleAtEachStage_WithTheLongestWait_AndTheReadIsAudited()
    {
        var team = await app.Factory.WithDbAsync(async db =>
        {
            var t = new Team { Name = "Map team " + Guid.NewGuid().ToString("N")[..6], Kind = TeamKind.Probation, CreatedAt = DateTimeOffset.UtcNow };
            db.Teams.Add(t);
            await db.SaveChangesAsync();
            return t;
        });
        var om = await app.NewStaffAsync(StaffRole.OffenderManager, team.Id);
        var c = await app.NewCaseAsync(team.Id);
        await app.Factory.WithDbAsync(async db =>
        {
            db.Referrals.Add(new Referral
            {
                CaseId = c.Id, ReferredById = om.Id, ReferredAt = DateTimeOffset.UtcNow.AddDays(-40), Reason = "Map test", Questions = "?",
                Stage = PathwayStage.Screening, StageEnteredAt = DateTimeOffset.UtcNow.AddDays(-12), CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            return 0;
        });

        using var api = await app.ApiAsAsync(om);
        var map = await api.GetFromJsonAsync<JsonElement>("/api/v1/pathway-map");
        Assert.False(map.GetProperty("countsOnly").GetBoolean());
        Assert.Equal(1, map.GetProperty("total").GetInt32());
        var screening = map.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "screening");
        Assert.Equal((1, 12), (screening.GetProperty("people").GetInt32(), screening.GetProperty("longestDays").GetInt32()));
        var longest = Assert.Single(map.GetProperty("longest").EnumerateArray());
        Assert.Equal(c.Crn, longest.GetProperty("crn").GetString());

        var pages = await app.SignedInAsync(om);
        var html = await AppFixture.TextAsync(await pages.GetAsync("/pathway-map"));
        Assert.Contains($"/cases/{c.Id}/pathway", html);
        Assert.Equal(2, await app.Factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.UserId == om.Id && e.Action == "pathway.map.read")));
    }

    [Fact]
    public async Task AServiceManager_SeesServiceWideCountsOnly_WithNoNames()
    {
        using var api = app.Api(StaffRole.ServiceManager);
        var res = await api.GetAsync("/api/v1/pathway-map");
        var raw = await res.Content.ReadAsStringAsync();
        var map = JsonDocument.Parse(raw).RootElement;
        Assert.True(map.GetProperty("countsOnly").GetBoolean());
        Assert.Empty(map.GetProperty("longest").EnumerateArray());
        Assert.DoesNotContain(app.World.InScope.Crn, raw);
        var open = await app.Factory.WithDbAsync(db => db.Referrals.Where(r => r.EndedAt == null).GroupBy(r => r.Stage).Select(g => new { g.Key, N = g.Count() }).ToListAsync());
        foreach (var s in map.GetProperty("stages").EnumerateArray())
        {
            var stage = Enum.Parse<PathwayStage>(s.GetProperty("stage").GetString()!, ignoreCase: true);
            var n = open.FirstOrDefault(o => o.Key == stage)?.N ?? 0;
            // Published counts are exact; any count under 5 (other than zero) is never published.
            if (s.GetProperty("people").ValueKind == JsonValueKind.Number) Assert.Equal(n, s.GetProperty("people").GetInt32());
            if (n is > 0 and < 5) Assert.Equal(JsonValueKind.Null, s.GetProperty("people").ValueKind);
        }
        var pages = await app.PagesAsync(StaffRole.ServiceManager);
        Assert.DoesNotContain("Waiting longest", await AppFixture.TextAsync(await pages.GetAsync("/pathway-map")));
    }
}

public sealed class PathwayMapTestsSqlite(SqliteApp app) : PathwayMapTests(app), IClassFixture<SqliteApp>;

public sealed class PathwayMapTestsPostgres(PostgresApp app) : PathwayMapTests(app), IClassFixture<PostgresApp>;
