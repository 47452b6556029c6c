using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Compliance;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Recall.Steps;

/// <summary>
/// Step 3: the psychologist's consultation. Psychologists and the clinical lead record their advice
/// (<see cref="RecordRecallAdvice"/>; read access to the case is enough); the supervising officer, who must be able to
/// edit the case, may record why it could not happen in time (<see cref="RecordConsultationNotPossible"/>). Everyone
/// else who can read the case sees what is recorded.
/// </summary>
[Authorize(Policy = Policies.CaseData)]
[Audited(AuditActions.Recall.Consult)]
[CaseScoped(AccessNeed.Contribute, EntityType = nameof(RecallConsideration), EntityRouteValue = "considerationId")]
public sealed class ConsultationModel(
    CurrentCase current, RecordRecallAdvice advice, RecordConsultationNotPossible notPossible, PathwayDbContext db, AuditLog audit, TimeProvider clock)
    : RecallPageModel(current, db, audit, clock)
{
    public sealed class Form
    {
        public string? Advice { get; set; }
        public string? Reason { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();
    public bool IsConsultant => Who.Roles.Overlaps(ComplianceRoles.RecallConsultants);
    public bool IsOfficer => Who.Roles.Overlaps(ComplianceRoles.ProbationRecorders);

    public async Task<IActionResult> OnGetAsync(Guid considerationId, CancellationToken ct)
    {
        // The page is declared Contribute (read access, no read row) for the advice; viewing it is a read of the record.
        await Audit.ReadAsync(nameof(RecallConsideration), considerationId, Case.Id, ct);
        if (!await LoadAsync(considerationId, null, ct)) return NotFound();
        Input = new Form { Advice = Record.ConsultationAdvice, Reason = Record.ConsultationNotPossibleReason };
        return Page();
    }

    public async Task<IActionResult> OnPostAdviceAsync(Guid considerationId, CancellationToken ct)
    {
        if (!IsConsultant) return Forbid();
        var outcome = await advice.HandleAsync(Case, considerationId, Input.Advice, Input.Version, ct);
        return await PresentAsync(outcome, considerationId, "Your advice has been recorded", null, ct);
    }

    public async Task<IActionResult> OnPostNotPossibleAsync(Guid considerationId, CancellationToken ct)
    {
        if (!IsOfficer) return Forbid();
        // Recording the reason changes the record, so it needs edit access to the case, not just the read the page declares.
        if (!Case.Can.Edit)
        {
            await Audit.DeniedAsync(nameof(RecallConsideration), considerationId, Case.Id, ct);
            return NotFound();
        }
        var outcome = await notPossible.HandleAsync(Case, considerationId, Input.Reason, Input.Version, ct);
        return await PresentAsync(outcome, considerationId, "Reason recorded", null, ct);
    }
}
