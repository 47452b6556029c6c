using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Access;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Licences;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.CarePlans.Section;

/// <summary>
/// Writes one section of a draft. The form carries the plan's version; if anyone saved any section since, nothing is
/// saved and the page shows what is now saved next to what was typed, so nobody's work is silently lost.
/// </summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited("careplan.section.update")]
public sealed class SectionModel(CarePlanAccess access, CaseAccess caseAccess, CarePlanCommands commands, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public CarePlanSection Section { get; private set; }
    public Data.Entities.CarePlan Plan { get; private set; } = null!;
    public CarePlanContent? Saved { get; private set; }
    public bool Conflict { get; private set; }

    [BindProperty] public Dictionary<string, string?> Text { get; set; } = [];
    [BindProperty] public PersonAgreement? Agreement { get; set; }
    [BindProperty] public string? AgreementReason { get; set; }
    [BindProperty] public DateParts ReviewDate { get; set; } = new();
    [BindProperty] public int PlanVersion { get; set; }
    [BindProperty] public List<string> Skills { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId, string section, CancellationToken ct)
    {
        var (pc, plan) = await LoadAsync(id, planId, section, ct);
        if (pc is null || plan is null) return NotFound();
        if (Section is CarePlanSection.Goals or CarePlanSection.Actions) return Redirect(CarePlanDisplay.SectionHref(id, planId, Section));
        var content = await CarePlanContent.LoadAsync(db, plan, pc.View, ct);
        Skills = content.Skills.Select(k => k.Code).ToList();
        await audit.WriteAsync("careplan.read", "CarePlan", plan.Id, pc.Case.Id, ct: ct);
        Text = CarePlanFields.For(Section).ToDictionary(f => f.Key, f => content.AllText().TryGetValue(f.Key, out var v) ? v : null);
        Agreement = plan.Agreement;
        AgreementReason = plan.AgreementReason;
        ReviewDate = DateParts.From(plan.ReviewDate);
        PlanVersion = plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid planId, string section, CancellationToken ct)
    {
        var (pc, plan) = await LoadAsync(id, planId, section, ct, track: true);
        if (pc is null || plan is null) return NotFound();
        ModelState.Clear();
        var errors = new List<FieldError>();
        DateOnly? review = null;
        if (Section == CarePlanSection.Review)
        {
            if (ReviewDate.TryParse("Review date", out review) is { } dateError) errors.Add(new("ReviewDate", dateError));
            else if (review is { } d && d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) errors.Add(new("ReviewDate", "The review date must be in the future"));
        }
        if (errors.Count == 0)
        {
            var result = await commands.SaveSectionAsync(plan, Section, new SectionInput(Text, Agreement, AgreementReason, review, Section == CarePlanSection.FunctionsOfBehaviour ? Skills : null), PlanVersion, ct);
            if (result.Outcome == CommandOutcome.Done)
            {
                TempData["Success"] = $"'{CarePlanSections.DisplayName(Section)}' saved";
                return Redirect($"/cases/{id}/care-plans/{planId}");
            }
            errors.AddRange(result.Errors);
            if (result.Outcome == CommandOutcome.Conflict)
            {
                Conflict = true;
                db.ChangeTracker.Clear();
                var fresh = await db.CarePlans.AsNoTracking().FirstAsync(p => p.Id == planId, ct);
                Saved = await CarePlanContent.LoadAsync(db, fresh, pc.View, ct);
                Plan = fresh;
                // The next save is an informed overwrite of the version now shown.
                PlanVersion = fresh.Version;
            }
        }
        errors.Select(e => e with { Field = FieldName(e.Field) }).AddTo(ModelState);
        return Page();
    }

    private string FieldName(string field) =>
        CarePlanFields.Find(field) is not null ? $"Text[{field}]" : field;

    private async Task<(CarePlanCase?, Data.Entities.CarePlan?)> LoadAsync(Guid id, Guid planId, string section, CancellationToken ct, bool track = false)
    {
        var pc = await access.LoadAsync(id, AccessNeed.Edit, ct, "CarePlan", planId);
        if (pc is null) return (null, null);
        var plans = track ? db.CarePlans.Include(p => p.Texts) : db.CarePlans.AsNoTracking();
        var plan = await access.FindPlanAsync(plans, pc, planId, ct);
        if (plan is null || CarePlanFields.FromSlug(section) is not { } s || !CarePlanSections.CanSee(pc.View, s)) return (pc, null);
        Section = s;
        Plan = plan;
        Header = new CaseHeader(pc.Case, CaseTab.CarePlan, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()), ShowSharing: await caseAccess.CanEditAsync(pc.Case, ct));
        return (pc, plan);
    }

}
