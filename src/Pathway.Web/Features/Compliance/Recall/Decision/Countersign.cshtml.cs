using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pathway.Data;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Compliance.Recall.Decision;

/// <summary>A recall decision countersigned by a second senior probation officer (not the one who decided).</summary>
[Authorize(Policy = Policies.RecallDecider)]
[Audited("recall.countersign")]
public sealed class CountersignModel(CaseAccess access, RecallCommands commands, PathwayDbContext db, AuditLog audit, TimeProvider clock)
    : RecallPageModel(access, db, audit, clock)
{
    [BindProperty] public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid considerationId, CancellationToken ct) =>
        await LoadAsync(id, considerationId, AccessNeed.Edit, false, "recall.read", ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid considerationId, CancellationToken ct)
    {
        if (await LoadAsync(id, considerationId, AccessNeed.Edit, true, null, ct) is not var (c, r)) return NotFound();
        var result = await commands.CountersignAsync(c, r, Who, Version, ct);
        return await AfterAsync(result, c, considerationId, "Recall decision countersigned", null, ct);
    }
}
