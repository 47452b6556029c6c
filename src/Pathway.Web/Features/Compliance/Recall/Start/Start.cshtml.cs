using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Access;
using Pathway.Domain.Compliance;
using Pathway.Domain.Recall;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Compliance.Signals;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Compliance.Recall.Start;

/// <summary>Starts considering recall: the signal and its prompts first, then one button. One open consideration per case.</summary>
[Authorize(Policy = Policies.ProbationRecorder)]
[Audited("recall.create")]
public sealed class StartModel(CaseAccess access, RecallCommands commands, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public CaseHeader Header { get; private set; } = null!;
    public IReadOnlyList<FiredRule> Signals { get; private set; } = [];
    public Guid? OpenId { get; private set; }
    /// <summary>The licence standing today, so the page says up front when there is no licence to recall from.</summary>
    public Pathway.Domain.Licences.LicenceOnDate? Standing { get; private set; }
    [BindProperty] public string? Concern { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        await audit.WriteAsync("compliance.read", "Case", c.Id, c.Id, ct: ct);
        await ShowAsync(c, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        var concern = Enum.TryParse<RecallConcern>(Concern, out var x) && Enum.IsDefined(x) ? x : (RecallConcern?)null;
        var (result, r) = await commands.StartAsync(c, User.ToStaffContext().UserId, concern, ct);
        if (result.Outcome == RecallOutcome.Done) return Redirect($"/cases/{c.Id}/recall/{r!.Id}");
        foreach (var e in result.Errors) ModelState.AddModelError(e.Field == "Concern" ? "Concern" : "", e.Message);
        await ShowAsync(c, ct);
        return Page();
    }

    private async Task ShowAsync(Data.Entities.CaseRecord c, CancellationToken ct)
    {
        Header = new CaseHeader(c, CaseTab.Compliance, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()));
        Signals = await CaseSignals.ForCaseAsync(db, c.Id, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        Standing = await RecallFacts.LicenceOnAsync(db, c.Id, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        OpenId = await db.RecallConsiderations.AsNoTracking().Where(r => r.CaseId == c.Id && r.Status != RecallConsiderationStatus.Decided)
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
    }
}
