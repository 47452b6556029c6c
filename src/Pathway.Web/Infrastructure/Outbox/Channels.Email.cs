using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Events;

namespace Pathway.Web.Infrastructure.Outbox;

/// <summary>GOV.UK Notify settings (<c>Notify:*</c>). With no <see cref="ApiKey"/>, emails are kept by <see cref="LocalEmailSender"/>.</summary>
public sealed class NotifyOptions
{
    public const string Section = "Notify";
    public string? ApiKey { get; set; }
    /// <summary>The Notify API's address: the real service unless a test or a stand-in says otherwise.</summary>
    public string ApiUrl { get; set; } = "https://api.notifications.service.gov.uk";
    /// <summary>The address people open Pathway at, for the link in an email (for example <c>https://pathway.example.org</c>).</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";
    /// <summary>Notify template ids: <c>Notification</c> (one piece of work) and <c>Digest</c> (the daily summary).</summary>
    public Dictionary<string, string> Templates { get; set; } = new(StringComparer.Ordinal)
    {
        ["Notification"] = "pathway-notification",
        ["Digest"] = "pathway-daily-digest",
    };

    /// <summary>
    /// With a key set, what Notify would refuse is refused at start-up instead: a key not in Notify's
    /// <c>name-serviceId-secret</c> form (both UUIDs), a template id that is not a UUID, an API address that is not http(s).
    /// </summary>
    public bool IsUsable() =>
        string.IsNullOrWhiteSpace(ApiKey)
        || (ApiKey.Length > 74 && ApiKey[^74] == '-' && ApiKey[^37] == '-' && Guid.TryParse(ApiKey[^73..^37], out _) && Guid.TryParse(ApiKey[^36..], out _)
            && Templates.Count >= 2 && Templates.Values.All(id => Guid.TryParse(id, out _))
            && Uri.TryCreate(ApiUrl, UriKind.Absolute, out var api) && api.Scheme is "https" or "http");

    public string Template(string name) => Templates.TryGetValue(name, out var id) ? id : throw new InvalidOperationException($"Notify:Templates:{name} is not set.");
}

/// <summary>Sends one email through a template. <paramref name="reference"/> identifies it: the same reference and address is one email.</summary>
public interface IEmailSender
{
    Task SendAsync(PathwayDbContext db, string email, string templateId, IReadOnlyDictionary<string, string> personalisation, string reference,
        Guid? eventId, CancellationToken ct);
}

/// <summary>
/// The email channel: each recipient who chose to hear immediately about this kind of work gets an email with a
/// generic sentence and a link to their notifications (never names, CRNs or clinical content). The event id is the
/// reference, so a repeated delivery is recognised.
/// </summary>
public sealed class EmailChannel(IEmailSender sender, IOptions<NotifyOptions> options) : IDeliveryChannel
{
    public string Name => Channels.Email;

    public async Task DeliverAsync(PathwayDbContext db, OutboxEvent e, CancellationToken ct)
    {
        var type = DomainEventTypes.Get(e.EventType);
        var recipients = await NotificationRecipients.ForAsync(db, e, ct);
        if (recipients.Count == 0) return;
        var chosen = await db.NotificationPreferences.Where(p => recipients.Contains(p.UserId) && p.Kind == type.Kind)
            .ToDictionaryAsync(p => p.UserId, p => p.Mode, ct);
        var immediate = recipients.Where(r => chosen.GetValueOrDefault(r, NotificationMode.Immediately) == NotificationMode.Immediately).ToList();
        var emails = await db.Users.Where(u => immediate.Contains(u.Id) && u.Email != null).Select(u => u.Email!).ToListAsync(ct);
        foreach (var email in emails)
            await sender.SendAsync(db, email, options.Value.Template("Notification"), Personalisation(type.Notice, options.Value), e.Id.ToString(), e.Id, ct);
    }

    /// <summary>What a notification email says: the event type's sentence and a link to the person's notifications.</summary>
    public static IReadOnlyDictionary<string, string> Personalisation(string sentence, NotifyOptions o) =>
        new Dictionary<string, string>(StringComparer.Ordinal) { ["message"] = sentence, ["link"] = o.BaseUrl.TrimEnd('/') + "/notifications" };
}
