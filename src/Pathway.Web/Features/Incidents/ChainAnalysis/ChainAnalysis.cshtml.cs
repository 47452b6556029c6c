using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Incidents;
using Pathway.Domain.Licences;
using Pathway.Web.Features.CarePlans;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Entity = Pathway.Data.Entities.ChainAnalysis;

namespace Pathway.Web.Features.Incidents.ChainAnalysis;

/// <summary>
/// Writes an incident's behaviour chain analysis, step by step. Links are added, removed and moved up or down with
/// plain form posts (no JavaScript). Every post carries the analysis version read, so two people never overwrite
/// each other: a stale post changes nothing and says so.
/// </summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited("chainanalysis.update")]
public sealed class ChainAnalysisModel(CarePlanAccess access, CaseAccess caseAccess, IncidentCommands commands, PathwayDbContext db, AuditLog audit) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
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

    public async Task<IActionResult> OnGetAsync(Guid id, Guid incidentId, CancellationToken ct)
    {
        var a = await LoadAsync(id, incidentId, ct);
        if (a is null) return NotFound();
        await audit.WriteAsync("chainanalysis.read", "ChainAnalysis", incidentId, id, ct: ct);
        Fill(a);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, Guid incidentId, CancellationToken ct) =>
        ChangeAsync(id, incidentId, a => commands.SaveAsync(a, AnalysisVersion, Text, null, ct), "Chain analysis saved", ct);

    public Task<IActionResult> OnPostAddLinkAsync(Guid id, Guid incidentId, CancellationToken ct) =>
        ChangeAsync(id, incidentId, a =>
        {
            if (LinkKind is null)
                return Task.FromResult(CommandResult.Invalid([new("LinkKind", "Choose whether the link is a thought, emotion, body sensation, urge or action")]));
            var link = new ChainLink(LinkKind.Value, LinkText ?? "", string.IsNullOrWhiteSpace(LinkSkill) ? null : LinkSkill);
            return commands.EditChainAsync(a, AnalysisVersion, Text, chain =>
            {
                var (next, error) = chain.Insert(chain.Links.Count, link);
                return (next, error is null ? null : error with { Field = "Link" + error.Field.Replace("SkillCode", "Skill", StringComparison.Ordinal) });
            }, ct);
        }, "Link added", ct);

    public Task<IActionResult> OnPostMoveAsync(Guid id, Guid incidentId, int index, int to, CancellationToken ct) =>
        ChangeAsync(id, incidentId, a => commands.EditChainAsync(a, AnalysisVersion, Text, chain => chain.Move(index, to), ct), "Link moved", ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid incidentId, int index, CancellationToken ct) =>
        ChangeAsync(id, incidentId, a => commands.EditChainAsync(a, AnalysisVersion, Text, chain => chain.Remove(index), ct), "Link removed", ct);

    public Task<IActionResult> OnPostCompleteAsync(Guid id, Guid incidentId, CancellationToken ct) =>
        ChangeAsync(id, incidentId, a => commands.CompleteAsync(a, AnalysisVersion, Text, User.ToStaffContext().UserId, ct),
            "Chain analysis completed: it will be listed when the care plan is next reviewed", ct, complete: true);

    private async Task<IActionResult> ChangeAsync(Guid id, Guid incidentId, Func<Entity, Task<CommandResult>> change, string success, CancellationToken ct, bool complete = false)
    {
        var a = await LoadAsync(id, incidentId, ct, track: true);
        if (a is null) return NotFound();
        ModelState.Clear();
        var result = await change(a);
        if (result.Outcome == CommandOutcome.Done)
        {
            TempData["Success"] = success;
            return Redirect(complete ? $"/cases/{id}/incidents/{incidentId}" : $"/cases/{id}/incidents/{incidentId}/chain-analysis");
        }
        // A stale post or a completed analysis is about the whole page, not one field.
        if (result.Outcome == CommandOutcome.Conflict)
            ModelState.AddModelError(string.Empty, "Someone else changed this chain analysis while you were working on it. Nothing has been saved: the page now shows the latest version");
        else if (result.Errors == IncidentCommands.CompletedErrors) ModelState.AddModelError(string.Empty, result.Errors[0].Message);
        else result.Errors.AddTo(ModelState);
        db.ChangeTracker.Clear();
        var fresh = await LoadAsync(id, incidentId, ct);
        // Keep what was typed; show the saved chain and version.
        Chain = fresh!.ToChain();
        AnalysisVersion = fresh.Version;
        return Page();
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
    private async Task<Entity?> LoadAsync(Guid id, Guid incidentId, CancellationToken ct, bool track = false)
    {
        var pc = await access.LoadAsync(id, AccessNeed.Edit, ct, "ChainAnalysis", incidentId);
        if (pc is null) return null;
        var incident = await access.FindIncidentAsync(db.Incidents.AsNoTracking(), id, incidentId, ct);
        if (incident is null) return null;
        Incident = incident;
        Header = new CaseHeader(pc.Case, CaseTab.Incidents, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()), ShowSharing: await caseAccess.CanEditAsync(pc.Case, ct));
        if (await commands.FindAnalysisAsync(incidentId, track, ct) is { } a) return a;
        // Someone may have opened it at the same moment: then theirs is used.
        await commands.StartAnalysisAsync(incident, new ChainAnalysisText(null, null, null, null, null, null, null, null), null, needProblem: false, ct);
        db.ChangeTracker.Clear();
        return await commands.FindAnalysisAsync(incidentId, track, ct);
    }
}
