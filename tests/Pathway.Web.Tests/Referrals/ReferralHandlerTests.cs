using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.Referrals;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Referrals.Allocate;
using Pathway.Web.Features.Referrals.Create;
using Pathway.Web.Features.Referrals.MoveStage;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Infrastructure.UseCases;
using Pathway.Web.Tests.Compliance;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Referrals;

/// <summary>
/// The referral handlers without HTTP, on the test app's SQLite database: field errors before the open-referral
/// conflict, and the pathway rules that forbid (with a denied audit row) rather than invalidate.
/// </summary>
public sealed class ReferralHandlerTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static ReferralDetails Valid => new("Escalating anger in supervision", "How should we respond?", "Shouting", null, null, null,
        ReferralUrgency.Soon, SharingBasis.AgreedToSharing, null, null);

    [Fact]
    public async Task MakeReferral_ReportsFieldErrorsFirst_ThenAnOpenReferralAsTheConflict()
    {
        var caseId = await ContactTests.NewCaseAsync(app, referred: false);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
        var c = await ContextAsync(db, caseId, StaffRole.OffenderManager);
        var make = new MakeReferral(db, Audit(db, "referral.create"), TimeProvider.System, Events(db));

        var invalid = await make.HandleAsync(c, Valid with { Reason = " ", Urgency = null }, [], default);
        Assert.True(Assert.IsType<Outcome<Referral>.Invalid>(invalid).Errors.Count >= 2);
        Assert.Null(c.Case.ReferredToServiceOn);

        var made = Assert.IsType<Outcome<Referral>.Done>(await make.HandleAsync(c, Valid, [], default)).Value;
        Assert.Equal(PathwayStage.Referred, made.Stage);
        Assert.NotNull(c.Case.ReferredToServiceOn);

        Assert.IsType<Outcome<Referral>.Invalid>(await make.HandleAsync(c, Valid with { Questions = null }, [], default));
        var again = await make.HandleAsync(c, Valid, [], default);
        Assert.Equal(made.Id, Assert.IsType<Outcome<Referral>.Conflict>(again).Current.Id);
    }

    [Fact]
    public async Task APsychologist_AllocatingSomeoneElse_OrProbation_MovingItAlong_IsForbidden_WithADeniedRow()
    {
        var caseId = await ContactTests.NewCaseAsync(app, referred: false);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
        var made = Assert.IsType<Outcome<Referral>.Done>(await new MakeReferral(db, Audit(db, "referral.create"), TimeProvider.System, Events(db))
            .HandleAsync(await ContextAsync(db, caseId, StaffRole.OffenderManager), Valid, [], default)).Value;

        var psy = await ContextAsync(db, caseId, StaffRole.Psychologist);
        var lead = app.World.Users[StaffRole.ClinicalLead].Id;
        var allocate = await new AllocateReferral(db, Audit(db, "referral.allocate"), TimeProvider.System, Events(db)).HandleAsync(psy, lead, made.Version, [], default);
        Assert.Equal(AllocateReferral.Refused, Assert.IsType<Outcome<Referral>.Forbidden>(allocate).Reason);

        var om = await ContextAsync(db, caseId, StaffRole.OffenderManager);
        var move = await new MoveReferralStage(db, Audit(db, "referral.stage.update"), TimeProvider.System)
            .HandleAsync(om, PathwayStage.Consultation, null, made.Version, [], default);
        Assert.IsType<Outcome<Referral>.Forbidden>(move);

        var denied = await db.AuditEvents.AsNoTracking().Where(a => a.EntityId == made.Id.ToString() && a.Outcome == AuditOutcome.Denied)
            .Select(a => a.Action).ToListAsync();
        Assert.Contains("referral.allocate", denied);
        Assert.Contains("referral.stage.update", denied);
        Assert.Equal(PathwayStage.Referred, (await db.Referrals.AsNoTracking().FirstAsync(r => r.Id == made.Id)).Stage);
    }

    /// <summary>The audit log as the route declaring <paramref name="action"/> would write it.</summary>
    private static AuditLog Audit(PathwayDbContext db, string action)
    {
        var http = new DefaultHttpContext();
        http.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new AuditedAttribute(action)), action));
        return new AuditLog(db, new HttpContextAccessor { HttpContext = http }, TimeProvider.System);
    }

    private static DomainEvents Events(PathwayDbContext db) => new(db, new HttpContextAccessor(), TimeProvider.System);

    private async Task<CaseContext> ContextAsync(PathwayDbContext db, Guid caseId, StaffRole role)
    {
        var c = await db.Cases.Include(x => x.Shares).Include(x => x.NamedStaff).FirstAsync(x => x.Id == caseId);
        var user = app.World.Users[role];
        return new CaseContext(c, new StaffContext(user.Id, new HashSet<StaffRole> { role }, user.TeamId), new CasePermissions(true, true), false);
    }
}
