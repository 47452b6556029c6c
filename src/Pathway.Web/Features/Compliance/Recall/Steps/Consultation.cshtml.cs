using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pathway.Data;
using Pathway.Domain.Compliance;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Compliance.Recall.Steps;

/// <summary>
/// Step 3: the psychologist's consultation. Psychologists and the clinical lead record their advice (read access to
/// the case is enough); the supervising officer may record why it could not happen in time. Everyone else who can read
/// the case sees what is recorded.
/// </summary>
[Authorize(Policy = Policies.CaseData)]
[Audited("recall.consult")]
public sealed class ConsultationModel(CaseAccess access, RecallCommands commands, PathwayDbContext db, AuditLog audit, TimeProvider clock)
    : RecallPageModel(access, db, audit, clock)
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

    public async Task<IActionResult> OnGetAsync(Guid id, Guid considerationId, CancellationToken ct)
    {
        if (await LoadAsync(id, considerationId, AccessNeed.Read, false, null, ct) is null) return NotFound();
        Input = new Form { Advice = Record.ConsultationAdvice, Reason = Record.ConsultationNotPossibleReason };
        return Page();
    }

    public async Task<IActionResult> OnPostAdviceAsync(Guid id, Guid considerationId, CancellationToken ct)
    {
        if (!IsConsultant) return Forbid();
        if (await LoadAsync(id, considerationId, AccessNeed.Contribute, true, null, ct) is not var (c, r)) return NotFound();
        var result = await commands.SaveConsultationAsync(c, r, Who, Input.Advice, Input.Version, ct);
        return await AfterAsync(result, c, considerationId, "Your advice has been recorded", null, ct);
    }

    public async Task<IActionResult> OnPostNotPossibleAsync(Guid id, Guid considerationId, CancellationToken ct)
    {
        if (!IsOfficer) return Forbid();
        if (await LoadAsync(id, considerationId, AccessNeed.Edit, true, null, ct) is not var (c, r)) return NotFound();
        var result = await commands.SaveConsultationNotPossibleAsync(c, r, Input.Reason, Input.Version, ct);
        return await AfterAsync(result, c, considerationId, "Reason recorded", null, ct);
    }
}
