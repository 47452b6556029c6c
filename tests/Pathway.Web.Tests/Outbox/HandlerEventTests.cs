using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Coordination;
using Pathway.Domain.Events;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Assessments.Detail;
using Pathway.Web.Features.BreakGlass.Request;
using Pathway.Web.Features.Coordination.Actions;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Infrastructure.UseCases;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Outbox;

/// <summary>
/// Handler by handler (referrals are in <see cref="OutboxTests"/>): doing the action writes exactly its outbox event —
/// type, CRN, detail path, the acting person — with a pending delivery per channel, committed with the change; an action
/// refused or invalid writes none.
/// </summary>
public abstract class HandlerEventTests(AppFixture app)
{
    private const string Reason = "Police report an immediate risk to a child; the offender manager is on leave.";

    [Fact]
    public async Task ReturningAndCountersigningAnAssessment_EachWriteTheirEvent_ARefusalWritesNone()
    {
        var lead = app.World.Users[StaffRole.ClinicalLead];
        var author = app.World.Users[StaffRole.Psychologist].Id;
        var returned = await SubmittedAsync(author);
        var countersigned = await SubmittedAsync(author);
        var own = await SubmittedAsync(lead.Id);

        await using (var s = HandlerScope.As(app, lead, StaffRole.ClinicalLead))
        {
            var before = await EventIdsAsync();
            Assert.IsType<Outcome<Assessment>.Invalid>(await s.Get<CountersignAssessment>().HandleAsync(s.For(app.World.InScope), own.Id, own.Version, [], default));
            Assert.IsType<Outcome<Assessment>.Conflict>(await s.Get<ReturnAssessment>().HandleAsync(s.For(app.World.InScope), returned.Id, returned.Version - 1, [], default));
            Assert.Empty(await NewEventsAsync(before));

            Assert.IsType<Outcome<Assessment>.Done>(await s.Get<ReturnAssessment>().HandleAsync(s.For(app.World.InScope), returned.Id, returned.Version, [], default));
            await AssertOneEventAsync(before, DomainEventTypes.AssessmentReturned, app.World.InScope, $"/cases/{app.World.InScope.Id}/assessments/{returned.Id}", lead.Id,
                returned.Id, author);
            Assert.Equal(AssessmentStatus.Draft, await app.Factory.WithDbAsync(db => db.Assessments.Where(a => a.Id == returned.Id).Select(a => a.Status).SingleAsync()));

            before = await EventIdsAsync();
            Assert.IsType<Outcome<Assessment>.Done>(await s.Get<CountersignAssessment>().HandleAsync(s.For(app.World.InScope), countersigned.Id, countersigned.Version, [], default));
            await AssertOneEventAsync(before, DomainEventTypes.AssessmentCountersigned, app.World.InScope,
                $"/cases/{app.World.InScope.Id}/assessments/{countersigned.Id}", lead.Id, countersigned.Id, author);
        }
    }

    [Fact]
    public async Task OpeningACaseInAnEmergency_WritesItsEventForTheClinicalLead_AnInvalidOrNeedlessRequestWritesNone()
    {
        var om = app.World.Users[StaffRole.OffenderManager];
        await using var s = HandlerScope.As(app, om, StaffRole.OffenderManager);
        var open = s.Get<OpenCaseInEmergency>();
        var before = await EventIdsAsync();
        Assert.IsType<Outcome<EmergencyAccess>.Invalid>(await open.HandleAsync(app.World.OutOfScope.Crn, "Urgent.", s.Who, default));
        Assert.IsType<Outcome<EmergencyAccess>.Invalid>(await open.HandleAsync(app.World.Restricted.Crn, Reason, s.Who, default));
        var needless = Assert.IsType<Outcome<EmergencyAccess>.Done>(await open.HandleAsync(app.World.InScope.Crn, Reason, s.Who, default)).Value;
        Assert.Null(needless.Grant); // a case they can already see: no grant, nothing to review
        Assert.Empty(await NewEventsAsync(before));

        var grant = Assert.IsType<Outcome<EmergencyAccess>.Done>(await open.HandleAsync(app.World.OutOfScope.Crn, Reason, s.Who, default)).Value.Grant!;
        await AssertOneEventAsync(before, DomainEventTypes.BreakGlassGranted, app.World.OutOfScope, "/break-glass/review", om.Id, grant.Id);
        Assert.True(await app.Factory.WithDbAsync(db => db.BreakGlassGrants.AnyAsync(g => g.Id == grant.Id)));
    }

