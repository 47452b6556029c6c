using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Admin.Outbox;

/// <summary>The emails the local sender kept instead of sending (no GOV.UK Notify key configured), newest first.</summary>
[Authorize(Policy = Policies.Administrator)]
[Audited(AuditActions.Admin.SentEmailsList)]
public sealed class SentEmailsModel(PathwayDbContext db, AuditLog audit) : PageModel
{
    public const int Shown = 100;
    public IReadOnlyList<SentEmail> Emails { get; private set; } = [];
    /// <summary>The event type each email came from, by event id (a daily digest has none).</summary>
    public IReadOnlyDictionary<Guid, string> EventTypes { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Emails = await db.SentEmails.AsNoTracking().OrderByDescending(e => e.SentAt).Take(Shown).ToListAsync(ct);
        var ids = Emails.Select(e => e.EventId).OfType<Guid>().Distinct().ToList();
        EventTypes = await db.OutboxEvents.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.EventType, ct);
        await audit.WriteAsync(null, nameof(SentEmail), null, null, ct: ct);
    }
}
