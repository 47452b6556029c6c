using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Recall;

/// <summary>
/// What every recall consideration page shares: the record under the case in the URL (the case itself is loaded, checked
/// and audited by <see cref="CurrentCase"/> from the page's <see cref="CaseScopedAttribute"/>), the workflow facts, and
/// presenting a handler's outcome (errors in the summary, or a conflict explained over the record as saved now).
/// </summary>
public abstract class RecallPageModel(CurrentCase current, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public const string ConflictMessage =
        "Someone else changed this recall consideration while you were working on it. Nothing has been saved: check the latest version, then make your change again";

    /// <summary>Errors about the record as a whole go to the top of the summary rather than against a field.</summary>
    private static readonly HashSet<string> RecordFields = ["Status", "Missing", "Version", "Countersignature"];

    protected PathwayDbContext Db => db;
    protected AuditLog Audit => audit;
    protected CaseContext Case => current.Context;
    protected DateOnly Today => ComplianceEndpoints.Today(clock);

    public CaseHeader Header { get; private set; } = null!;
    public RecallConsideration Record { get; private set; } = null!;
    public RecallFacts Facts { get; private set; } = null!;
    public StaffContext Who => User.ToStaffContext();
    public bool IsOpen => Record.Status is RecallConsiderationStatus.InProgress or RecallConsiderationStatus.AwaitingDecision;
    public string RecordPath => $"/cases/{Record.CaseId}/recall/{Record.Id}";

    /// <summary>
    /// Loads the record to show; false (with a denied audit row) when the case has no such record. Form pages record the
    /// view themselves (<paramref name="readAction"/>), as other edit forms do.
    /// </summary>
    protected async Task<bool> LoadAsync(Guid considerationId, string? readAction, CancellationToken ct)
    {
        var r = await CaseRecordLookup.FindAsync(db.RecallConsiderations.AsNoTracking(), audit, Case.Id, considerationId, ct);
        if (r is null) return false;
        if (readAction is not null) await audit.WriteAsync(readAction, nameof(RecallConsideration), r.Id, Case.Id, ct: ct);
        await ShowAsync(r, ct);
        return true;
    }

    private async Task ShowAsync(RecallConsideration r, CancellationToken ct)
    {
        Record = r;
        Header = Case.Header(CaseTab.Compliance);
        Facts = await RecallFacts.LoadAsync(db, Case.Case, r, Who.Roles, Today, ct);
    }

    /// <summary>After a handler: redirect with <paramref name="success"/>; otherwise the page shows the record as saved now with the errors or the conflict.</summary>
    protected Task<IActionResult> PresentAsync<T>(Outcome<T> outcome, Guid considerationId, string success, Func<T, string>? redirect,
        CancellationToken ct, Func<Task>? redisplay = null) =>
        this.PresentAsync(ForPage(outcome), value =>
            {
                TempData["Success"] = success;
                return Redirect(redirect?.Invoke(value) ?? $"/cases/{Case.Id}/recall/{considerationId}");
            },
            async () =>
            {
                await ShowAsync(await RecallChange.CurrentAsync(db, considerationId, ct), ct);
                if (redisplay is not null) await redisplay();
            },
            prefix: "", conflict: _ => ModelState.AddModelError(string.Empty, ConflictMessage));

    /// <summary>Field errors go under the form (<c>Input.</c>), errors about the record as a whole to the top.</summary>
    protected static Outcome<T> ForPage<T>(Outcome<T> outcome) => outcome is Outcome<T>.Invalid i
        ? Outcome.Invalid<T>(i.Errors.Select(e => RecordFields.Contains(e.Field) ? e with { Field = "" } : e with { Field = "Input." + e.Field }).ToList())
        : outcome;

    /// <summary>Reads a date from the form, reporting it against <paramref name="field"/>.</summary>
    internal static DateOnly? ParseDate(Infrastructure.Forms.DateParts parts, string field, string label, List<FieldError> errors)
    {
        var error = parts.TryParse(label, out var value);
        if (error is not null) errors.Add(new(field, error));
        return value;
    }
}
