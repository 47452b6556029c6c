using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Screening.List;

/// <summary>A case's screening responses, newest first. Anyone who may read the case sees results; recorders may start one.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Screening.List)]
[CaseScoped(AccessNeed.Read, EntityType = "InstrumentResponseList")]
public sealed class ListModel(CurrentCase current, PathwayDbContext db) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.Screening);
    public IReadOnlyList<InstrumentResponse> Responses { get; private set; } = [];
    public bool CanRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = current.Context.Id;
        CanRecord = ScreeningResponses.MayRecord(current.Context.Who) && current.Context.Can.Edit;
        Responses = await db.InstrumentResponses.AsNoTracking().Include(r => r.Definition)
            .Where(r => r.CaseId == id).OrderByDescending(r => r.StartedAt).ToListAsync(ct);
    }
}
