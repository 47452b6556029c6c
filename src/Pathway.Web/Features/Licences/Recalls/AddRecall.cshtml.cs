using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Licences.Recalls;

/// <summary>The form for <see cref="RecordRecallOnLicence"/>: the revocation date, the type of recall, why, and the custody dates known so far.</summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited(AuditActions.Licence.RecallAdd)]
[CaseScoped(AccessNeed.Edit)]
public sealed class AddRecallModel(CurrentCase current, RecordRecallOnLicence record, PathwayDbContext db, AuditLog audit) : PageModel
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
    public CaseHeader Header => current.Context.Header(CaseTab.Licences);
    public Licence Licence { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid licenceId, CancellationToken ct)
    {
        var l = await LicenceLookup.FindAsync(db.Licences.AsNoTracking(), audit, current.Context.Id, licenceId, ct);
        if (l is null) return NotFound();
        await audit.WriteAsync(AuditActions.Licence.Read, "Licence", l.Id, l.CaseId, ct: ct);
        Licence = l;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid licenceId, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var outcome = await record.HandleAsync(current.Context, licenceId, Input.Parse(unreadable), unreadable, ct);
        return await this.PresentAsync(outcome, recall =>
        {
            TempData["Success"] = "Recall recorded";
            return Redirect($"/cases/{recall.CaseId}/licences/{recall.LicenceId}");
        }, async () => Licence = await db.Licences.AsNoTracking().FirstAsync(l => l.Id == licenceId, ct));
    }
}
