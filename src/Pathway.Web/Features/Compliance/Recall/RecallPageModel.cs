using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Recall;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.Compliance.Recall;

/// <summary>
/// What every recall consideration page shares: the case check, the record under the case in the URL, the workflow
/// facts, and showing a command's result (errors in the summary, or a conflict explained). Nothing here decides access:
/// <see cref="CaseAccess"/> does, then the commands check the workflow.
/// </summary>
public abstract class RecallPageModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    protected PathwayDbContext Db => db;
    protected AuditLog Audit => audit;
    protected DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public CaseHeader Header { get; private set; } = null!;
    public RecallConsideration Record { get; private set; } = null!;
    public RecallFacts Facts { get; private set; } = null!;
    public StaffContext Who => User.ToStaffContext();
    public bool IsOpen => Record.Status is RecallConsiderationStatus.InProgress or RecallConsiderationStatus.AwaitingDecision;
    public string RecordPath => $"/cases/{Record.CaseId}/recall/{Record.Id}";

    /// <summary>
    /// Loads the case and the record (tracked when <paramref name="tracked"/>, for a change). Pages that change need edit
    /// access and write a read row themselves on GET (<paramref name="readAction"/>), as other edit forms do.
    /// </summary>
    protected async Task<(CaseRecord Case, RecallConsideration Record)?> LoadAsync(
        Guid id, Guid considerationId, AccessNeed need, bool tracked, string? readAction, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, need, ct, nameof(RecallConsideration), considerationId);
        if (c is null) return null;
        var set = tracked ? db.RecallConsiderations : db.RecallConsiderations.AsNoTracking();
        var r = await CaseRecordLookup.FindAsync(set, audit, id, considerationId, ct);
        if (r is null) return null;
        if (readAction is not null) await audit.WriteAsync(readAction, nameof(RecallConsideration), r.Id, c.Id, ct: ct);
        await ShowAsync(c, r, ct);
        return (c, r);
    }

    protected async Task ShowAsync(CaseRecord c, RecallConsideration r, CancellationToken ct)
    {
        Record = r;
        Header = new CaseHeader(c, CaseTab.Compliance, CaseAccessRules.CanViewAccessLog(Who));
        Facts = await RecallFacts.LoadAsync(db, c, r, Who.Roles, Today, ct);
    }

    /// <summary>After a command: redirect on success; otherwise the errors (or the conflict) go to the error summary and the page shows again.</summary>
    protected async Task<IActionResult> AfterAsync(RecallResult result, CaseRecord c, Guid considerationId, string success, string? redirect, CancellationToken ct)
    {
        if (result.Outcome == RecallOutcome.Done)
        {
            TempData["Success"] = success;
            return Redirect(redirect ?? $"/cases/{c.Id}/recall/{considerationId}");
        }
        ModelState.Clear();
        foreach (var e in result.Errors)
            ModelState.AddModelError(e.Field is "Status" or "Missing" or "Version" or "Countersignature" ? "" : "Input." + e.Field, e.Message);
        var current = result.Outcome == RecallOutcome.Conflict
            ? await db.RecallConsiderations.AsNoTracking().FirstAsync(x => x.Id == considerationId, ct)
            : Record;
        await ShowAsync(c, current, ct);
        return Page();
    }
}
