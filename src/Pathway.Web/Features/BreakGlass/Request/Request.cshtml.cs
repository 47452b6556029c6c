using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.BreakGlass.Request;

/// <summary>
/// Emergency ("break-glass") access: opens a case outside the person's scope for
/// <see cref="CaseAccessRules.BreakGlassDuration"/>, with a reason the clinical lead reviews. A restricted case cannot be
/// opened this way, and it answers exactly as a CRN that does not exist, so the page cannot be used to find one.
/// </summary>
[Authorize(Policy = Policies.BreakGlass)]
[Audited("case.break-glass")]
public sealed class RequestModel(PathwayDbContext db, CaseAccess access, AuditLog audit, TimeProvider clock) : PageModel
{
    public const int MinReasonLength = 20;
    public const int MaxReasonLength = 2000;
    public const string NoSuchCase = "No case you can open with emergency access has that CRN";

    [BindProperty] public string? Crn { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public static string Hours => CaseAccessRules.BreakGlassDuration.TotalHours.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (Domain.Cases.Crn.Validate(Crn) is { } crnProblem) ModelState.AddModelError(nameof(Crn), crnProblem);
        var reason = Reason?.Trim() ?? "";
        if (reason.Length == 0)
            ModelState.AddModelError(nameof(Reason), "Enter why you need emergency access to this case");
        else if (reason.Length < MinReasonLength)
            ModelState.AddModelError(nameof(Reason), $"Reason must be at least {MinReasonLength} characters. Say what has happened and why it cannot wait");
        else if (reason.Length > MaxReasonLength)
            ModelState.AddModelError(nameof(Reason), $"Reason must be {MaxReasonLength} characters or fewer");
        if (!ModelState.IsValid) return Page();

        var crn = Domain.Cases.Crn.Normalise(Crn);
        var c = await db.Cases.Include(x => x.Shares).Include(x => x.NamedStaff).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Crn == crn, ct);
        if (c is null || c.IsRestricted)
        {
            // The CRN asked for is kept, and a restricted case's id, so the clinical lead can see who went looking.
            await audit.WriteAsync(null, "CaseCrn", crn, c?.Id, AuditOutcome.Denied, reason, ct: ct);
            ModelState.AddModelError(nameof(Crn), NoSuchCase);
            return Page();
        }
        if (await access.BasisAsync(c, ct) != AccessBasis.None) return Redirect($"/cases/{c.Id}");

        var now = clock.GetUtcNow();
        var grant = new BreakGlassGrant
        {
            CaseId = c.Id,
            UserId = User.ToStaffContext().UserId,
            Reason = reason,
            GrantedAt = now,
            ExpiresAt = now + CaseAccessRules.BreakGlassDuration,
        };
        db.BreakGlassGrants.Add(grant);
        audit.Add(null, "BreakGlassGrant", grant.Id, c.Id, AuditOutcome.Allowed, reason);
        await db.SaveChangesAsync(ct);
        return Redirect($"/cases/{c.Id}");
    }
}
