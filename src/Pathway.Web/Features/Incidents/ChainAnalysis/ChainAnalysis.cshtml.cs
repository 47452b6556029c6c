using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data.Entities;
using Pathway.Domain.Incidents;
using Pathway.Domain.Licences;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;
using Entity = Pathway.Data.Entities.ChainAnalysis;
using Pathway.Domain.Auditing;
using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Incidents.ChainAnalysis;

/// <summary>
/// Writes an incident's behaviour chain analysis, step by step, through <see cref="SaveChainAnalysis"/>,
/// <see cref="EditChainLinks"/> and <see cref="CompleteChainAnalysis"/>. Links are added, removed and moved up or down
/// with plain form posts (no JavaScript). Every post carries the analysis version read, so two people never overwrite
/// each other: a stale post changes nothing and says so.
/// </summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited(AuditActions.ChainAnalysis.Update)]
[CaseScoped(AccessNeed.Edit, EntityType = "ChainAnalysis", EntityRouteValue = "incidentId")]
public sealed class ChainAnalysisModel(CurrentCase current, ChainAnalysisRecord record, StartChainAnalysis start, SaveChainAnalysis save, EditChainLinks edit,
    CompleteChainAnalysis complete, AuditLog audit) : PageModel
{
    private const string ConflictMessage =
        "Someone else changed this chain analysis while you were working on it. Nothing has been saved: the page now shows the latest version";

    public CaseHeader Header => current.Context.Header(CaseTab.Incidents);
    public Incident Incident { get; private set; } = null!;
    public Chain Chain { get; private set; } = Chain.Empty;

    [BindProperty] public int AnalysisVersion { get; set; }
    [BindProperty] public string? ProblemBehaviour { get; set; }
    [BindProperty] public string? VulnerabilityFactors { get; set; }
    [BindProperty] public string? PromptingEvent { get; set; }
    [BindProperty] public string? ShortTermConsequences { get; set; }
    [BindProperty] public string? LongTermConsequences { get; set; }
    [BindProperty] public string? Function { get; set; }
    [BindProperty] public BehaviourFunction? FunctionCategory { get; set; }
    [BindProperty] public string? PreventionAndRepair { get; set; }
    [BindProperty] public ChainLinkKind? LinkKind { get; set; }
    [BindProperty] public string? LinkText { get; set; }
    [BindProperty] public string? LinkSkill { get; set; }

    private ChainAnalysisText Text => new(ProblemBehaviour, VulnerabilityFactors, PromptingEvent, ShortTermConsequences, LongTermConsequences,
        Function, FunctionCategory, PreventionAndRepair);

    public async Task<IActionResult> OnGetAsync(Guid incidentId, CancellationToken ct)
    {
        var a = await LoadAsync(incidentId, ct);
        if (a is null) return NotFound();
        await audit.WriteAsync(AuditActions.ChainAnalysis.Read, "ChainAnalysis", incidentId, current.Context.Id, ct: ct);
        Fill(a);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid incidentId, CancellationToken ct) =>
        await PresentAsync(incidentId, await save.HandleAsync(current.Context, incidentId, AnalysisVersion, Text, null, [], ct), "Chain analysis saved", ct);

    public async Task<IActionResult> OnPostAddLinkAsync(Guid incidentId, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        if (LinkKind is null) unreadable.Add(new("LinkKind", "Choose whether the link is a thought, emotion, body sensation, urge or action"));
        var link = new ChainLink(LinkKind ?? default, LinkText ?? "", string.IsNullOrWhiteSpace(LinkSkill) ? null : LinkSkill);
        var outcome = await edit.HandleAsync(current.Context, incidentId, AnalysisVersion, Text, chain =>
        {
            var (next, error) = chain.Insert(chain.Links.Count, link);
            return (next, error is null ? null : error with { Field = "Link" + error.Field.Replace("SkillCode", "Skill", StringComparison.Ordinal) });
        }, unreadable, ct);
        return await PresentAsync(incidentId, outcome, "Link added", ct);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid incidentId, int index, int to, CancellationToken ct) =>
        await PresentAsync(incidentId, await edit.HandleAsync(current.Context, incidentId, AnalysisVersion, Text, chain => chain.Move(index, to), [], ct), "Link moved", ct);

    public async Task<IActionResult> OnPostRemoveAsync(Guid incidentId, int index, CancellationToken ct) =>
        await PresentAsync(incidentId, await edit.HandleAsync(current.Context, incidentId, AnalysisVersion, Text, chain => chain.Remove(index), [], ct), "Link removed", ct);

    public async Task<IActionResult> OnPostCompleteAsync(Guid incidentId, CancellationToken ct) =>
        await PresentAsync(incidentId, await complete.HandleAsync(current.Context, incidentId, AnalysisVersion, Text, [], ct),
            "Chain analysis completed: it will be listed when the care plan is next reviewed", ct, completed: true);

    private async Task<IActionResult> PresentAsync(Guid incidentId, Outcome<Entity> outcome, string success, CancellationToken ct, bool completed = false)
    {
        // A completed analysis is about the whole page, not one field.
        if (outcome is Outcome<Entity>.Invalid { Errors: var errors } && errors == ChainAnalysisRecord.CompletedErrors)
            outcome = Outcome.Invalid<Entity>([new(string.Empty, errors[0].Message)]);
        return await this.PresentAsync(outcome, a =>
        {
            TempData["Success"] = success;
            return Redirect(completed ? $"/cases/{a.CaseId}/incidents/{incidentId}" : $"/cases/{a.CaseId}/incidents/{incidentId}/chain-analysis");
        }, redisplay: async () =>
        {
            // Keep what was typed; show the saved chain and version.
            var fresh = await LoadAsync(incidentId, ct);
            Chain = fresh!.ToChain();
            AnalysisVersion = fresh.Version;
        }, prefix: "", conflict: _ => ModelState.AddModelError(string.Empty, ConflictMessage));
    }

    private void Fill(Entity a)
    {
        AnalysisVersion = a.Version;
        ProblemBehaviour = a.ProblemBehaviour; VulnerabilityFactors = a.VulnerabilityFactors; PromptingEvent = a.PromptingEvent;
        ShortTermConsequences = a.ShortTermConsequences; LongTermConsequences = a.LongTermConsequences; Function = a.Function;
        FunctionCategory = a.FunctionCategory; PreventionAndRepair = a.PreventionAndRepair;
        Chain = a.ToChain();
    }

    /// <summary>The incident's analysis, started (empty) the first time someone opens it.</summary>
    private async Task<Entity?> LoadAsync(Guid incidentId, CancellationToken ct)
    {
        if (await record.IncidentAsync(current.Context, incidentId, ct) is not { } incident) return null;
        Incident = incident;
        if (await record.FindAsync(incidentId, track: false, ct) is { } a) return a;
        // Someone may have opened it at the same moment: then theirs is used.
        await start.HandleAsync(current.Context, incidentId, new ChainAnalysisText(null, null, null, null, null, null, null, null), null, needProblem: false, [], ct);
        return await record.CurrentAsync(incidentId, ct);
    }
}
