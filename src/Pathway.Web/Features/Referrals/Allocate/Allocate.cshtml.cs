using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Referrals.Allocate;

/// <summary>The form for <see cref="AllocateReferral"/>: the clinical lead allocates the open referral to a psychologist; a psychologist may take it for themselves.</summary>
[Authorize(Policy = Policies.PdService)]
[Audited(AuditActions.Referral.Allocate)]
[CaseScoped(AccessNeed.Edit, EntityType = "Referral")]
public sealed class AllocateModel(CurrentCase current, AllocateReferral allocate, PathwayDbContext db, AuditLog audit) : PageModel
{
    [BindProperty] public string? PsychologistId { get; set; }
    [BindProperty] public int Version { get; set; }
    public CaseHeader Header => current.Context.Header(CaseTab.Pathway);
    public Referral? Referral { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Psychologists { get; private set; } = [];
    public bool IsLead => current.Context.Who.IsIn(StaffRole.ClinicalLead);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await audit.WriteAsync(AuditActions.Referral.Read, "Referral", null, current.Context.Id, ct: ct);
        await LoadAsync(ct);
        Version = Referral?.Version ?? 0;
        PsychologistId = Referral?.AllocatedPsychologistId?.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(ct);
        if (Referral is null) return Page();
        // A psychologist's form has no choice: "take this referral" means themselves.
        var chosen = IsLead ? (Guid.TryParse(PsychologistId, out var g) ? g : (Guid?)null) : current.Context.Who.UserId;
        List<FieldError> unreadable = chosen is null || Psychologists.All(p => p.Id != chosen)
            ? [new(nameof(PsychologistId), "Select the psychologist to allocate the referral to")]
            : [];
        var outcome = await allocate.HandleAsync(current.Context, chosen, Version, unreadable, ct);
        return await this.PresentAsync(outcome, _ =>
        {
            TempData["Success"] = $"Referral allocated to {Psychologists.First(p => p.Id == chosen).Name}";
            return Redirect($"/cases/{current.Context.Id}/pathway");
        }, prefix: "", conflict: ShowConflict);
    }

    private void ShowConflict(Referral now)
    {
        ModelState.AddModelError(string.Empty, $"Someone else changed this referral while you were deciding{(now.AllocatedPsychologist is { } p ? $"; it is now allocated to {p.DisplayName}" : "")}. Nothing has been saved. Check and save again.");
        Referral = now;
        Version = now.Version;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Referral = await ReferralQueries.OpenAsync(db.Referrals.AsNoTracking().Include(r => r.AllocatedPsychologist), current.Context.Id, ct);
        Psychologists = await ReferralQueries.PsychologistsAsync(db, ct);
    }
}
