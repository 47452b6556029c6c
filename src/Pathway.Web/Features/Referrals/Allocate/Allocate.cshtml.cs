using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.Referrals;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Referrals.Allocate;

/// <summary>The clinical lead allocates the open referral to a psychologist; a psychologist may take it for themselves.</summary>
[Authorize(Policy = Policies.PdService)]
[Audited("referral.allocate")]
public sealed class AllocateModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty] public string? PsychologistId { get; set; }
    [BindProperty] public int Version { get; set; }
    public CaseHeader Header { get; private set; } = null!;
    public Referral? Referral { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Psychologists { get; private set; } = [];
    public bool IsLead { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct, "Referral");
        if (c is null) return NotFound();
        await audit.WriteAsync("referral.read", "Referral", null, c.Id, ct: ct);
        await LoadAsync(c, ct);
        Version = Referral?.Version ?? 0;
        PsychologistId = Referral?.AllocatedPsychologistId?.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct, "Referral");
        if (c is null) return NotFound();
        ModelState.Clear();
        await LoadAsync(c, ct);
        if (Referral is null) return Page();
        var who = User.ToStaffContext();
        // A psychologist's form has no choice: "take this referral" means themselves.
        var chosen = IsLead ? (Guid.TryParse(PsychologistId, out var g) ? g : (Guid?)null) : who.UserId;
        if (chosen is null || Psychologists.All(p => p.Id != chosen))
        {
            ModelState.AddModelError(nameof(PsychologistId), "Select the psychologist to allocate the referral to");
            return Page();
        }
        if (!ReferralAccessRules.CanAllocateTo(who, chosen.Value))
        {
            await audit.WriteAsync(null, "Referral", Referral.Id, c.Id, AuditOutcome.Denied, "A psychologist may take a referral for themselves only", ct: ct);
            return NotFound();
        }
        if (Version != Referral.Version)
        {
            ModelState.AddModelError(string.Empty, $"Someone else changed this referral while you were deciding{(Referral.AllocatedPsychologist is { } p ? $"; it is now allocated to {p.DisplayName}" : "")}. Nothing has been saved. Check and save again.");
            Version = Referral.Version;
            return Page();
        }
        var tracked = await db.Referrals.FirstAsync(r => r.Id == Referral.Id, ct);
        var trackedCase = await db.Cases.FirstAsync(x => x.Id == c.Id, ct);
        ReferralWork.Allocate(tracked, trackedCase, chosen.Value, clock.GetUtcNow());
        db.Entry(tracked).Property(x => x.Version).OriginalValue = Version;
        audit.Add(null, "Referral", tracked.Id, c.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, "Someone else changed this referral while you were deciding. Nothing has been saved. Check and save again.");
            await LoadAsync(c, ct);
            Version = Referral!.Version;
            return Page();
        }
        TempData["Success"] = $"Referral allocated to {Psychologists.First(p => p.Id == chosen).Name}";
        return Redirect($"/cases/{c.Id}/pathway");
    }

    private async Task LoadAsync(CaseRecord c, CancellationToken ct)
    {
        var who = User.ToStaffContext();
        IsLead = who.IsIn(StaffRole.ClinicalLead);
        Header = new CaseHeader(c, CaseTab.Pathway, CaseAccessRules.CanViewAccessLog(who), ShowSharing: true);
        Referral = await ReferralWork.OpenAsync(db.Referrals.AsNoTracking().Include(r => r.AllocatedPsychologist), c.Id, ct);
        Psychologists = await ReferralWork.PsychologistsAsync(db, ct);
    }
}
