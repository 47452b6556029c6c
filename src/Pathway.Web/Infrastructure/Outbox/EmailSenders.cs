using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notify.Client;
using Pathway.Data;
using Pathway.Data.Entities;

namespace Pathway.Web.Infrastructure.Outbox;

/// <summary>
/// Keeps each email instead of sending it (no <c>Notify:ApiKey</c>: development, the demo and tests); administrators
/// read them at <c>/manage/sent-emails</c>. The same reference to the same address is kept once.
/// </summary>
public sealed class LocalEmailSender(TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(PathwayDbContext db, string email, string templateId, IReadOnlyDictionary<string, string> personalisation, string reference,
        Guid? eventId, CancellationToken ct)
    {
        if (await db.SentEmails.AnyAsync(s => s.Reference == reference && s.Recipient == email, ct)) return;
        db.SentEmails.Add(new SentEmail
        {
            Recipient = email, TemplateId = templateId, Personalisation = JsonSerializer.Serialize(personalisation), Reference = reference,
            EventId = eventId, SentAt = clock.GetUtcNow(),
        });
    }
}

/// <summary>
/// Sends through GOV.UK Notify. Before sending it asks Notify for an email already sent with this reference, so a
/// delivery repeated after a crash does not email twice (the reference is the event id, or the digest's).
/// </summary>
public sealed class NotifyEmailSender(IOptions<NotifyOptions> options) : IEmailSender
{
    private readonly NotificationClient _client = new(options.Value.ApiUrl, options.Value.ApiKey);

    public async Task SendAsync(PathwayDbContext db, string email, string templateId, IReadOnlyDictionary<string, string> personalisation, string reference,
        Guid? eventId, CancellationToken ct)
    {
        var reused = await _client.GetNotificationsAsync(templateType: "email", reference: reference);
        if (reused.notifications.Any(n => string.Equals(n.emailAddress, email, StringComparison.OrdinalIgnoreCase))) return;
        await _client.SendEmailAsync(email, templateId, personalisation.ToDictionary(p => p.Key, p => (dynamic)p.Value), reference);
    }
}
