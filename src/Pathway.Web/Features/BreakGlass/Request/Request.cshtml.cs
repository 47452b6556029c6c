using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.BreakGlass.Request;

/// <summary>
/// Emergency ("break-glass") access: opens a case outside the person's scope for
/// <see cref="CaseAccessRules.BreakGlassDuration"/>, with a reason the clinical lead reviews. A restricted case cannot be
/// opened this way, and it answers exactly as a CRN that does not exist, so the page cannot be used to find one.
/// </summary>
[Authorize(Policy = Policies.BreakGlass)]
[Audited(AuditActions.Case.BreakGlassRequest)]
public sealed class RequestModel(OpenCaseInEmergency open) : PageModel
{
    public const int MinReasonLength = OpenCaseInEmergency.MinReasonLength;

    [BindProperty] public string? Crn { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public static string Hours => CaseAccessRules.BreakGlassDuration.TotalHours.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await this.PresentAsync(await open.HandleAsync(Crn, Reason, User.ToStaffContext(), ct), opened => Redirect($"/cases/{opened.CaseId}"), prefix: "");
}
