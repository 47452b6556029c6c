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

namespace Pathway.Web.Features.Compliance.Recall.Steps;

/// <summary>The form for <see cref="RecordRecallCircumstances"/> (step 1).</summary>
[Authorize(Policy = Policies.ProbationRecorder)]
[Audited(AuditActions.Recall.Update)]
[CaseScoped(AccessNeed.Edit, EntityType = nameof(RecallConsideration), EntityRouteValue = "considerationId")]
public sealed class CircumstancesModel(CurrentCase current, RecordRecallCircumstances record, PathwayDbContext db, AuditLog audit, TimeProvider clock)
    : RecallPageModel(current, db, audit, clock)
{
    public sealed class Form
    {
        public string? Concern { get; set; }
        public string? Circumstances { get; set; }
        public string? RiskSummary { get; set; }
        public List<string> Conditions { get; set; } = [];
        public List<string> Facts { get; set; } = [];
        public int? Version { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();
    public CurrentLicenceConditions Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid considerationId, CancellationToken ct)
    {
        if (!await LoadAsync(considerationId, AuditActions.Recall.Read, ct)) return NotFound();
        Input = new Form
        {
            Concern = Record.Concern?.ToString(), Circumstances = Record.Circumstances, RiskSummary = Record.RiskSummary,
            Conditions = Record.BreachedConditions.Select(b => b.Ref).ToList(),
            Facts = [.. Record.RecalledBecauseOfCharge ? ["charge"] : Array.Empty<string>(), .. Record.ChargedWithSeriousOffence ? ["serious-charge"] : Array.Empty<string>(), .. Record.Schedule19AAOffence ? ["schedule19aa"] : Array.Empty<string>(),
                .. Record.TerroristOffence ? ["terrorist"] : Array.Empty<string>()],
        };
        await ChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid considerationId, CancellationToken ct)
    {
        var input = new CircumstancesInput(
            Enum.TryParse<RecallConcern>(Input.Concern, out var concern) && Enum.IsDefined(concern) ? concern : null,
            Input.Circumstances, Input.RiskSummary, Input.Facts.Contains("charge"), Input.Facts.Contains("schedule19aa"), Input.Facts.Contains("terrorist"), Input.Conditions,
            Input.Facts.Contains("serious-charge"));
        var outcome = await record.HandleAsync(Case, considerationId, input, Input.Version, [], ct);
        return await PresentAsync(outcome, considerationId, "Why recall is being considered: saved", null, ct, () => ChoicesAsync(ct));
    }

    private async Task ChoicesAsync(CancellationToken ct) => Choices = await CurrentLicenceConditions.LoadAsync(Db, Case.Id, Today, ct);
}
