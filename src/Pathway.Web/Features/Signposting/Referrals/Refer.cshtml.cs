using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Auditing;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Signposting.Referrals;

/// <summary>
/// The form for <see cref="ReferToService"/>: refers the person to one service for one need, writing what the service
/// will see (the reason, a staff-safety summary and how to contact them). Sending needs the person's agreement; without
/// it the referral stays a suggestion.
/// </summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited(AuditActions.Signposting.Create)]
[CaseScoped(AccessNeed.Edit, EntityType = "SignpostingReferral", ReadActionOnGet = AuditActions.Case.Read)]
public sealed class ReferModel(CurrentCase current, PathwayDbContext db, ReferToService refer) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Need { get; set; }
    [BindProperty] public string? ReasonForReferral { get; set; }
    [BindProperty] public string? StaffSafetySummary { get; set; }
    [BindProperty] public string? ContactRoute { get; set; }
    [BindProperty] public bool PersonConsented { get; set; }
    [BindProperty] public string? Send { get; set; }
    public CaseHeader Header => current.Context.Header(CaseTab.Signposting);
    public DirectoryService Service { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid serviceId, CancellationToken ct)
    {
        if (!await LoadAsync(serviceId, ct)) return NotFound();
        ContactRoute = "Through their offender manager";
        Send = "now";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid serviceId, CancellationToken ct)
    {
        if (!await LoadAsync(serviceId, ct)) return NotFound();
        NeedArea? need = Enum.TryParse<NeedArea>(Need, out var n) && Enum.IsDefined(n) ? n : null;
        var outcome = await refer.HandleAsync(current.Context,
            new NewSignpostingReferral(serviceId, need, ReasonForReferral, StaffSafetySummary, ContactRoute, PersonConsented, Send != "later"), [], ct);
        return await this.PresentAsync(WithServiceErrorsAtTop(outcome), referral =>
        {
            TempData["Success"] = Send == "later" ? $"Suggestion of {Service.Name} saved" : $"Referral sent to {Service.Name}";
            return Redirect($"/cases/{referral.CaseId}/signposting/{referral.Id}");
        }, prefix: "");
    }

    // A refusal about the service itself (closed, or its rules exclude the person) has no field on this form.
    private static Outcome<SignpostingReferral> WithServiceErrorsAtTop(Outcome<SignpostingReferral> outcome) =>
        outcome is Outcome<SignpostingReferral>.Invalid i
            ? Outcome.Invalid<SignpostingReferral>(i.Errors.Select(e => e.Field == "ServiceId" ? e with { Field = string.Empty } : e).ToList())
            : outcome;

    private async Task<bool> LoadAsync(Guid serviceId, CancellationToken ct)
    {
        var s = await db.DirectoryServices.AsNoTracking().Include(x => x.Organisation).FirstOrDefaultAsync(x => x.Id == serviceId, ct);
        if (s is null) return false;
        Service = s;
        return true;
    }
}
