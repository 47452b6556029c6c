using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Referrals;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Consultations.List;

/// <summary>A case's consultations, newest first, with how many actions are still open.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Consultation.List)]
[CaseScoped(AccessNeed.Read, EntityType = "ConsultationList")]
public sealed class ListModel(CurrentCase current, PathwayDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, DateOnly HeldOn, string Advice, int Attendees, int OpenActions, int OverdueActions, DateOnly? Next);

    public CaseHeader Header => current.Context.Header(CaseTab.Consultations);
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = current.Context.Id;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Rows = await db.Consultations.AsNoTracking().Where(x => x.CaseId == id).OrderByDescending(x => x.HeldOn).ThenByDescending(x => x.CreatedAt)
            .Select(x => new Row(x.Id, x.HeldOn, x.Advice, x.Attendees.Count, x.Actions.Count(a => a.CompletedAt == null),
                x.Actions.Count(a => a.CompletedAt == null && a.DueOn < today), x.NextConsultationOn))
            .ToListAsync(ct);
        CanRecord = current.Context.Can.Edit && await ReferralQueries.OpenAsync(db.Referrals.AsNoTracking(), id, ct) is not null;
    }
}
