using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Recall;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Recall.Decision;

/// <summary>
/// The form for <see cref="DecideRecall"/>: management oversight and the decision, by a senior probation officer only.
/// Fixed-term suitability is shown with its reasons; choosing fixed-term where the facts exclude it is refused with them.
/// </summary>
[Authorize(Policy = Policies.RecallDecider)]
[Audited(AuditActions.Recall.Decide)]
[CaseScoped(AccessNeed.Edit, EntityType = nameof(RecallConsideration), EntityRouteValue = "considerationId")]
public sealed class DecideModel(CurrentCase current, DecideRecall decide, PathwayDbContext db, AuditLog audit, TimeProvider clock)
    : RecallPageModel(current, db, audit, clock)
{
    public sealed class Form
    {
        public string? Decision { get; set; }
        public string? OversightRationale { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid considerationId, CancellationToken ct) =>
        await LoadAsync(considerationId, AuditActions.Recall.Read, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid considerationId, CancellationToken ct)
    {
        var decision = Enum.TryParse<RecallDecisionKind>(Input.Decision, out var d) && Enum.IsDefined(d) ? d : (RecallDecisionKind?)null;
        var outcome = await decide.HandleAsync(Case, considerationId, new DecisionInput(decision, Input.OversightRationale), Input.Version, [], ct);
        var success = decision == RecallDecisionKind.NoRecall
            ? "Decision recorded: no recall. The letter to the person is ready"
            : "Decision recorded. A second senior probation officer must countersign it";
        return await PresentAsync(outcome, considerationId, success, null, ct);
    }
}
