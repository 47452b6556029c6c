using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.Events;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Notifications;

/// <summary>
/// Saves how the person hears about each kind of work: an email immediately, a daily digest email, or in Pathway only.
/// Every kind must be answered with one of the three.
/// </summary>
public sealed class SaveNotificationPreferences(PathwayDbContext db, AuditLog audit)
{
    public async Task<Outcome<int>> HandleAsync(StaffContext who, IReadOnlyDictionary<NotificationKind, string?> chosen, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var modes = new Dictionary<NotificationKind, NotificationMode>();
        foreach (var kind in Enum.GetValues<NotificationKind>())
        {
            if (chosen.TryGetValue(kind, out var v) && Enum.TryParse<NotificationMode>(v, out var mode) && Enum.IsDefined(mode)) modes[kind] = mode;
            else errors.Add(new(kind.ToString(), $"Choose how to hear about {NotificationsModel.KindName(kind).ToLowerInvariant()}"));
        }
        if (errors.Count > 0) return Outcome.Invalid<int>(errors);
        var existing = await db.NotificationPreferences.Where(p => p.UserId == who.UserId).ToListAsync(ct);
        foreach (var (kind, mode) in modes)
        {
            if (existing.FirstOrDefault(p => p.Kind == kind) is { } row) row.Mode = mode;
            else db.NotificationPreferences.Add(new NotificationPreference { UserId = who.UserId, Kind = kind, Mode = mode });
        }
        audit.Add(AuditActions.Account.NotificationsUpdate, "NotificationPreference", who.UserId, null, reason: "preferences");
        await db.SaveChangesAsync(ct);
        return modes.Count;
    }
}
