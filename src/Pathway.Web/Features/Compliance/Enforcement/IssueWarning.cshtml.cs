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

namespace Pathway.Web.Features.Compliance.Enforcement;

/// <summary>Records a first or final warning letter against the conditions of the current licence it says were breached.</summary>
[Authorize(Policy = Policies.ProbationRecorder)]
[Audited("warning.create")]
public sealed class IssueWarningModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public sealed class WarningForm
    {
        public string? Level { get; set; }
        public DateParts IssuedOn { get; set; } = new();
        public string? Circumstances { get; set; }
        public List<string> Conditions { get; set; } = [];

        public WarningDetails Parse(List<FieldError> errors)
        {
            var error = IssuedOn.TryParse("Date issued", out var d);
            if (error is not null) errors.Add(new(nameof(IssuedOn), error));
            return new(Enum.TryParse<WarningLevel>(Level, out var l) && Enum.IsDefined(l) ? l : null, d, Circumstances, Conditions);
        }
    }

    [BindProperty] public WarningForm Input { get; set; } = new();
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
        var linked = Conditions.Resolve(details.ConditionRefs, nameof(WarningForm.Conditions), errors);
        errors.AddTo(ModelState, "Input.");
        if (!ModelState.IsValid) return Page();

        var letter = details.ToLetter(c.Id, Conditions.Licence!, linked, User.ToStaffContext().UserId, clock.GetUtcNow());
        db.WarningLetters.Add(letter);
        audit.Add(null, "WarningLetter", letter.Id, c.Id);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = "Warning letter recorded";
        return Redirect($"/cases/{c.Id}/warnings/{letter.Id}/letter");
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task ShowAsync(CaseRecord c, CancellationToken ct)
    {
        Header = new CaseHeader(c, CaseTab.Compliance, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()));
        Conditions = await CurrentLicenceConditions.LoadAsync(db, c.Id, Today, ct);
    }
}
