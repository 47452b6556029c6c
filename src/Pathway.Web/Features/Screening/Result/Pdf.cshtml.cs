using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Screening.Result;

/// <summary>Downloads a screening response as PDF: the same record as the printable result page.</summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Screening.Download)]
[CaseScoped(AccessNeed.Read, EntityType = "InstrumentResponse", EntityRouteValue = "responseId")]
public sealed class PdfModel(CurrentCase current, PathwayDbContext db, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid responseId, CancellationToken ct)
    {
        var c = current.Context.Case;
        var id = c.Id;
        var r = await ScreeningResponses.FindAsync(db.InstrumentResponses.AsNoTracking(), id, responseId, ct);
        if (r is null)
        {
            await audit.DeniedAsync("InstrumentResponse", responseId, id, ct);
            return NotFound();
        }
        var people = new[] { r.StartedById, r.CompletedById ?? Guid.Empty };
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var bytes = ScreeningPdf.Render(c, r, ScreeningResponses.DefinitionOf(r), ScreeningResponses.AnswersOf(r), ScreeningResponses.ResultOf(r),
            names.GetValueOrDefault(r.StartedById), r.CompletedById is { } done ? names.GetValueOrDefault(done) : null);
        return File(bytes, "application/pdf", $"{c.Crn}-{r.InstrumentKey}-v{r.DefinitionVersion}-{r.Id.ToString()[..8]}.pdf");
    }
}
