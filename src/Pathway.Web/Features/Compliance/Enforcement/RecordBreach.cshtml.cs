using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Licences;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Licences;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Compliance.Enforcement;

/// <summary>Records a breach of specific conditions of the current licence.</summary>
[Authorize(Policy = Policies.ProbationRecorder)]
[Audited("breach.create")]
public sealed class RecordBreachModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public sealed class BreachForm
    {
        public DateParts OccurredOn { get; set; } = new();
        public string? Description { get; set; }
        public List<string> Conditions { get; set; } = [];

        public BreachDetails Parse(List<FieldError> errors)
        {
            var error = OccurredOn.TryParse("Date of the breach", out var d);
            if (error is not null) errors.Add(new(nameof(OccurredOn), error));
            return new(d, Description, Conditions);
        }
    }

    [BindProperty] public BreachForm Input { get; set; } = new();
    public CaseHeader Header { get; private set; } = null!;
    public CurrentLicenceConditions Conditions { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        await audit.WriteAsync("case.read", "Case", c.Id, c.Id, ct: ct);
        await ShowAsync(c, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        await ShowAsync(c, ct);
        ModelState.Clear();
        var errors = new List<FieldError>();
        var details = Input.Parse(errors);
        errors.AddRange(details.Validate(Today, Conditions.Licence, errors.Fields()));
        var linked = Conditions.Resolve(details.ConditionRefs, nameof(BreachForm.Conditions), errors);
        errors.AddTo(ModelState, "Input.");
        if (!ModelState.IsValid) return Page();

        var breach = details.ToBreach(c.Id, Conditions.Licence!, linked, User.ToStaffContext().UserId, clock.GetUtcNow());
        db.Breaches.Add(breach);
        audit.Add(null, "Breach", breach.Id, c.Id);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = "Breach recorded";
        return Redirect($"/cases/{c.Id}/compliance");
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task ShowAsync(CaseRecord c, CancellationToken ct)
    {
        Header = new CaseHeader(c, CaseTab.Compliance, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()));
        Conditions = await CurrentLicenceConditions.LoadAsync(db, c.Id, Today, ct);
    }
}
