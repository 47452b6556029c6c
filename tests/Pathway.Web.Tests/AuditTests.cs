extern alias cli;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Tests.Infrastructure;
using AuditCommand = cli::Pathway.Cli.Commands.AuditCommand;

namespace Pathway.Web.Tests;

public abstract class AuditTests(AppFixture app)
{
    [Fact]
    public async Task ReadingACasePage_WritesAReadRow_WithUserRoleActionCaseAndRequestId()
    {
        var client = await app.PagesAsync(StaffRole.Psychologist);
        var before = await LastAsync();
        var res = await client.GetAsync($"/cases/{app.World.InScope.Id}");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var row = await app.Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.Sequence > before && a.Action == "case.read").SingleAsync());
        Assert.Equal(app.World.Users[StaffRole.Psychologist].Id, row.UserId);
        Assert.Equal("Psychologist", row.Role);
        Assert.Equal(app.World.InScope.Id, row.CaseId);
        Assert.Equal(AuditOutcome.Allowed, row.Outcome);
        Assert.False(string.IsNullOrEmpty(row.RequestId));
    }

    [Fact]
    public async Task ApiRead_OutOfScope_WritesADeniedRow()
    {
        using var client = app.Api(StaffRole.PublicProtectionOfficer);
        var before = await LastAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/cases/{app.World.OutOfScope.Id}")).StatusCode);
        var row = await app.Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.Sequence > before).SingleAsync());
        Assert.Equal(AuditOutcome.Denied, row.Outcome);
        Assert.Equal("case.read", row.Action);
        Assert.Equal(app.World.Users[StaffRole.PublicProtectionOfficer].Id, row.UserId);
        Assert.Equal(app.World.OutOfScope.Id, row.CaseId);
    }

    [Fact]
    public async Task AChange_AndItsAuditRow_AreSavedTogether()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var before = await LastAsync();
        var res = await client.PostAsJsonAsync("/api/v1/cases", new
        {
            crn = "A900001", givenName = "Audit", familyName = "Example", dateOfBirth = "1990-02-03", gender = "male",
            ethnicity = "notStated", roshLevel = "medium", mappaCategory = "none", mappaLevel = "none",
        });
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        var id = (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var row = await app.Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.Sequence > before && a.Action == "case.create"));
        Assert.Equal(id, row.CaseId);
    }

    [Fact]
    public async Task AnInvalidChange_SavesNothing_NotEvenAnAuditRow()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var before = await LastAsync();
        var casesBefore = await app.Factory.WithDbAsync(db => db.Cases.CountAsync());
        var res = await client.PostAsJsonAsync("/api/v1/cases", new { crn = "bad", givenName = "", dateOfBirth = "2990-01-01", gender = "unknown" });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var problem = await res.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "crn", "givenName", "familyName", "dateOfBirth", "gender", "roshLevel" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        Assert.Equal(casesBefore, await app.Factory.WithDbAsync(db => db.Cases.CountAsync()));
        Assert.False(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Sequence > before && a.Action == "case.create")));
    }

    [Fact]
    public async Task TheChain_Verifies_AndTamperingIsDetectedAtTheAlteredRow()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        for (var i = 0; i < 3; i++) await client.GetAsync($"/api/v1/cases/{app.World.InScope.Id}");
        var intact = await app.Factory.WithDbAsync(db => AuditCommand.VerifyAsync(db, CancellationToken.None));
        Assert.True(intact.Intact, intact.Problem);

        // Tamper with a copy of the database so other tests keep an intact chain.
        var target = await LastAsync() - 1;
        var broken = await app.Factory.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.AuditEvents.Where(a => a.Sequence == target).ExecuteUpdateAsync(s => s.SetProperty(a => a.Outcome, AuditOutcome.Denied));
            var result = await AuditCommand.VerifyAsync(db, CancellationToken.None);
            await tx.RollbackAsync();
            return result;
        });
        Assert.False(broken.Intact);
        Assert.Equal(target, broken.FirstBrokenSequence);
    }

    [Fact]
    public async Task ConcurrentReads_KeepOneUnbrokenChain()
    {
        var tasks = Enumerable.Range(0, 24).Select(async i =>
        {
            using var client = app.Api(i % 2 == 0 ? StaffRole.OffenderManager : StaffRole.Psychologist);
            return (await client.GetAsync($"/api/v1/cases/{app.World.InScope.Id}")).StatusCode;
        });
        Assert.All(await Task.WhenAll(tasks), s => Assert.Equal(HttpStatusCode.OK, s));
        var result = await app.Factory.WithDbAsync(db => AuditCommand.VerifyAsync(db, CancellationToken.None));
        Assert.True(result.Intact, result.Problem);
    }

    [Fact]
    public void EveryEndpointAndPage_DeclaresItsAuditAction()
    {
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var missing = endpoints
            .Where(e => e.Metadata.GetMetadata<AuditedAttribute>() is null && e.Metadata.GetMetadata<NotAuditedAttribute>() is null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.True(missing.Count == 0, "Declare [Audited(\"…\")] or [NotAudited(\"why\")] on: " + string.Join(", ", missing));
    }

    private Task<long> LastAsync() => app.Factory.WithDbAsync(db => db.AuditEvents.MaxAsync(a => (long?)a.Sequence).ContinueWith(t => t.Result ?? 0));
}

public sealed class AuditTestsSqlite(SqliteApp app) : AuditTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTestsPostgres(PostgresApp app) : AuditTests(app), IClassFixture<PostgresApp>;
