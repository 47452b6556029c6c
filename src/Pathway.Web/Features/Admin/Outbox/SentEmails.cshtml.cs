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

    public async Task OnGetAsync(CancellationToken ct)
    {
        Emails = await db.SentEmails.AsNoTracking().OrderByDescending(e => e.SentAt).Take(Shown).ToListAsync(ct);
        await audit.WriteAsync(null, nameof(SentEmail), null, null, ct: ct);
    }
}
