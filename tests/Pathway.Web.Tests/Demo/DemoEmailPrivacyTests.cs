using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pathway.Data.Entities;
using Pathway.Domain.Events;
using Pathway.Domain.Staff;
using Pathway.Web.Infrastructure.Outbox;

namespace Pathway.Web.Tests.Demo;

/// <summary>
/// Emails carry no personal data, checked over the seeded demo. The rule: a Notify email says the event catalogue's
/// generic sentence (or the digest's count) and links to <c>/notifications</c>, and nothing else: no person on
/// probation's name, CRN, PNC number, date of birth or postcode, and no member of staff's name either (not the one who
/// acted, not the recipient, whose address is only where it goes). The Notify templates' own subject and body are fixed
/// text with the two fields <c>((message))</c> and <c>((link))</c>, so what Pathway sends is all that varies.
/// Every event type is raised about every demo case, with the case's own staff as the people it names, the daily job
/// runs over the demo (its reminders and a digest for everyone), and every email the email channel made is searched for
/// every demo person's details, read from the database.
/// </summary>
public sealed partial class DemoEmailPrivacyTests(SeededDemo demo) : IClassFixture<SeededDemo>
{
    [Fact]
    public async Task NoEmail_OverTheDemo_HoldsAPersonsNameCrnPncDateOfBirthOrPostcode_OrAStaffName()
    {
        var services = demo.Factory.Services;
        await WithDbAsync(db => db.NotificationPreferences.ExecuteDeleteAsync()); // everyone hears of everything at once

        // The daily job over the demo as seeded: its reminders are the demo's own.
        DailyReminders Job() => ActivatorUtilities.CreateInstance<DailyReminders>(services);
        Assert.True(await Job().RunIfDueAsync());
        var reminders = await WithDbAsync(db => db.OutboxEvents.AsNoTracking().Select(e => e.EventType).Distinct().ToListAsync());
        // Lee Campbell's care-plan review is due in five days; the clinical lead's group action is a week overdue.
        Assert.Contains(DomainEventTypes.TrainingExpiring, reminders);
        Assert.Contains(DomainEventTypes.CarePlanReviewDue, reminders);
        Assert.Contains(DomainEventTypes.CoordinationActionOverdue, reminders);
        Assert.All(reminders, r => Assert.True(DomainEventTypes.Get(r).IsReminder, r));

        // Every event type about every demo case, naming the case's own staff.
        await WithDbAsync(async db =>
        {
            var partnerRole = await db.Roles.Where(r => r.Name == nameof(StaffRole.PartnerAgency)).Select(r => r.Id).SingleAsync();
            var partnerTeam = await db.Users.Where(u => u.TeamId != null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == partnerRole))
                .Select(u => u.TeamId).FirstAsync();
            var now = DateTimeOffset.UtcNow;
            foreach (var c in await db.Cases.AsNoTracking().ToListAsync())
            {
                var info = JsonSerializer.Serialize(new
                {
                    psychologistId = c.PsychologistId, offenderManagerId = c.OffenderManagerId, authorId = c.PsychologistId, signedById = c.PsychologistId,
                    ownerId = c.ApKeyworkerId ?? c.OffenderManagerId, startedById = c.OffenderManagerId, referredById = c.OffenderManagerId,
                    partnerTeamId = partnerTeam, userId = c.OffenderManagerId, caseId = c.Id,
                });
                foreach (var type in DomainEventTypes.All)
                    DomainEvents.Stage(db, new OutboxEvent
                    {
                        EventType = type.Name, OccurredAt = now, CaseId = c.Id, Crn = c.Crn, DetailPath = $"/cases/{c.Id}", AdditionalInformation = info,
                    }, now);
            }
            await db.SaveChangesAsync();
        });
        var dispatcher = new OutboxDispatcher(services.GetRequiredService<IServiceScopeFactory>(), services.GetServices<IDeliveryChannel>(),
            Options.Create(new OutboxOptions { BatchSize = 200 }), TimeProvider.System, NullLogger<OutboxDispatcher>.Instance);
        while (await dispatcher.DispatchOnceAsync() > 0) { }

