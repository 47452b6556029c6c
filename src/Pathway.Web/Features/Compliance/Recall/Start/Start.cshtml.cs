using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Compliance;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Compliance.Signals;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Recall.Start;

/// <summary>The form for <see cref="StartRecallConsideration"/>: the signal and its prompts first, then one button. One open consideration per case.</summary>
[Authorize(Policy = Policies.ProbationRecorder)]
[Audited(AuditActions.Recall.Create)]
[CaseScoped(AccessNeed.Edit, ReadActionOnGet = AuditActions.Compliance.Read)]
public sealed class StartModel(CurrentCase current, StartRecallConsideration start, PathwayDbContext db, TimeProvider clock) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.Compliance);
    public IReadOnlyList<FiredRule> Signals { get; private set; } = [];
    public Guid? OpenId { get; private set; }
    /// <summary>The licence standing today, so the page says up front when there is no licence to recall from.</summary>
    public LicenceOnDate? Standing { get; private set; }
    [BindProperty] public string? Concern { get; set; }

    public Task OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var concern = Enum.TryParse<RecallConcern>(Concern, out var x) && Enum.IsDefined(x) ? x : (RecallConcern?)null;
        var outcome = await start.HandleAsync(current.Context, concern, [], ct);
        // The concern is the form's one field; anything else (no licence, one already open) is about the case.
        if (outcome is Outcome<Data.Entities.RecallConsideration>.Invalid i)
            outcome = Outcome.Invalid<Data.Entities.RecallConsideration>(i.Errors.Select(e => e.Field == "Concern" ? e : e with { Field = "" }).ToList());
        return await this.PresentAsync(outcome, r => Redirect($"/cases/{r.CaseId}/recall/{r.Id}"), () => ShowAsync(ct), prefix: "");
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        var caseId = current.Context.Id;
        var today = ComplianceEndpoints.Today(clock);
        Signals = await CaseSignals.ForCaseAsync(db, caseId, today, ct);
        Standing = await RecallFacts.LicenceOnAsync(db, caseId, today, ct);
        OpenId = await db.RecallConsiderations.AsNoTracking().Where(r => r.CaseId == caseId && r.Status != RecallConsiderationStatus.Decided)
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
    }
}
