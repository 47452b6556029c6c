using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Events;
using Pathway.Domain.Referrals;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Referrals.Allocate;
using Pathway.Web.Features.Referrals.Create;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Infrastructure.UseCases;
using Pathway.Web.Tests.Compliance;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Notifications;

/// <summary>
/// Notifications from the outbox: the person the work now waits for gets an in-app notice and (by their choice) an
/// email kept by the local sender, once however often the delivery is repeated; emails carry no names or CRNs; the
/// daily job runs once across instances and sends digests.
/// </summary>
public abstract partial class NotificationTests(AppFixture app)
{
    private static ReferralDetails Referral => new("Escalating anger in supervision", "How should we respond?", "Shouting", null, null, null,
        ReferralUrgency.Soon, SharingBasis.AgreedToSharing, null, null);

    /// <summary>A new case, referred by the offender manager and allocated by the clinical lead to the world's psychologist.</summary>
    private async Task<(Guid CaseId, string Crn, OutboxEvent Allocated)> AllocateAsync()
    {
        var caseId = await ContactTests.NewCaseAsync(app, referred: false);
        int version;
        await using (var om = new HandlerScope(app, StaffRole.OffenderManager, AuditActions.Referral.Create))
            version = Assert.IsType<Outcome<Referral>.Done>(await om.Get<MakeReferral>().HandleAsync(await om.CaseAsync(caseId), Referral, [], default)).Value.Version;
        await using (var lead = new HandlerScope(app, StaffRole.ClinicalLead, AuditActions.Referral.Allocate))
            Assert.IsType<Outcome<Referral>.Done>(await lead.Get<AllocateReferral>()
                .HandleAsync(await lead.CaseAsync(caseId), app.World.Users[StaffRole.Psychologist].Id, version, [], default));
        var e = await app.Factory.WithDbAsync(db => db.OutboxEvents.AsNoTracking().SingleAsync(x => x.CaseId == caseId && x.EventType == DomainEventTypes.ReferralAllocated));
        var crn = await app.Factory.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Crn).SingleAsync());
        return (caseId, crn, e);
    }

    private async Task DispatchAllAsync()
    {
        var dispatcher = app.Factory.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchOnceAsync() > 0) { }
    }

    [Fact]
    public async Task AnAllocation_NotifiesThePsychologist_InAppAndByEmail_OnceHoweverOftenDelivered()
    {
        // The psychologist hears of everything immediately (the default), whatever another test chose for them.
        var psychologistId = app.World.Users[StaffRole.Psychologist].Id;
        await app.Factory.WithDbAsync(db => db.NotificationPreferences.Where(p => p.UserId == psychologistId).ExecuteDeleteAsync());
        var (_, crn, e) = await AllocateAsync();
        await DispatchAllAsync();
        var psychologist = app.World.Users[StaffRole.Psychologist];

        var notices = await app.Factory.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.EventId == e.Id).ToListAsync());
        Assert.Equal(psychologist.Id, Assert.Single(notices).RecipientId);
        Assert.Equal($"/cases/{e.CaseId}/pathway", notices[0].Link);
        var email = Assert.Single(await app.Factory.WithDbAsync(db => db.SentEmails.AsNoTracking().Where(s => s.EventId == e.Id).ToListAsync()));
        Assert.Equal((psychologist.Email, e.Id.ToString()), (email.Recipient, email.Reference));
        Assert.DoesNotContain(crn, email.Personalisation, StringComparison.Ordinal);
        Assert.DoesNotContain("Compliance", email.Personalisation, StringComparison.Ordinal);

        // Delivered again (as after a crash before the commit): nothing new.
        await app.Factory.WithDbAsync(db => db.OutboxDeliveries.Where(d => d.EventId == e.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Pending)));
        await DispatchAllAsync();
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.EventId == e.Id)));
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.SentEmails.CountAsync(s => s.EventId == e.Id)));
    }

    [Fact]
    public async Task AReturnedOrCountersignedAssessment_RecallAdvice_ADecisionToCountersign_AndASignedCarePlan_EachReachThePersonTheWorkNowWaitsFor()
    {
        var w = app.World;
        OutboxEvent Event(string type, StaffRole actor, object additional) => new()
        {
            EventType = type, CaseId = w.InScope.Id, Crn = w.InScope.Crn, DetailPath = "/", ActorId = w.Users[actor].Id,
            AdditionalInformation = System.Text.Json.JsonSerializer.Serialize(additional),
        };
        Task<IReadOnlyList<Guid>> To(OutboxEvent e) => app.Factory.WithDbAsync(db => NotificationRecipients.ForAsync(db, e, default));

        // The clinical lead returns an assessment: its author hears of it.
        Assert.Equal([w.Users[StaffRole.Psychologist].Id],
            await To(Event(DomainEventTypes.AssessmentReturned, StaffRole.ClinicalLead, new { authorId = w.Users[StaffRole.Psychologist].Id })));
        // The psychologist records advice: the offender manager who started the consideration hears of it, not the psychologist.
        Assert.Equal([w.Users[StaffRole.OffenderManager].Id], await To(Event(DomainEventTypes.RecallAdviceGiven, StaffRole.Psychologist,
            new { startedById = w.Users[StaffRole.OffenderManager].Id, offenderManagerId = w.Users[StaffRole.OffenderManager].Id })));
        // A senior probation officer decides to recall: the case team's other senior managers are asked to countersign,
        // never the one who decided.
        var spo = w.Users[StaffRole.SeniorProbationOfficer];
        var other = await app.NewStaffAsync(StaffRole.SeniorProbationOfficer, w.TeamA.Id);
        var askedToCountersign = await To(Event(DomainEventTypes.RecallCountersignatureNeeded, StaffRole.SeniorProbationOfficer, new { }));
        Assert.Contains(other.Id, askedToCountersign);
        Assert.DoesNotContain(spo.Id, askedToCountersign);
        // The clinical lead countersigns an assessment: its author and the case's offender manager, who referred, hear of it.
        var authorAndOffenderManager = new[] { w.Users[StaffRole.Psychologist].Id, w.Users[StaffRole.OffenderManager].Id };
        Assert.Equal(authorAndOffenderManager.Order(), (await To(Event(DomainEventTypes.AssessmentCountersigned, StaffRole.ClinicalLead,
            new { authorId = w.Users[StaffRole.Psychologist].Id, offenderManagerId = w.Users[StaffRole.OffenderManager].Id }))).Order());
        // The psychologist signs a care plan: the case's offender manager, who countersigns it, hears of it; with no offender
        // manager, the case team's senior probation officers do. Never the clinical lead, who cannot countersign a plan.
        Assert.Equal([w.Users[StaffRole.OffenderManager].Id], await To(Event(DomainEventTypes.CarePlanSubmitted, StaffRole.Psychologist,
            new { signedById = w.Users[StaffRole.Psychologist].Id, offenderManagerId = w.Users[StaffRole.OffenderManager].Id })));
        var noOffenderManager = await To(Event(DomainEventTypes.CarePlanSubmitted, StaffRole.Psychologist, new { signedById = w.Users[StaffRole.Psychologist].Id }));
        Assert.Contains(spo.Id, noOffenderManager);
        Assert.DoesNotContain(w.Users[StaffRole.ClinicalLead].Id, noOffenderManager);
    }

    [Fact]
    public async Task InAppOnly_SendsNoEmail_AndTheNotificationsPageMarksRead()
    {
        var psychologist = await app.PagesAsync(StaffRole.Psychologist);
        var fields = Enum.GetValues<NotificationKind>().ToDictionary(k => $"Input[{k}]", _ => "Immediately");
        fields.Remove($"Input[{NotificationKind.Training}]");
        var missing = await AppFixture.PostFormAsync(psychologist, "/account/notifications", fields);
        Assert.Contains("Choose how to hear about training", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        fields[$"Input[{NotificationKind.Training}]"] = "Immediately";
        fields[$"Input[{NotificationKind.Referrals}]"] = "InAppOnly";
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(psychologist, "/account/notifications", fields)).StatusCode);

        var (_, _, e) = await AllocateAsync();
        await DispatchAllAsync();
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.EventId == e.Id)));
        Assert.Equal(0, await app.Factory.WithDbAsync(db => db.SentEmails.CountAsync(s => s.EventId == e.Id)));

        var page = await (await psychologist.GetAsync("/notifications")).Content.ReadAsStringAsync();
        Assert.Contains("A referral has been allocated to you.", page, StringComparison.Ordinal);
        Assert.Matches(UnreadCount(), page);
        var read = await AppFixture.PostFormAsync(psychologist, "/notifications?handler=Read", [], "/notifications");
        Assert.True(read.StatusCode == HttpStatusCode.Redirect, $"{read.StatusCode} {read.Headers.Location} {await read.Content.ReadAsStringAsync()}");
        Assert.Equal(0, await app.Factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.RecipientId == app.World.Users[StaffRole.Psychologist].Id && n.ReadAt == null)));
        var after = await (await psychologist.GetAsync("/notifications")).Content.ReadAsStringAsync();
        Assert.DoesNotMatch(UnreadCount(), after);
        Assert.Equal(0, await app.Factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.RecipientId == app.World.Users[StaffRole.Psychologist].Id && n.ReadAt == null)));
    }

    [Fact]
    public async Task EveryEmailTemplate_CarriesNoNameOrCrn_OnlyASentenceAndALink()
    {
        var options = app.Factory.Services.GetRequiredService<IOptions<NotifyOptions>>().Value;
        var people = await app.Factory.WithDbAsync(async db =>
            (await db.Cases.AsNoTracking().Select(c => new[] { c.Crn, c.GivenName, c.FamilyName }).ToListAsync()).SelectMany(x => x).ToHashSet());
        var sentences = DomainEventTypes.All.Select(t => t.Notice).Append("You have 3 new notifications in Pathway.");
        foreach (var sentence in sentences)
        {
            var p = EmailChannel.Personalisation(sentence, options);
            Assert.Equal(["link", "message"], p.Keys.Order());
            Assert.EndsWith("/notifications", p["link"]);
            Assert.DoesNotMatch(Crn(), p["message"]);
            Assert.DoesNotContain(people, name => p["message"].Contains(name, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TheDailyJob_RunsOnceAcrossInstances_AndSendsADigest()
    {
        var user = app.World.Users[StaffRole.SeniorProbationOfficer];
        await app.Factory.WithDbAsync(async db =>
        {
            var e = new OutboxEvent { EventType = DomainEventTypes.RecallDecisionNeeded, OccurredAt = DateTimeOffset.UtcNow, DetailPath = "/recall" };
            db.OutboxEvents.Add(e);
            db.Notifications.Add(new Notification
            {
                RecipientId = user.Id, EventId = e.Id, EventType = e.EventType, Kind = NotificationKind.Recall, Text = "x", Link = "/recall", CreatedAt = e.OccurredAt,
            });
            db.NotificationPreferences.Add(new NotificationPreference { UserId = user.Id, Kind = NotificationKind.Recall, Mode = NotificationMode.DailyDigest });
            await db.SaveChangesAsync();
        });

        // Two instances at once: one runs the job, the other finds it taken; later the same day, neither runs it.
        DailyReminders Instance() => ActivatorUtilities.CreateInstance<DailyReminders>(app.Factory.Services);
        var ran = await Task.WhenAll(Instance().RunIfDueAsync(), Instance().RunIfDueAsync());
        Assert.Equal(1, ran.Count(r => r));
        Assert.False(await Instance().RunIfDueAsync());

        var digest = Assert.Single(await app.Factory.WithDbAsync(db => db.SentEmails.AsNoTracking().Where(s => s.Recipient == user.Email && s.Reference.StartsWith("digest-")).ToListAsync()));
        Assert.Contains("1 new notification", digest.Personalisation, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-testid=\"unread-count\"")]
    private static partial Regex UnreadCount();

    [GeneratedRegex("[A-Z][0-9]{6}")]
    private static partial Regex Crn();
}

public sealed class NotificationTestsSqlite(SqliteApp app) : NotificationTests(app), IClassFixture<SqliteApp>;

public sealed class NotificationTestsPostgres(PostgresApp app) : NotificationTests(app), IClassFixture<PostgresApp>;
