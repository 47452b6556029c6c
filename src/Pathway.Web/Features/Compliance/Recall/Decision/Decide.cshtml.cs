using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pathway.Data;
using Pathway.Domain.Recall;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Compliance.Recall.Decision;

/// <summary>
/// Management oversight and the decision, by a senior probation officer only. Fixed-term suitability is shown with its
/// reasons; choosing fixed-term where the facts exclude it is refused with those reasons.
/// </summary>
[Authorize(Policy = Policies.RecallDecider)]
[Audited("recall.decide")]
public sealed class DecideModel(CaseAccess access, RecallCommands commands, PathwayDbContext db, AuditLog audit, TimeProvider clock)
    : RecallPageModel(access, db, audit, clock)
{
    public sealed class Form
    {
        public string? Decision { get; set; }
        public string? OversightRationale { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid considerationId, CancellationToken ct) =>
        await LoadAsync(id, considerationId, AccessNeed.Edit, false, "recall.read", ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid considerationId, CancellationToken ct)
    {
        if (await LoadAsync(id, considerationId, AccessNeed.Edit, true, null, ct) is not var (c, r)) return NotFound();
        var decision = Enum.TryParse<RecallDecisionKind>(Input.Decision, out var d) && Enum.IsDefined(d) ? d : (RecallDecisionKind?)null;
        var result = await commands.DecideAsync(c, r, Facts, Who, new DecisionInput(decision, Input.OversightRationale), Input.Version, ct);
        var success = decision == RecallDecisionKind.NoRecall
            ? "Decision recorded: no recall. The letter to the person is ready"
            : "Decision recorded. A second senior probation officer must countersign it";
        return await AfterAsync(result, c, considerationId, success, null, ct);
    }
}
