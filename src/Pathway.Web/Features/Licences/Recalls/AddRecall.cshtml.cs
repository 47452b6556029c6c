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
using Pathway.Web.Infrastructure.Forms;

namespace Pathway.Web.Features.Licences.Recalls;

/// <summary>Records a recall: the revocation date, the type of recall, why, and the custody dates known so far.</summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited("licence.recall.add")]
public sealed class AddRecallModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public sealed class RecallForm
    {
        public DateParts RecallDate { get; set; } = new();
        public string? Type { get; set; }
        public string? Reason { get; set; }
        public DateParts ReturnToCustodyDate { get; set; } = new();
        public DateParts ReReleaseDate { get; set; } = new();

        /// <summary>Parses the form. Problems with the typing itself (a date that is not a date) are added to <paramref name="errors"/>.</summary>
        public NewRecall Parse(List<FieldError> errors)
        {
            DateOnly? Date(DateParts parts, string field, string label)
            {
                var error = parts.TryParse(label, out var value);
                if (error is not null) errors.Add(new(field, error));
                return value;
            }
            return new NewRecall(
                Date(RecallDate, nameof(RecallDate), "Date the licence was revoked"),
                Enum.TryParse<RecallType>(Type, out var type) && Enum.IsDefined(type) ? type : null,
                Reason,
                Date(ReturnToCustodyDate, nameof(ReturnToCustodyDate), "Return to custody date"),
                Date(ReReleaseDate, nameof(ReReleaseDate), "Re-release date"));
        }
    }

    [BindProperty] public RecallForm Input { get; set; } = new();
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
        var errors = new List<FieldError>();
        var recall = Input.Parse(errors);
        errors.AddRange(recall.Validate(l, errors.Fields()));
        errors.AddTo(ModelState, "Input.");
        if (!ModelState.IsValid)
        {
            Show(c, l);
            return Page();
        }

        var added = recall.ToRecall(l, clock.GetUtcNow());
        db.Recalls.Add(added);
        audit.Add(null, "Recall", added.Id, c.Id);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = "Recall recorded";
        return Redirect($"/cases/{c.Id}/licences/{l.Id}");
    }

    private void Show(CaseRecord c, Licence l)
    {
        Licence = l;
        Header = new CaseHeader(c, CaseTab.Licences, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()));
    }
}
