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
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Consultations.Edit;

/// <summary>
/// The form for <see cref="UpdateConsultation"/>. It carries the version it was loaded at; if someone else saved in the
/// meantime nothing is overwritten and the latest version is shown to re-apply the change to.
/// </summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited(AuditActions.Consultation.Update)]
[CaseScoped(AccessNeed.Edit)]
public sealed class EditModel(CurrentCase current, UpdateConsultation update, PathwayDbContext db, AuditLog audit) : PageModel
{
    [BindProperty] public ConsultationForm Input { get; set; } = new();
    public CaseHeader Header => current.Context.Header(CaseTab.Consultations);
    public IReadOnlyList<Candidate> People { get; private set; } = [];
    public Guid ConsultationId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid consultationId, CancellationToken ct)
    {
        var con = await db.Consultations.AsNoTracking().Include(x => x.Attendees).Include(x => x.Actions).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == consultationId && x.CaseId == current.Context.Id, ct);
        if (con is null) return NotFound();
        await audit.WriteAsync(AuditActions.Consultation.Read, "Consultation", con.Id, con.CaseId, ct: ct);
        await LoadAsync(consultationId, ct);
        Input = ConsultationForm.From(con);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid consultationId, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var (details, ids) = Input.Parse(unreadable);
        var outcome = await update.HandleAsync(current.Context, consultationId, details, ids, Input.Version, unreadable, ct);
        return await this.PresentAsync(outcome, con =>
        {
            TempData["Success"] = "Consultation updated";
            return Redirect($"/cases/{con.CaseId}/consultations/{con.Id}");
        }, async () =>
        {
            await LoadAsync(consultationId, ct);
            Input.PadActions();
        }, conflict: ShowConflict);
    }

    /// <summary>Shows the saved version in the form, so the person re-applies their change to what is there now.</summary>
    private void ShowConflict(Consultation saved)
    {
        ModelState.AddModelError(string.Empty, "Someone else changed this consultation while you were editing. Nothing has been saved. The form now shows their version: make your change again and save.");
        Input = ConsultationForm.From(saved);
    }

    private async Task LoadAsync(Guid consultationId, CancellationToken ct)
    {
        ConsultationId = consultationId;
        People = await ConsultationPeople.CandidatesAsync(db, current.Context.Case, ct);
    }
}
