using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Compliance;
using Pathway.Domain.Licences;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Licences;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Compliance.Concerns;

/// <summary>
/// Records a behaviour of concern. Anyone who can see the case and works with the person (probation, the PD service,
/// the police unit, approved-premises staff) may record one: they are often the first to see it.
/// </summary>
[Authorize(Policy = Policies.ConcernRecorder)]
[Audited("concern.create")]
public sealed class RecordConcernModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public sealed class ConcernForm
    {
        public DateParts Date { get; set; } = new();
        public string? Type { get; set; }
        public string? Description { get; set; }
        public string? MatchedEarlyWarningSign { get; set; }
        public string? CarePlanSign { get; set; }
        public List<string> Conditions { get; set; } = [];

        public ConcernDetails Parse(List<FieldError> errors)
        {
            var error = Date.TryParse("Date", out var date);
            if (error is not null) errors.Add(new(nameof(Date), error));
            return new(date, Enum.TryParse<ConcernType>(Type, out var t) && Enum.IsDefined(t) ? t : null, Description, MatchedEarlyWarningSign, Conditions, CarePlanSign);
        }
    }

    [BindProperty] public ConcernForm Input { get; set; } = new();
    public CaseHeader Header { get; private set; } = null!;
    public CurrentLicenceConditions Conditions { get; private set; } = null!;
    public CarePlanSignChoices Signs { get; private set; } = CarePlanSignChoices.None;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Contribute, ct);
        if (c is null) return NotFound();
        await audit.WriteAsync("case.read", "Case", c.Id, c.Id, ct: ct);
        await ShowAsync(c, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Contribute, ct);
        if (c is null) return NotFound();
        await ShowAsync(c, ct);
        ModelState.Clear();
        var errors = new List<FieldError>();
        var details = Input.Parse(errors);
        errors.AddRange(details.Validate(Today, errors.Fields()));
        var linked = Conditions.Resolve(details.ConditionRefs, nameof(ConcernForm.Conditions), errors);
        var sign = Signs.Resolve(details.CarePlanSignKey, nameof(ConcernForm.CarePlanSign), errors);
        errors.AddTo(ModelState, "Input.");
        if (!ModelState.IsValid) return Page();

        var concern = details.ToConcern(c.Id, linked, sign, Signs.PlanId, User.ToStaffContext().UserId, clock.GetUtcNow());
        db.BehavioursOfConcern.Add(concern);
        audit.Add(null, "BehaviourOfConcern", concern.Id, c.Id);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = "Behaviour of concern recorded";
        return Redirect($"/cases/{c.Id}/compliance");
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task ShowAsync(CaseRecord c, CancellationToken ct)
    {
        Header = new CaseHeader(c, CaseTab.Compliance, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()));
        Conditions = await CurrentLicenceConditions.LoadAsync(db, c.Id, Today, ct);
        Signs = await CarePlanSignChoices.LoadAsync(db, c.Id, User, ct);
    }
}
