using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.CarePlans;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.CarePlans;

/// <summary>A case the person may open, and how much of its care plans (and incidents) their role sees.</summary>
public sealed record CarePlanCase(CaseRecord Case, CarePlanView View);

/// <summary>
/// Case access for care plans and incidents: the case check of <see cref="CaseAccess"/>, then the role's
/// <see cref="CarePlanView"/>. A role that sees nothing of care plans gets the same 404 and denied audit row as a case
/// outside its scope. Roles that work from the summary see only the active version; any other is a 404 to them.
/// </summary>
public sealed class CarePlanAccess(CaseAccess access, AuditLog audit, IHttpContextAccessor http)
{
    public CarePlanView View => CarePlanSections.ViewFor(http.HttpContext!.User.ToStaffContext().Roles);

    public async Task<CarePlanCase?> LoadAsync(Guid caseId, AccessNeed need, CancellationToken ct, string entityType = "CarePlan", object? entityId = null)
    {
        var view = View;
        if (view == CarePlanView.None)
        {
            await audit.DeniedAsync(entityType, entityId ?? caseId, caseId, ct);
            return null;
        }
        var c = await access.LoadAsync(caseId, need, ct, entityType, entityId);
        return c is null ? null : new CarePlanCase(c, view);
    }

    /// <summary>
    /// For a route whose case <see cref="CurrentCase"/> has already loaded, checked and audited: the role's view of its
    /// care plans, or null (with a denied audit row) when the role sees none of them.
    /// </summary>
    public async Task<CarePlanCase?> ViewAsync(CaseContext c, CancellationToken ct, string entityType = "CarePlan", object? entityId = null)
    {
        var view = CarePlanSections.ViewFor(c.Who.Roles);
        if (view != CarePlanView.None) return new CarePlanCase(c.Case, view);
        await audit.DeniedAsync(entityType, entityId ?? c.Id, c.Id, ct);
        return null;
    }

    /// <summary>
    /// Changing care plans and analysing incidents needs edit access to the case. A page whose GET only reads declares
    /// read access, so its handlers check edit here: false means answer 404 (the denied row is written).
    /// </summary>
    public async Task<bool> CanEditAsync(CaseContext c, string entityType, object? entityId, CancellationToken ct)
    {
        if (c.Can.Edit) return true;
        await audit.DeniedAsync(entityType, entityId ?? c.Id, c.Id, ct);
        return false;
    }

    /// <summary>A plan version of this case that the view may open, or null (with a denied audit row).</summary>
    public async Task<CarePlan?> FindPlanAsync(IQueryable<CarePlan> plans, CarePlanCase pc, Guid planId, CancellationToken ct)
    {
        var plan = await plans.FirstOrDefaultAsync(p => p.Id == planId && p.CaseId == pc.Case.Id, ct);
        if (plan is not null && (pc.View != CarePlanView.Summary || plan.Status == CarePlanStatus.Active)) return plan;
        await audit.DeniedAsync("CarePlan", planId, pc.Case.Id, ct);
        return null;
    }

    public async Task<Incident?> FindIncidentAsync(IQueryable<Incident> incidents, Guid caseId, Guid incidentId, CancellationToken ct)
    {
        var incident = await incidents.FirstOrDefaultAsync(i => i.Id == incidentId && i.CaseId == caseId, ct);
        if (incident is null) await audit.DeniedAsync("Incident", incidentId, caseId, ct);
        return incident;
    }
}

/// <summary>
/// The parts of a plan version a view may see. Sections a role may not see are never read from the database, so they
/// cannot reach a page or an API response by mistake.
/// </summary>
public sealed record CarePlanContent(CarePlan Plan, IReadOnlyDictionary<string, string> Text, string? Restricted, CarePlanView View)
{
    public bool Sees(CarePlanSection s) => CarePlanSections.CanSee(View, s);

    public string? this[string key] => Text.TryGetValue(key, out var v) ? v : null;

    /// <summary>All text answers, the restricted one included where the view allows, by field key.</summary>
    public IReadOnlyDictionary<string, string> AllText()
    {
        var all = new Dictionary<string, string>(Text, StringComparer.Ordinal);
        if (Restricted is not null) all["not-disclosed"] = Restricted;
        return all;
    }

    /// <summary>The plan's goals (with their status history) in order; empty when the view may not see them.</summary>
    public IReadOnlyList<CarePlanGoal> Goals { get; init; } = [];
    public IReadOnlyList<CarePlanAction> Actions { get; init; } = [];
    /// <summary>The DBT skills picked for the functions section, in <see cref="DbtSkills.All"/> order.</summary>
    public IReadOnlyList<DbtSkill> Skills { get; init; } = [];

    public IReadOnlyList<CarePlanSection> EmptySections() =>
        CarePlanFields.EmptySections(AllText(), Plan.Agreement, Plan.ReviewDate, SectionsWithRows(Goals.Count, Actions.Count, Skills.Count));

    public static IReadOnlyList<CarePlanSection> SectionsWithRows(int goals, int actions, int skills) =>
        [.. goals > 0 ? [CarePlanSection.Goals] : Array.Empty<CarePlanSection>(),
         .. actions > 0 ? [CarePlanSection.Actions] : Array.Empty<CarePlanSection>(),
         .. skills > 0 ? [CarePlanSection.FunctionsOfBehaviour] : Array.Empty<CarePlanSection>()];

    public static async Task<CarePlanContent> LoadAsync(PathwayDbContext db, CarePlan plan, CarePlanView view, CancellationToken ct)
    {
        var keys = CarePlanFields.All.Where(f => CarePlanSections.CanSee(view, f.Section) && f.Section != CarePlanSection.NotToBeDisclosed)
            .Select(f => f.Key).ToList();
        var text = await db.CarePlanTexts.AsNoTracking().Where(t => t.CarePlanId == plan.Id && keys.Contains(t.Key))
            .ToDictionaryAsync(t => t.Key, t => t.Text, StringComparer.Ordinal, ct);
        string? restricted = null;
        if (CarePlanSections.CanSee(view, CarePlanSection.NotToBeDisclosed))
            restricted = await db.CarePlanRestrictedNotes.AsNoTracking().Where(n => n.CarePlanId == plan.Id).Select(n => n.Text).FirstOrDefaultAsync(ct);
        var sees = (CarePlanSection s) => CarePlanSections.CanSee(view, s);
        var goals = sees(CarePlanSection.Goals)
            ? await db.CarePlanGoals.AsNoTracking().Include(g => g.History).Where(g => g.CarePlanId == plan.Id).OrderBy(g => g.Position).ToListAsync(ct)
            : [];
        foreach (var g in goals) g.History = [.. g.History.OrderBy(h => h.ChangedAt)];
        var actions = sees(CarePlanSection.Actions)
            ? await db.CarePlanActions.AsNoTracking().Where(a => a.CarePlanId == plan.Id).OrderBy(a => a.Position).ToListAsync(ct)
            : [];
        var codes = sees(CarePlanSection.FunctionsOfBehaviour)
            ? await db.CarePlanSkills.AsNoTracking().Where(s => s.CarePlanId == plan.Id).Select(s => s.SkillCode).ToListAsync(ct)
            : [];
        return new CarePlanContent(plan, text, restricted, view)
        {
            Goals = goals, Actions = actions, Skills = DbtSkills.All.Where(s => codes.Contains(s.Code)).ToList(),
        };
    }
}
