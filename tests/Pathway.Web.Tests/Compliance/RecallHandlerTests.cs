using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Compliance.Recall;
using Pathway.Web.Features.Compliance.Recall.Decision;
using Pathway.Web.Features.Compliance.Recall.Steps;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Infrastructure.UseCases;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Compliance;

/// <summary>
/// The recall handlers without HTTP, on the test app's SQLite database: a recorded decision keeps the regime it was made
/// under and is never re-assessed or changed by a later step; a stale version changes nothing.
/// </summary>
public sealed class RecallHandlerTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string RecordedRegime = "recall-regime-as-recorded";

    [Fact]
    public async Task ARecordedDecision_IsReadOnly_AndKeepsTheRegimeItWasMadeUnder()
    {
        var (caseId, rid) = await DecidedAsync();
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
        var c = await ContextAsync(db, caseId, StaffRole.OffenderManager);
        var version = (await db.RecallConsiderations.AsNoTracking().FirstAsync(r => r.Id == rid)).Version;

        var step = await new RecordRecallCircumstances(db, Audit(db), TimeProvider.System).HandleAsync(c, rid,
            new CircumstancesInput(RecallConcern.RiskIncreased, "New facts", "Higher", true, false, false, ["S:test"], true), version, [], default);
        var invalid = Assert.IsType<Outcome<RecallConsideration>.Invalid>(step);
        Assert.Contains(invalid.Errors, e => e.Field == "Status" && e.Message.Contains("read-only", StringComparison.Ordinal));

        var spo = await ContextAsync(db, caseId, StaffRole.SeniorProbationOfficer);
        var decide = await new DecideRecall(db, Audit(db), TimeProvider.System, Options.Create(new RecallOptions()), new DomainEvents(db, new HttpContextAccessor(), TimeProvider.System)).HandleAsync(spo, rid,
            new DecisionInput(RecallDecisionKind.StandardRecall, "Changed my mind"), version, [], default);
        Assert.IsType<Outcome<RecallConsideration>.Invalid>(decide);

        db.ChangeTracker.Clear();
        var saved = await db.RecallConsiderations.AsNoTracking().FirstAsync(r => r.Id == rid);
        Assert.Equal((RecallDecisionKind?)RecallDecisionKind.FixedTermRecall, saved.Decision);
        Assert.Equal(RecordedRegime, saved.RegimeVersionId);
        Assert.Equal((RecallRoute?)RecallRoute.FixedTermMandatory, saved.RegimeRoute);
        Assert.Equal(14, saved.FixedTermDays);
        Assert.Equal("Warning first", saved.OversightRationale);
        Assert.Equal(version, saved.Version);
    }

    [Fact]
    public async Task AStep_FromAStaleVersion_IsAConflictWithTheRecordAsSaved_AndSavesNothing()
    {
        var (caseId, rid) = await DecidedAsync(RecallConsiderationStatus.InProgress);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
        var c = await ContextAsync(db, caseId, StaffRole.OffenderManager);
        var saved = await db.RecallConsiderations.AsNoTracking().FirstAsync(r => r.Id == rid);

        var outcome = await new RecordConsultationNotPossible(db, Audit(db)).HandleAsync(c, rid, "Psychologist on leave", saved.Version + 1, default);

        var conflict = Assert.IsType<Outcome<RecallConsideration>.Conflict>(outcome);
        Assert.Equal(saved.Version, conflict.Current.Version);
        db.ChangeTracker.Clear();
        Assert.Equal(saved.ConsultationNotPossibleReason, (await db.RecallConsiderations.AsNoTracking().FirstAsync(r => r.Id == rid)).ConsultationNotPossibleReason);
    }

    [Fact]
    public async Task AStep_WithoutAVersion_OrOnAnotherCasesRecord_IsRefused()
    {
        var (caseId, rid) = await DecidedAsync(RecallConsiderationStatus.InProgress);
        var (otherCase, _) = await DecidedAsync(RecallConsiderationStatus.InProgress);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
        var handler = new RecordConsultationNotPossible(db, Audit(db));

        var noVersion = await handler.HandleAsync(await ContextAsync(db, caseId, StaffRole.OffenderManager), rid, "On leave", null, default);
        Assert.Equal("Version", Assert.Single(Assert.IsType<Outcome<RecallConsideration>.Invalid>(noVersion).Errors).Field);

        var elsewhere = await handler.HandleAsync(await ContextAsync(db, otherCase, StaffRole.OffenderManager), rid, "On leave", 1, default);
        Assert.IsType<Outcome<RecallConsideration>.NotFound>(elsewhere);
    }

    /// <summary>The audit log as a recall route would write it (a denied row takes the route's declared action).</summary>
    private static AuditLog Audit(PathwayDbContext db)
    {
        var http = new DefaultHttpContext();
        http.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new AuditedAttribute("recall.update")), "recall.update"));
        return new AuditLog(db, new HttpContextAccessor { HttpContext = http }, TimeProvider.System);
    }

    private async Task<CaseContext> ContextAsync(PathwayDbContext db, Guid caseId, StaffRole role)
    {
        var c = await db.Cases.Include(x => x.Shares).Include(x => x.NamedStaff).FirstAsync(x => x.Id == caseId);
        var user = app.World.Users[role];
        return new CaseContext(c, new StaffContext(user.Id, new HashSet<StaffRole> { role }, user.TeamId), new CasePermissions(true, true), false);
    }

    /// <summary>A case on licence with a consideration: by default decided (fixed-term, 14 days) under a recorded regime.</summary>
    private async Task<(Guid CaseId, Guid ConsiderationId)> DecidedAsync(RecallConsiderationStatus status = RecallConsiderationStatus.Decided)
    {
        var caseId = await ContactTests.NewCaseAsync(app);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var decided = status == RecallConsiderationStatus.Decided;
        var rid = Guid.Empty;
        await app.Factory.WithDbAsync(async db =>
        {
            var licence = new Licence
            {
                CaseId = caseId, SentenceType = SentenceType.StandardDeterminate, SentenceLengthMonths = 30, ReleaseDate = today.AddDays(-100),
                LicenceExpiryDate = today.AddDays(300), SentenceExpiryDate = today.AddDays(300), StandardConditionSetCode = StandardConditionSets.Lco2015.Code,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            var r = new RecallConsideration
            {
                CaseId = caseId, LicenceId = licence.Id, Status = status, Concern = RecallConcern.ContactStopped, Circumstances = "Missed appointments",
                RiskSummary = "Unchanged", BreachedConditions = [new LinkedCondition { Ref = "S:test", Text = "Keep in touch" }],
                NoAlternativesReason = "First concern", StartedById = app.World.Users[StaffRole.OffenderManager].Id, CreatedAt = DateTimeOffset.UtcNow,
                OversightRationale = decided ? "Warning first" : null, Decision = decided ? RecallDecisionKind.FixedTermRecall : null,
                DecidedById = decided ? app.World.Users[StaffRole.SeniorProbationOfficer].Id : null, DecidedAt = decided ? DateTimeOffset.UtcNow : null,
                RegimeVersionId = decided ? RecordedRegime : null, RegimeRoute = decided ? RecallRoute.FixedTermMandatory : null,
                RegimeAssessedOn = decided ? today.AddDays(-1) : null, FixedTermDays = decided ? 14 : null,
            };
            db.Licences.Add(licence);
            db.RecallConsiderations.Add(r);
            await db.SaveChangesAsync();
            rid = r.Id;
        });
        return (caseId, rid);
    }
}
