using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Instruments;
using Pathway.Domain.Licences;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.Screening.Fill;

/// <summary>
/// Fills in a draft: eligibility answers, items, and any clinical override. "Save draft" keeps an incomplete draft
/// to come back to; "Complete" scores it, or refuses naming every missing required item. The form carries the
/// version it was loaded at, so a second person's save is never silently overwritten.
/// </summary>
[Authorize(Policy = Policies.ScreeningRecorder)]
[Audited("screening.update")]
public sealed class FillModel(CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public const string AnswerPrefix = "a.";
    public const string GatePrefix = "g.";
    public const string ReasonPrefix = "r.";

    public CaseHeader Header { get; private set; } = null!;
    public InstrumentResponse Screening { get; private set; } = null!;
    public InstrumentDefinition Definition { get; private set; } = null!;
    public ResponseAnswers Current { get; private set; } = ResponseAnswers.Empty;
    public int FormVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid responseId, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        var r = await ScreeningResponses.FindAsync(db.InstrumentResponses.AsNoTracking(), id, responseId, ct);
        if (r is null) return await DeniedAsync(id, responseId, ct);
        if (r.Status == ResponseStatus.Completed) return Redirect($"/cases/{id}/screening/{r.Id}");
        await audit.WriteAsync("screening.read", "InstrumentResponse", r.Id, c.Id, ct: ct);
        Show(c, r, ScreeningResponses.AnswersOf(r));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid responseId, string? action, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return NotFound();
        var r = await ScreeningResponses.FindAsync(db.InstrumentResponses, id, responseId, ct);
        if (r is null) return await DeniedAsync(id, responseId, ct);
        if (r.Status == ResponseStatus.Completed) return Redirect($"/cases/{id}/screening/{r.Id}");
        var posted = ReadForm(ScreeningResponses.DefinitionOf(r));
        ModelState.Clear();

        var version = int.TryParse(Request.Form["Version"], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;
        if (version != r.Version)
        {
            ModelState.AddModelError(string.Empty, "Someone else saved this screening while you were filling it in. Nothing has been saved. The answers now saved are shown; check them and save again.");
            Show(c, r, ScreeningResponses.AnswersOf(r));
            return Page();
        }

        var complete = action == "complete";
        var errors = complete
            ? await ScreeningResponses.CompleteAsync(db, r, posted, User.ToStaffContext().UserId, clock.GetUtcNow(), ct)
            : ScreeningResponses.SaveDraft(r, posted);
        if (errors.Count > 0)
        {
            var def = ScreeningResponses.DefinitionOf(r);
            errors.Select(e => e with { Field = FieldName(def, e.Field) }).AddTo(ModelState);
            db.ChangeTracker.Clear();
            Show(c, r, posted);
            return Page();
        }

        db.Entry(r).Property(x => x.Version).OriginalValue = version;
        audit.Add(complete ? "screening.complete" : null, "InstrumentResponse", r.Id, c.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = (await ScreeningResponses.FindAsync(db.InstrumentResponses.AsNoTracking(), id, responseId, ct))!;
            ModelState.AddModelError(string.Empty, "Someone else saved this screening at the same moment. Nothing has been saved. The answers now saved are shown; check them and save again.");
            Show(c, fresh, ScreeningResponses.AnswersOf(fresh));
            return Page();
        }
        TempData["Success"] = complete ? "Screening completed" : "Draft saved";
        return Redirect(complete ? $"/cases/{id}/screening/{r.Id}" : $"/cases/{id}/screening/{r.Id}/edit");
    }

    /// <summary>Form field for an engine error: gates are <c>g.{id}</c>, questions <c>a.{id}</c>, written reasons <c>r.{id}</c>.</summary>
    public static string FieldName(InstrumentDefinition def, string field) =>
        def.Gates.Any(g => g.LinkId == field) ? GatePrefix + field
        : def.Questions().Any(q => q.LinkId == field) ? AnswerPrefix + field
        : def.Items.FirstOrDefault(i => InstrumentEngine.ReasonField(i.LinkId) == field) is { } item ? ReasonPrefix + item.LinkId
        : field is "InstrumentKey" or "Instrument" ? string.Empty // about the whole screening (withdrawn, guidance only): no field to link to
        : field;

    private ResponseAnswers ReadForm(InstrumentDefinition def)
    {
        var form = Request.Form;
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var q in def.Questions())
        {
            if (form[AnswerPrefix + q.LinkId].ToString() is { Length: > 0 } code) answers[q.LinkId] = code;
        }
        var gates = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var g in def.Gates)
        {
            var value = form[GatePrefix + g.LinkId].ToString();
            if (value is "yes" or "no") gates[g.LinkId] = value == "yes";
        }
        var reasons = def.Items.Where(i => i.ReasonRequired)
            .Select(i => (i.LinkId, Text: form[ReasonPrefix + i.LinkId].ToString()))
            .Where(x => x.Text.Length > 0).ToDictionary(x => x.LinkId, x => x.Text, StringComparer.Ordinal);
        return new ResponseAnswers(answers, gates, form["Override"] == "true", form["OverrideReason"].ToString(), reasons);
    }

    private void Show(CaseRecord c, InstrumentResponse r, ResponseAnswers answers)
    {
        Header = new CaseHeader(c, CaseTab.Screening, CaseAccessRules.CanViewAccessLog(User.ToStaffContext()));
        Screening = r;
        Definition = ScreeningResponses.DefinitionOf(r);
        Current = answers;
        FormVersion = r.Version;
    }

    private async Task<IActionResult> DeniedAsync(Guid caseId, Guid responseId, CancellationToken ct)
    {
        await audit.DeniedAsync("InstrumentResponse", responseId, caseId, ct);
        return NotFound();
    }
}