    [Fact]
    public async Task AGroupActionOwnedByStaff_WritesItsEvent_OneOwnedByARepresentativeOrInvalidWritesNone()
    {
        var lead = app.World.Users[StaffRole.ClinicalLead];
        var owner = app.World.Users[StaffRole.Psychologist].Id;
        var (meeting, representative) = await app.Factory.WithDbAsync(async db =>
            (await db.GroupMeetings.Where(m => m.Status != MeetingStatus.MinutesApproved).Select(m => m.Id).FirstAsync(),
             await db.GroupRepresentatives.Select(r => (Guid?)r.Id).FirstOrDefaultAsync()));
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);
        await using var s = HandlerScope.As(app, lead, StaffRole.ClinicalLead);
        var add = s.Get<AddGroupAction>();
        var before = await EventIdsAsync();
        Assert.IsType<Outcome<Guid>.Invalid>(await add.HandleAsync(meeting, new GroupActionDetails("Call the hostel", null, null, owner, null), [], default));
        if (representative is { } rep)
            Assert.IsType<Outcome<Guid>.Done>(await add.HandleAsync(meeting, new GroupActionDetails("Call the hostel", null, rep, null, due), [], default));
        Assert.Empty(await NewEventsAsync(before));

        var id = Assert.IsType<Outcome<Guid>.Done>(await add.HandleAsync(meeting, new GroupActionDetails("Call the hostel", null, null, owner, due), [], default)).Value;
        var e = Assert.Single(await NewEventsAsync(before));
        Assert.Equal((DomainEventTypes.CoordinationActionAssigned, (Guid?)null, (string?)null, "/coordination-group/actions", (Guid?)lead.Id),
            (e.EventType, e.CaseId, e.Crn, e.DetailPath, e.ActorId));
        Assert.Contains(id.ToString(), e.AdditionalInformation, StringComparison.Ordinal);
        Assert.Contains(owner.ToString(), e.AdditionalInformation, StringComparison.Ordinal);
    }

    private Task<Assessment> SubmittedAsync(Guid authorId) => app.Factory.WithDbAsync(async db =>
    {
        var a = new Assessment
        {
            CaseId = app.World.InScope.Id, Status = AssessmentStatus.Submitted, AssessmentDate = new DateOnly(2026, 11, 2), AuthorId = authorId,
            CreatedAt = DateTimeOffset.UtcNow, SubmittedAt = DateTimeOffset.UtcNow,
        };
        a.SeriesId = a.Id;
        db.Assessments.Add(a);
        await db.SaveChangesAsync();
        return a;
    });

    private Task<HashSet<Guid>> EventIdsAsync() => app.Factory.WithDbAsync(async db => (await db.OutboxEvents.Select(e => e.Id).ToListAsync()).ToHashSet());

    private Task<List<OutboxEvent>> NewEventsAsync(HashSet<Guid> before) =>
        app.Factory.WithDbAsync(async db => (await db.OutboxEvents.AsNoTracking().ToListAsync()).Where(e => !before.Contains(e.Id)).ToList());

    /// <summary>Exactly one new event, committed (read through another context) with its deliveries, and the ids it should carry.</summary>
    private async Task AssertOneEventAsync(HashSet<Guid> before, string type, CaseRecord about, string detailPath, Guid actor, params Guid[] carries)
    {
        var e = Assert.Single(await NewEventsAsync(before));
        Assert.Equal((type, about.Id, about.Crn, detailPath, actor), (e.EventType, e.CaseId, e.Crn, e.DetailPath, e.ActorId));
        Assert.All(carries, id => Assert.Contains(id.ToString(), e.AdditionalInformation, StringComparison.Ordinal));
        var channels = await app.Factory.WithDbAsync(db => db.OutboxDeliveries.Where(d => d.EventId == e.Id && d.Status == DeliveryStatus.Pending).Select(d => d.Channel).ToListAsync());
        Assert.Equal(Channels.All.Order(), channels.Order());
    }
}

public sealed class HandlerEventTestsSqlite(SqliteApp app) : HandlerEventTests(app), IClassFixture<SqliteApp>;

public sealed class HandlerEventTestsPostgres(PostgresApp app) : HandlerEventTests(app), IClassFixture<PostgresApp>;