        // Then everyone chooses a daily digest, and the job runs again (its lease reset): a digest each.
        await WithDbAsync(async db =>
        {
            foreach (var id in await db.Users.Select(u => u.Id).ToListAsync())
                foreach (var kind in Enum.GetValues<NotificationKind>())
                    db.NotificationPreferences.Add(new NotificationPreference { UserId = id, Kind = kind, Mode = NotificationMode.DailyDigest });
            await db.SaveChangesAsync();
            await db.JobLeases.ExecuteDeleteAsync();
        });
        Assert.True(await Job().RunIfDueAsync());

        var emails = await WithDbAsync(db => db.SentEmails.AsNoTracking().ToListAsync());
        var typesEmailed = await WithDbAsync(db => db.OutboxEvents.Where(e => db.SentEmails.Any(s => s.EventId == e.Id)).Select(e => e.EventType).Distinct().ToListAsync());
        Assert.Equal(DomainEventTypes.All.Select(t => t.Name).Order(), typesEmailed.Order()); // every template sentence was sent
        Assert.Contains(emails, s => s.EventId == null && s.Reference.StartsWith("digest-", StringComparison.Ordinal));

        var forbidden = await ForbiddenWordsAsync();
        var options = services.GetRequiredService<IOptions<NotifyOptions>>().Value;
        var allowed = DomainEventTypes.All.Select(t => t.Notice).ToHashSet(StringComparer.Ordinal);
        foreach (var email in emails)
        {
            var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(email.Personalisation)!;
            Assert.Equal(["link", "message"], fields.Keys.Order());
            Assert.Equal(options.BaseUrl.TrimEnd('/') + "/notifications", fields["link"]);
            Assert.True(allowed.Contains(fields["message"]) || Digest().IsMatch(fields["message"]), fields["message"]);
            foreach (var text in fields.Values.Append(email.TemplateId).Append(email.Reference))
            {
                var words = Words().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var leaked = forbidden.Where(f => words.Contains(f) || (f.Contains(' ', StringComparison.Ordinal) && text.Contains(f, StringComparison.OrdinalIgnoreCase))).ToList();
                Assert.True(leaked.Count == 0, $"An email to {email.Recipient} holds {string.Join(", ", leaked)}: {text}");
            }
        }
    }

    /// <summary>Every demo person's names, CRN, PNC, postcode and date of birth (as dates are written), and every member of staff's names.</summary>
    private Task<HashSet<string>> ForbiddenWordsAsync() => WithDbAsync(async db =>
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in await db.Cases.AsNoTracking().ToListAsync())
        {
            words.UnionWith(Words().Matches($"{c.GivenName} {c.FamilyName}").Select(m => m.Value));
            words.Add(c.Crn);
            if (c.PncNumber is { } pnc) words.Add(pnc);
            if (c.Postcode is { } postcode) words.Add(postcode);
            foreach (var format in new[] { "yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "dd/MM/yyyy", "d/M/yyyy" })
                words.Add(c.DateOfBirth.ToString(format, CultureInfo.InvariantCulture));
        }
        foreach (var name in await db.Users.Select(u => u.DisplayName).ToListAsync())
            words.UnionWith(Words().Matches(name).Select(m => m.Value));
        words.RemoveWhere(w => w.Length < 2);
        Assert.True(words.Count > 100, "the demo's people were read");
        return words;
    });

    private async Task<T> WithDbAsync<T>(Func<Pathway.Data.PathwayDbContext, Task<T>> work) => await demo.ReadAsync(work);

    private async Task WithDbAsync(Func<Pathway.Data.PathwayDbContext, Task> work) => await demo.ReadAsync(async db =>
    {
        await work(db);
        return true;
    });

    [GeneratedRegex(@"[\p{L}\p{N}'’/-]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^You have \d+ new notifications? in Pathway\.$")]
    private static partial Regex Digest();
}
