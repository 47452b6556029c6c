using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Recall.Decision;

/// <summary>The form for <see cref="CountersignRecallDecision"/>: a second senior probation officer (not the one who decided) countersigns.</summary>
[Authorize(Policy = Policies.RecallDecider)]
[Audited(AuditActions.Recall.Countersign)]
[CaseScoped(AccessNeed.Edit, EntityType = nameof(RecallConsideration), EntityRouteValue = "considerationId")]
public sealed class CountersignModel(CurrentCase current, CountersignRecallDecision countersign, PathwayDbContext db, AuditLog audit, TimeProvider clock)
    : RecallPageModel(current, db, audit, clock)
{
    [BindProperty] public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid considerationId, CancellationToken ct) =>
        await LoadAsync(considerationId, AuditActions.Recall.Read, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid considerationId, CancellationToken ct) =>
        await PresentAsync(await countersign.HandleAsync(Case, considerationId, Version, ct), considerationId, "Recall decision countersigned", null, ct);
}
