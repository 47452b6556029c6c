using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Events;
using Pathway.Domain.Referrals;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Referrals.Create;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Infrastructure.UseCases;
using Pathway.Web.Tests.Compliance;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Outbox;

/// <summary>
/// The transactional outbox: a handler's change and its event (with a pending delivery per channel) commit together,
/// and a save that fails leaves neither.
/// </summary>
public abstract class OutboxTests(AppFixture app)
{
    private static ReferralDetails Valid => new("Escalating anger in supervision", "How should we respond?", "Shouting", null, null, null,
        ReferralUrgency.Soon, SharingBasis.AgreedToSharing, null, null);

    [Fact]
    public async Task MakingAReferral_WritesItsEvent_WithTheChange()
    {
        var caseId = await ContactTests.NewCaseAsync(app, referred: false);
        await using var h = new HandlerScope(app, StaffRole.OffenderManager, AuditActions.Referral.Create);
        var c = await h.CaseAsync(caseId);

        Assert.IsType<Outcome<Referral>.Invalid>(await h.Get<MakeReferral>().HandleAsync(c, Valid with { Reason = " " }, [], default));
        Assert.Empty(await EventsAsync(caseId));

        var made = Assert.IsType<Outcome<Referral>.Done>(await h.Get<MakeReferral>().HandleAsync(c, Valid, [], default)).Value;
        var e = Assert.Single(await EventsAsync(caseId));
        Assert.Equal(DomainEventTypes.ReferralCreated, e.EventType);
        Assert.Equal(c.Case.Crn, e.Crn);
        Assert.Equal(h.Who.UserId, e.ActorId);
        Assert.Contains(made.Id.ToString(), e.AdditionalInformation, StringComparison.Ordinal);
        await app.Factory.WithDbAsync(async db =>
        {
            var deliveries = await db.OutboxDeliveries.AsNoTracking().Where(d => d.EventId == e.Id).ToListAsync();
            Assert.Equal(Channels.All.Order(), deliveries.Select(d => d.Channel).Order());
            Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Pending, d.Status));
        });
    }

    [Fact]
    public async Task ASaveThatFails_WritesNoEvent()
    {
        var caseId = await ContactTests.NewCaseAsync(app);
        await using var h = new HandlerScope(app, StaffRole.OffenderManager, AuditActions.Referral.Create);
        var c = await h.CaseAsync(caseId);
        var e = h.Get<DomainEvents>().Raise(DomainEventTypes.ReferralCreated, c.Case, "/referrals");
        c.Case.GivenName = "Changed";
        // A second delivery on the same channel breaks a unique index, so the whole save fails.
        h.Db.OutboxDeliveries.Add(new OutboxDelivery { EventId = e.Id, Channel = Channels.Email, NextAttemptAt = DateTimeOffset.UtcNow });
        await Assert.ThrowsAsync<DbUpdateException>(() => h.Db.SaveChangesAsync());

        Assert.Empty(await EventsAsync(caseId));
        await app.Factory.WithDbAsync(async db =>
        {
            Assert.False(await db.OutboxDeliveries.AnyAsync(d => d.EventId == e.Id));
            Assert.Equal("Test", (await db.Cases.AsNoTracking().FirstAsync(x => x.Id == caseId)).GivenName);
        });
    }

    private Task<List<OutboxEvent>> EventsAsync(Guid caseId) =>
        app.Factory.WithDbAsync(db => db.OutboxEvents.AsNoTracking().Where(e => e.CaseId == caseId).ToListAsync());
}

public sealed class OutboxTestsSqlite(SqliteApp app) : OutboxTests(app), IClassFixture<SqliteApp>;

public sealed class OutboxTestsPostgres(PostgresApp app) : OutboxTests(app), IClassFixture<PostgresApp>;
