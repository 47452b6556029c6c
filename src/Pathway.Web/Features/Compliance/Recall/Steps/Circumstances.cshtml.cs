using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pathway.Data;
using Pathway.Domain.Recall;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Compliance.Recall.Steps;

/// <summary>Step 1: why recall is being considered, what happened, current risk, the breached conditions and the charge/offence facts.</summary>
[Authorize(Policy = Policies.ProbationRecorder)]
[Audited("recall.update")]
public sealed class CircumstancesModel(CaseAccess access, RecallCommands commands, PathwayDbContext db, AuditLog audit, TimeProvider clock)
    : RecallPageModel(access, db, audit, clock)
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

    public async Task<IActionResult> OnGetAsync(Guid id, Guid considerationId, CancellationToken ct)
    {
        if (await LoadAsync(id, considerationId, AccessNeed.Edit, false, "recall.read", ct) is null) return NotFound();
        Input = new Form
        {
            Concern = Record.Concern?.ToString(), Circumstances = Record.Circumstances, RiskSummary = Record.RiskSummary,
            Conditions = Record.BreachedConditions.Select(b => b.Ref).ToList(),
            Facts = [.. Record.RecalledBecauseOfCharge ? ["charge"] : Array.Empty<string>(), .. Record.ChargedWithSeriousOffence ? ["serious-charge"] : Array.Empty<string>(), .. Record.Schedule19AAOffence ? ["schedule19aa"] : Array.Empty<string>(),
                .. Record.TerroristOffence ? ["terrorist"] : Array.Empty<string>()],
        };
        Choices = await CurrentLicenceConditions.LoadAsync(Db, id, Today, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid considerationId, CancellationToken ct)
    {
        if (await LoadAsync(id, considerationId, AccessNeed.Edit, true, null, ct) is not var (c, r)) return NotFound();
        Choices = await CurrentLicenceConditions.LoadAsync(Db, id, Today, ct);
        var input = new CircumstancesInput(
            Enum.TryParse<RecallConcern>(Input.Concern, out var concern) && Enum.IsDefined(concern) ? concern : null,
            Input.Circumstances, Input.RiskSummary, Input.Facts.Contains("charge"), Input.Facts.Contains("schedule19aa"), Input.Facts.Contains("terrorist"), Input.Conditions,
            Input.Facts.Contains("serious-charge"));
        var result = await commands.SaveCircumstancesAsync(c, r, input, Input.Version, ct);
        return await AfterAsync(result, c, considerationId, "Why recall is being considered: saved", null, ct);
    }
}
