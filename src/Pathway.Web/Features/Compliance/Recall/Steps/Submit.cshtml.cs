using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Recall.Steps;

/// <summary>Step 4: check the answers and send the record to a senior probation officer (<see cref="SubmitForRecallDecision"/>).</summary>
[Authorize(Policy = Policies.ProbationRecorder)]
[Audited(AuditActions.Recall.Submit)]
[CaseScoped(AccessNeed.Edit, EntityType = nameof(RecallConsideration), EntityRouteValue = "considerationId")]
public sealed class SubmitModel(CurrentCase current, SubmitForRecallDecision submit, PathwayDbContext db, AuditLog audit, TimeProvider clock)
    : RecallPageModel(current, db, audit, clock)
{
    [BindProperty] public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid considerationId, CancellationToken ct) =>
        await LoadAsync(considerationId, AuditActions.Recall.Read, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid considerationId, CancellationToken ct) =>
        await PresentAsync(await submit.HandleAsync(Case, considerationId, Version, ct), considerationId,
            "Sent to a senior probation officer for management oversight and a decision", null, ct);
}
