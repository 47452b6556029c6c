extern alias cli;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data;
using Pathway.Data.Auditing;
using Pathway.Data.Security.Keys;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Tests.Infrastructure;
using AuditCommand = cli::Pathway.Cli.Commands.AuditCommand;

namespace Pathway.Web.Tests.Security;

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
        var intact = await app.Factory.WithDbAsync(VerifyAsync);
        Assert.True(intact.Intact, intact.Problem);

        // Tamper with a copy of the database so other tests keep an intact chain.
        var target = await LastAsync() - 1;
        var broken = await app.Factory.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.AuditEvents.Where(a => a.Sequence == target).ExecuteUpdateAsync(s => s.SetProperty(a => a.Outcome, AuditOutcome.Denied));
            var result = await VerifyAsync(db);
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
        var result = await app.Factory.WithDbAsync(VerifyAsync);
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

        var catalogue = typeof(Pathway.Domain.Auditing.AuditActions).GetNestedTypes()
            .SelectMany(t => t.GetFields().Where(f => f.IsLiteral)).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        var unknown = endpoints.Select(e => e.Metadata.GetMetadata<AuditedAttribute>()?.Action).OfType<string>().Where(a => !catalogue.Contains(a)).Distinct().ToList();
        Assert.True(unknown.Count == 0, "Declare actions from AuditActions: " + string.Join(", ", unknown));
    }

    [Fact]
    public async Task DeletingADeniedRead_AndRechainingWithPlainSha256OrAWrongKey_FailsVerify_NamingTheRow()
    {
        using var partner = app.Api(StaffRole.PublicProtectionOfficer);
        await partner.GetAsync($"/api/v1/cases/{app.World.OutOfScope.Id}");
        var denied = await LastAsync();
        using var om = app.Api(StaffRole.OffenderManager);
        for (var i = 0; i < 2; i++) await om.GetAsync($"/api/v1/cases/{app.World.InScope.Id}");

        var wrongKey = new AuditKey(Keys.CurrentAuditKey.Id, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        foreach (var sign in new Func<string, AuditFields, string>[]
        {
            AuditChain.ComputeUnkeyedHash,
            (previous, fields) => AuditChain.ComputeHash(wrongKey, previous, fields),
        })
        {
            var result = await TamperedAsync(async db =>
            {
                await db.AuditEvents.Where(a => a.Sequence == denied).ExecuteDeleteAsync();
                await RechainAsync(db, denied, sign);
            });
            Assert.False(result.Intact);
            Assert.Equal(denied, result.FirstBrokenSequence);
        }
    }

    [Fact]
    public async Task ReattributingARow_AndRechaining_FailsVerify_NamingTheRow()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        for (var i = 0; i < 3; i++) await client.GetAsync($"/api/v1/cases/{app.World.InScope.Id}");
        var target = await LastAsync() - 2;
        var someoneElse = app.World.Users[StaffRole.Psychologist].Id;
        var result = await TamperedAsync(async db =>
        {
            await db.AuditEvents.Where(a => a.Sequence == target).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, someoneElse));
            await RechainAsync(db, target, AuditChain.ComputeUnkeyedHash);
        });
        Assert.False(result.Intact);
        Assert.Equal(target, result.FirstBrokenSequence);
    }

    [Fact]
    public async Task DeletingTheNewestRows_FailsVerify_AgainstTheSignedCheckpoint()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        for (var i = 0; i < 3; i++) await client.GetAsync($"/api/v1/cases/{app.World.InScope.Id}");
        await app.Factory.Services.GetRequiredService<AuditCheckpointService>().CheckpointAsync(CancellationToken.None);
        var head = await LastAsync();
        var checkpoint = await app.Factory.Services.GetRequiredService<IAuditCheckpointStore>().LatestAsync(CancellationToken.None);
        Assert.Equal(head, checkpoint!.Sequence);
        Assert.True(File.Exists(Path.Combine(app.Factory.KeyDirectory, FileAuditCheckpointStore.FileName)));

        var result = await TamperedAsync(db => db.AuditEvents.Where(a => a.Sequence > head - 2).ExecuteDeleteAsync());
        Assert.False(result.Intact);
        Assert.Equal(head - 1, result.FirstBrokenSequence);
        Assert.Contains($"rows {head - 1} to {head} are missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterRotatingTheAuditKey_OldAndNewRowsVerify_EachUnderItsOwnKey()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        await client.GetAsync($"/api/v1/cases/{app.World.InScope.Id}");
        var before = Keys.CurrentAuditKey.Id;
        var ring = Keys.Rotate(PathwayKeys.AuditPurpose);
        Assert.NotEqual(before, ring.CurrentId);
        Assert.True(ring.Keys.ContainsKey(before));
        await client.GetAsync($"/api/v1/cases/{app.World.InScope.Id}");

        var keyIds = await app.Factory.WithDbAsync(db => db.AuditEvents.Select(a => a.KeyId).Distinct().ToListAsync());
        Assert.Contains(before, keyIds);
        Assert.Contains(ring.CurrentId, keyIds);
        var result = await app.Factory.WithDbAsync(VerifyAsync);
        Assert.True(result.Intact, result.Problem);
        // The ring on disk, which the CLI reads, holds both.
        var onDisk = KeyRing.FromJson(await File.ReadAllTextAsync(Path.Combine(app.Factory.KeyDirectory, PathwayKeys.AuditKeyFile)), "test");
        Assert.Equal(ring.CurrentId, onDisk.CurrentId);
        Assert.NotNull(onDisk.Find(before));
    }

    [Fact]
    public async Task CliVerify_FindsTheKeyFileTheAppGenerated_AndRefusesToVerifyWithoutAKey()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        await client.GetAsync($"/api/v1/cases/{app.World.InScope.Id}");
        Assert.True(File.Exists(Path.Combine(app.Factory.KeyDirectory, PathwayKeys.AuditKeyFile)));
        var cli = await CliProcess.RunAsync(CliProcess.For(app.Factory), "audit", "verify");
        Assert.True(cli.Exit == 0, cli.Err);
        Assert.Contains("intact", cli.Out, StringComparison.Ordinal);

        var elsewhere = CliProcess.For(app.Factory);
        elsewhere["Security__KeyDirectory"] = Path.Combine(Path.GetTempPath(), $"pathway-no-keys-{Guid.NewGuid():N}");
        var noKey = await CliProcess.RunAsync(elsewhere, "audit", "verify");
        Assert.Equal(1, noKey.Exit);
        Assert.Contains("No audit key", noKey.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(elsewhere["Security__KeyDirectory"]));
    }

    private PathwayKeys Keys => app.Factory.Services.GetRequiredService<PathwayKeys>();

    private Task<AuditChain.VerifyResult> VerifyAsync(PathwayDbContext db) =>
        AuditCommand.VerifyAsync(db, Keys.AuditRing, app.Factory.Services.GetRequiredService<IAuditCheckpointStore>(), CancellationToken.None);

    /// <summary>Tampers inside a transaction that is rolled back, so the other tests keep an intact chain.</summary>
    private Task<AuditChain.VerifyResult> TamperedAsync(Func<PathwayDbContext, Task> tamper) => app.Factory.WithDbAsync(async db =>
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        await tamper(db);
        var result = await VerifyAsync(db);
        await tx.RollbackAsync();
        return result;
    });

    /// <summary>
    /// What someone who can write to the database can do after deleting or changing rows: renumber from
    /// <paramref name="from"/> and recompute every later hash, with whatever hash they can compute.
    /// </summary>
    private static async Task RechainAsync(PathwayDbContext db, long from, Func<string, AuditFields, string> sign)
    {
        var previous = from == 1 ? AuditChain.GenesisHash : await db.AuditEvents.Where(a => a.Sequence == from - 1).Select(a => a.Hash).SingleAsync();
        var rows = await db.AuditEvents.AsNoTracking().Where(a => a.Sequence >= from).OrderBy(a => a.Sequence).ToListAsync();
        var sequence = from;
        foreach (var row in rows)
        {
            var fields = row.Fields() with { Sequence = sequence };
            var hash = sign(previous, fields);
            await db.Database.ExecuteSqlAsync(
                $"UPDATE \"AuditEvents\" SET \"Sequence\" = {sequence}, \"PreviousHash\" = {previous}, \"Hash\" = {hash} WHERE \"Sequence\" = {row.Sequence}");
            previous = hash;
            sequence++;
        }
    }

    private Task<long> LastAsync() => app.Factory.WithDbAsync(db => db.AuditEvents.MaxAsync(a => (long?)a.Sequence).ContinueWith(t => t.Result ?? 0));
}

public sealed class AuditTestsSqlite(OwnSqliteApp app) : AuditTests(app), IClassFixture<OwnSqliteApp>;

public sealed class AuditTestsPostgres(OwnPostgresApp app) : AuditTests(app), IClassFixture<OwnPostgresApp>;
