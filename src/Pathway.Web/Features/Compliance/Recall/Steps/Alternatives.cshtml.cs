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

/// <summary>
/// The form for <see cref="RecordAlternativesToRecall"/> (step 2), with the care plan's contingency section shown in
/// full. That section is free text, so the officer ticks which of the standard alternatives it agrees — the page never
/// guesses — and those not yet tried are then put in front of everyone who opens the record.
/// </summary>
[Authorize(Policy = Policies.ProbationRecorder)]
[Audited(AuditActions.Recall.Update)]
[CaseScoped(AccessNeed.Edit, EntityType = nameof(RecallConsideration), EntityRouteValue = "considerationId")]
public sealed class AlternativesModel(CurrentCase current, RecordAlternativesToRecall record, PathwayDbContext db, AuditLog audit, TimeProvider clock)
    : RecallPageModel(current, db, audit, clock)
{
    public const string NotTried = "";

    public sealed class Row
    {
        public string? Alternative { get; set; }
        public string? Outcome { get; set; }
        public string? Details { get; set; }
    }

    public sealed class Form
    {
        public List<Row> Tried { get; set; } = [];
        public string? NoAlternativesReason { get; set; }
        public List<string> Agreed { get; set; } = [];
        public int? Version { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid considerationId, CancellationToken ct)
    {
        if (!await LoadAsync(considerationId, AuditActions.Recall.Read, ct)) return NotFound();
        Input = new Form
        {
            Tried = Enum.GetValues<AlternativeToRecall>().Select(a => Record.AlternativesTried.FirstOrDefault(t => t.Alternative == a) is { } t
                ? new Row { Alternative = a.ToString(), Outcome = t.Outcome.ToString(), Details = t.Details }
                : new Row { Alternative = a.ToString(), Outcome = NotTried }).ToList(),
            NoAlternativesReason = Record.NoAlternativesReason,
            Agreed = RecallText.ParseList(Record.ContingencyAlternatives).Select(a => a.ToString()).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid considerationId, CancellationToken ct)
    {
        var tried = new List<AlternativeInput>();
        foreach (var row in Input.Tried)
        {
            if (!Enum.TryParse<AlternativeToRecall>(row.Alternative, out var a) || !Enum.IsDefined(a)) continue;
            if (string.IsNullOrEmpty(row.Outcome)) continue; // not tried
            if (!Enum.TryParse<AlternativeOutcome>(row.Outcome, out var o) || !Enum.IsDefined(o)) continue;
            tried.Add(new(a, o, row.Details));
        }
        var agreed = Input.Agreed.Select(s => Enum.TryParse<AlternativeToRecall>(s, out var a) && Enum.IsDefined(a) ? (AlternativeToRecall?)a : null)
            .OfType<AlternativeToRecall>().ToList();
        var outcome = await record.HandleAsync(Case, considerationId, new AlternativesInput(tried, Input.NoAlternativesReason, agreed), Input.Version, [], ct);
        return await PresentAsync(outcome, considerationId, "Alternatives to recall: saved", null, ct);
    }
}
