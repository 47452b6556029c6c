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
using Pathway.Web.Features.Referrals;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Consultations.Record;

/// <summary>The form for <see cref="RecordConsultation"/>: a consultation on the open referral.</summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited(AuditActions.Consultation.Create)]
[CaseScoped(AccessNeed.Edit, ReadActionOnGet = AuditActions.Case.Read)]
public sealed class RecordModel(CurrentCase current, RecordConsultation record, PathwayDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public ConsultationForm Input { get; set; } = new();
    public CaseHeader Header => current.Context.Header(CaseTab.Consultations);
    public IReadOnlyList<Candidate> People { get; private set; } = [];
    public Referral? Referral { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var me = current.Context.Who.UserId;
        Input = ConsultationForm.Blank(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), People.Any(p => p.Id == me) ? me : null);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(ct);
        if (Referral is null) return Page();
        var unreadable = new List<FieldError>();
        var (details, _) = Input.Parse(unreadable);
        var outcome = await record.HandleAsync(current.Context, details, unreadable, ct);
        return await this.PresentAsync(outcome, con =>
        {
            TempData["Success"] = "Consultation recorded";
            return Redirect($"/cases/{con.CaseId}/consultations/{con.Id}");
        }, () =>
        {
            Input.PadActions();
            return Task.CompletedTask;
        });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Referral = await ReferralQueries.OpenAsync(db.Referrals.AsNoTracking(), current.Context.Id, ct);
        People = await ConsultationPeople.CandidatesAsync(db, current.Context.Case, ct);
    }
}
