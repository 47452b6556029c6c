using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.CarePlans.Section;

/// <summary>
/// The form for <see cref="SaveCarePlanSection"/>. It carries the plan's version; if anyone saved any section since,
/// nothing is saved and the page shows what is now saved next to what was typed, so nobody's work is silently lost.
/// </summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited(AuditActions.CarePlan.SectionUpdate)]
[CaseScoped(AccessNeed.Edit, EntityType = "CarePlan", EntityRouteValue = "planId")]
public sealed class SectionModel(CurrentCase current, CarePlanAccess access, SaveCarePlanSection save, PathwayDbContext db, AuditLog audit) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.CarePlan);
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

    public async Task<IActionResult> OnGetAsync(Guid planId, string section, CancellationToken ct)
    {
        if (await LoadAsync(planId, section, ct) is not { } pc) return NotFound();
        if (Section is CarePlanSection.Goals or CarePlanSection.Actions) return Redirect(CarePlanDisplay.SectionHref(pc.Case.Id, planId, Section));
        var content = await CarePlanContent.LoadAsync(db, Plan, pc.View, ct);
        Skills = content.Skills.Select(k => k.Code).ToList();
        await audit.WriteAsync(AuditActions.CarePlan.Read, "CarePlan", Plan.Id, pc.Case.Id, ct: ct);
        Text = CarePlanFields.For(Section).ToDictionary(f => f.Key, f => content.AllText().TryGetValue(f.Key, out var v) ? v : null);
        Agreement = Plan.Agreement;
        AgreementReason = Plan.AgreementReason;
        ReviewDate = DateParts.From(Plan.ReviewDate);
        PlanVersion = Plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, string section, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        DateOnly? review = null;
        if (CarePlanFields.FromSlug(section) == CarePlanSection.Review && ReviewDate.TryParse("Review date", out review) is { } dateError)
            unreadable.Add(new("ReviewDate", dateError));
        var skills = CarePlanFields.FromSlug(section) == CarePlanSection.FunctionsOfBehaviour ? Skills : null;
        // With no Text[…] field posted (a section without text), the binder fills Text from the whole form: keep only
        // this section's answers, which are all the form offers.
        var keys = CarePlanFields.FromSlug(section) is { } s ? CarePlanFields.For(s).Select(f => f.Key).ToHashSet(StringComparer.Ordinal) : [];
        var text = Text.Where(t => keys.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        var outcome = await save.HandleAsync(current.Context, planId, section, new SectionInput(text, Agreement, AgreementReason, review, skills), PlanVersion, unreadable, ct);
        if (outcome is Outcome<Data.Entities.CarePlan>.Invalid invalid)
            outcome = Outcome.Invalid<Data.Entities.CarePlan>(invalid.Errors.Select(e => e with { Field = FieldName(e.Field) }).ToList());
        Data.Entities.CarePlan? saved = null;
        return await this.PresentAsync(outcome, _ =>
        {
            TempData["Success"] = $"'{CarePlanSections.DisplayName(CarePlanFields.FromSlug(section)!.Value)}' saved";
            return Redirect($"/cases/{current.Context.Id}/care-plans/{planId}");
        }, redisplay: async () =>
        {
            db.ChangeTracker.Clear();
            if (await LoadAsync(planId, section, ct) is not { } pc || saved is null) return;
            // The next save is an informed overwrite of the version now shown.
            Conflict = true;
            Saved = await CarePlanContent.LoadAsync(db, saved, pc.View, ct);
            Plan = saved;
            PlanVersion = saved.Version;
        }, prefix: "", conflict: fresh =>
        {
            saved = fresh;
            ModelState.AddModelError("Version", PlanSave.ConflictMessage);
        });
    }

    private static string FieldName(string field) =>
        CarePlanFields.Find(field) is not null ? $"Text[{field}]" : field;

    private async Task<CarePlanCase?> LoadAsync(Guid planId, string section, CancellationToken ct)
    {
        if (await access.ViewAsync(current.Context, ct, "CarePlan", planId) is not { } pc
            || await access.FindPlanAsync(db.CarePlans.AsNoTracking(), pc, planId, ct) is not { } plan
            || CarePlanFields.FromSlug(section) is not { } s || !CarePlanSections.CanSee(pc.View, s))
            return null;
        Section = s;
        Plan = plan;
        return pc;
    }
}
