using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Licences;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.Licences.Conditions;

/// <summary>Adds an additional condition to a licence.</summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited("licence.condition.add")]
public sealed class AddConditionModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public sealed class ConditionForm
    {
        public string? Category { get; set; }
        public string? Text { get; set; }

        public NewCondition Parse() => new(
            Enum.TryParse<AdditionalConditionCategory>(Category, out var category) && Enum.IsDefined(category) ? category : null, Text);
    }

    [BindProperty] public ConditionForm Input { get; set; } = new();
    public CaseHeader Header { get; private set; } = null!;
    public Licence Licence { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid licenceId, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        var l = await LicenceLookup.FindAsync(db.Licences.AsNoTracking(), audit, id, licenceId, ct);
        if (l is null) return NotFound();
        await audit.WriteAsync("licence.read", "Licence", l.Id, c.Id, ct: ct);
        Show(c, l);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid licenceId, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        var l = await LicenceLookup.FindAsync(db.Licences.AsNoTracking(), audit, id, licenceId, ct);
        if (l is null) return NotFound();
        ModelState.Clear();
        var condition = Input.Parse();
        condition.Validate().AddTo(ModelState, "Input.");
        if (!ModelState.IsValid)
        {
            Show(c, l);
            return Page();
        }

        var added = condition.ToCondition(l.Id, clock.GetUtcNow());
        db.AdditionalConditions.Add(added);
        audit.Add(null, "AdditionalCondition", added.Id, c.Id);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = "Condition added";
        return Redirect($"/cases/{c.Id}/licences/{l.Id}");
    }

    private void Show(CaseRecord c, Licence l)
    {
        Licence = l;
        Header = new CaseHeader(c, CaseTab.Licences, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()));
    }
}
