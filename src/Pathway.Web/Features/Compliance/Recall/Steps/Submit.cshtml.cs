using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pathway.Data;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Compliance.Recall.Steps;

/// <summary>Step 4: check the answers and send the record to a senior probation officer. Refused with the list of what is missing.</summary>
[Authorize(Policy = Policies.ProbationRecorder)]
[Audited("recall.submit")]
public sealed class SubmitModel(CaseAccess access, RecallCommands commands, PathwayDbContext db, AuditLog audit, TimeProvider clock)
    : RecallPageModel(access, db, audit, clock)
{
    [BindProperty] public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid considerationId, CancellationToken ct) =>
        await LoadAsync(id, considerationId, AccessNeed.Edit, false, "recall.read", ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid considerationId, CancellationToken ct)
    {
        if (await LoadAsync(id, considerationId, AccessNeed.Edit, true, null, ct) is not var (c, r)) return NotFound();
        var result = await commands.SubmitAsync(c, r, Facts, Who.UserId, Version, ct);
        return await AfterAsync(result, c, considerationId, "Sent to a senior probation officer for management oversight and a decision", null, ct);
    }
}
