using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Instruments;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Screening.Result;

/// <summary>
/// One screening response: eligibility, scores, interpretation, override, answers, and the instrument's citation and
/// licence. Laid out to print cleanly (the print stylesheet drops the service chrome).
/// </summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Screening.Read)]
[CaseScoped(AccessNeed.Read, EntityType = "InstrumentResponse", EntityRouteValue = "responseId")]
public sealed class ResultModel(CurrentCase current, PathwayDbContext db, AuditLog audit) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.Screening);
    public InstrumentResponse Screening { get; private set; } = null!;
    public InstrumentDefinition Definition { get; private set; } = null!;
    public ResponseAnswers Answers { get; private set; } = ResponseAnswers.Empty;
    public InstrumentResult? Result { get; private set; }
    public string? StartedBy { get; private set; }
    public string? CompletedBy { get; private set; }
    public bool CanRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid responseId, CancellationToken ct)
    {
        var id = current.Context.Id;
        var r = await ScreeningResponses.FindAsync(db.InstrumentResponses.AsNoTracking(), id, responseId, ct);
        if (r is null)
        {
            await audit.DeniedAsync("InstrumentResponse", responseId, id, ct);
            return NotFound();
        }
        Screening = r;
        Definition = ScreeningResponses.DefinitionOf(r);
        Answers = ScreeningResponses.AnswersOf(r);
        Result = ScreeningResponses.ResultOf(r);
        var people = new[] { r.StartedById, r.CompletedById ?? Guid.Empty };
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        StartedBy = names.GetValueOrDefault(r.StartedById);
        CompletedBy = r.CompletedById is { } done ? names.GetValueOrDefault(done) : null;
        CanRecord = r.Status == ResponseStatus.Draft && ScreeningResponses.MayRecord(current.Context.Who) && current.Context.Can.Edit;
        return Page();
    }
}
