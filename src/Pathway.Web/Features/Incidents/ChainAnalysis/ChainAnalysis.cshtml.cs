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
public sealed class ChainAnalysisModel(CarePlanAccess access, CaseAccess caseAccess, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
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

    public async Task<IActionResult> OnGetAsync(Guid id, Guid incidentId, CancellationToken ct)
    {
        var a = await LoadAsync(id, incidentId, ct);
        if (a is null) return NotFound();
        await audit.WriteAsync("chainanalysis.read", "ChainAnalysis", incidentId, id, ct: ct);
        Fill(a);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, Guid incidentId, CancellationToken ct) =>
        ChangeAsync(id, incidentId, a => { CopyText(a); return []; }, "Chain analysis saved", ct);

    public Task<IActionResult> OnPostAddLinkAsync(Guid id, Guid incidentId, CancellationToken ct) =>
        ChangeAsync(id, incidentId, a =>
        {
            CopyText(a);
            if (LinkKind is null) return [new("LinkKind", "Choose whether the link is a thought, emotion, body sensation, urge or action")];
            var (chain, error) = a.ToChain().Insert(a.Links.Count, new ChainLink(LinkKind.Value, LinkText ?? "", string.IsNullOrWhiteSpace(LinkSkill) ? null : LinkSkill));
            if (error is not null) return [error with { Field = "Link" + error.Field.Replace("SkillCode", "Skill", StringComparison.Ordinal) }];
            Replace(a, chain);
            return [];
        }, "Link added", ct);

    public Task<IActionResult> OnPostMoveAsync(Guid id, Guid incidentId, int index, int to, CancellationToken ct) =>
        ChangeAsync(id, incidentId, a => { CopyText(a); return Apply(a, a.ToChain().Move(index, to)); }, "Link moved", ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid incidentId, int index, CancellationToken ct) =>
        ChangeAsync(id, incidentId, a => { CopyText(a); return Apply(a, a.ToChain().Remove(index)); }, "Link removed", ct);

    public Task<IActionResult> OnPostCompleteAsync(Guid id, Guid incidentId, CancellationToken ct) =>
        ChangeAsync(id, incidentId, a =>
        {
            CopyText(a);
            var errors = ChainAnalysisRules.CanComplete(new ChainAnalysisFacts(a.ProblemBehaviour, a.VulnerabilityFactors, a.PromptingEvent, a.ToChain(),
                a.ShortTermConsequences, a.LongTermConsequences, a.Function, a.PreventionAndRepair)).ToList();
            if (a.FunctionCategory is null) errors.Add(new("FunctionCategory", "Choose the broad function, so patterns across incidents can be seen"));
            if (errors.Count > 0) return errors;
            a.CompletedAt = clock.GetUtcNow();
            a.CompletedById = User.ToStaffContext().UserId;
            return [];
        }, "Chain analysis completed: it will be listed when the care plan is next reviewed", ct, complete: true);

    private IReadOnlyList<FieldError> Apply(Entity a, (Chain Chain, FieldError? Error) r)
    {
        if (r.Error is not null) return [r.Error];
        Replace(a, r.Chain);
        return [];
    }

    private void Replace(Entity a, Chain chain)
    {
        db.ChainAnalysisLinks.RemoveRange(a.Links);
        a.SetChain(chain);
        db.ChainAnalysisLinks.AddRange(a.Links);
    }

    private void CopyText(Entity a)
    {
        static string? T(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        a.ProblemBehaviour = T(ProblemBehaviour); a.VulnerabilityFactors = T(VulnerabilityFactors); a.PromptingEvent = T(PromptingEvent);
        a.ShortTermConsequences = T(ShortTermConsequences); a.LongTermConsequences = T(LongTermConsequences); a.Function = T(Function);
        a.FunctionCategory = FunctionCategory; a.PreventionAndRepair = T(PreventionAndRepair);
    }

    private async Task<IActionResult> ChangeAsync(Guid id, Guid incidentId, Func<Entity, IReadOnlyList<FieldError>> change, string success, CancellationToken ct, bool complete = false)
    {
        var a = await LoadAsync(id, incidentId, ct, track: true);
        if (a is null) return NotFound();
        ModelState.Clear();
        if (a.CompletedAt is not null) ModelState.AddModelError(string.Empty, "This chain analysis is complete and can no longer be changed");
        else if (AnalysisVersion != a.Version)
            ModelState.AddModelError(string.Empty, "Someone else changed this chain analysis while you were working on it. Nothing has been saved: the page now shows the latest version");
        else
        {
            var errors = change(a);
            if (errors.Count == 0)
            {
                if (db.Entry(a).State == EntityState.Unchanged) db.Entry(a).State = EntityState.Modified;
                db.Entry(a).Property(x => x.Version).OriginalValue = AnalysisVersion;
                audit.Add(complete ? "chainanalysis.complete" : null, "ChainAnalysis", a.Id, id);
                try
                {
                    await db.SaveChangesAsync(ct);
                    TempData["Success"] = success;
                    return Redirect(complete ? $"/cases/{id}/incidents/{incidentId}" : $"/cases/{id}/incidents/{incidentId}/chain-analysis");
                }
                catch (DbUpdateConcurrencyException)
                {
                    ModelState.AddModelError(string.Empty, "Someone else changed this chain analysis while you were working on it. Nothing has been saved");
                }
            }
            errors.AddTo(ModelState);
        }
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
        var query = db.ChainAnalyses.Include(x => x.Links).AsQueryable();
        if (!track) query = query.AsNoTracking();
        var a = await query.FirstOrDefaultAsync(x => x.IncidentId == incidentId, ct);
        if (a is not null) return a;
        a = new Entity { IncidentId = incidentId, CaseId = id, CreatedAt = clock.GetUtcNow() };
        db.ChainAnalyses.Add(a);
        audit.Add("chainanalysis.create", "ChainAnalysis", a.Id, id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone opened it at the same moment: use theirs.
            db.ChangeTracker.Clear();
            return await query.FirstAsync(x => x.IncidentId == incidentId, ct);
        }
        return a;
    }
}
