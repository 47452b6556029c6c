using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Consultations.Detail;

/// <summary>
/// One consultation: who came, what was asked and advised, and the agreed actions, which their owners can mark done
/// (<see cref="CompleteConsultationAction"/>).
/// </summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Consultation.Read)]
[CaseScoped(AccessNeed.Read, EntityType = "Consultation", EntityRouteValue = "consultationId")]
public sealed class DetailModel(CurrentCase current, CompleteConsultationAction complete, PathwayDbContext db, TimeProvider clock) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.Consultations);
    public Consultation Consultation { get; private set; } = null!;
    public bool CanEdit => current.Context.Can.Edit;
    public DateOnly Today { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid consultationId, CancellationToken ct) => ShowAsync(consultationId, ct);

    /// <summary>Marks an action done: its owner may, or anyone who can edit the case.</summary>
    public async Task<IActionResult> OnPostCompleteAsync(Guid consultationId, Guid actionId, int version, CancellationToken ct)
    {
        var outcome = await complete.HandleAsync(current.Context, consultationId, actionId, version, ct);
        if (outcome is Outcome<ConsultationAction>.Conflict)
        {
            ModelState.AddModelError(string.Empty, "Someone else changed this action. Nothing has been saved. Check it and try again.");
            return await ShowAsync(consultationId, ct);
        }
        return await this.PresentAsync(outcome, _ =>
        {
            TempData["Success"] = "Action marked as done";
            return Redirect($"/cases/{current.Context.Id}/consultations/{consultationId}");
        });
    }

    private async Task<IActionResult> ShowAsync(Guid consultationId, CancellationToken ct)
    {
        var con = await db.Consultations.AsNoTracking().WithPeople().FirstOrDefaultAsync(x => x.Id == consultationId && x.CaseId == current.Context.Id, ct);
        if (con is null) return NotFound();
        Consultation = con;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Page();
    }
}
