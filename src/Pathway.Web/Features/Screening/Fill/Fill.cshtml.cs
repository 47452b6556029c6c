using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Instruments;
using Pathway.Domain.Licences;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Screening.Fill;

/// <summary>
/// Fills in a draft: eligibility answers, items, and any clinical override. "Save draft" keeps an incomplete draft
/// to come back to; "Complete" scores it, or refuses naming every missing required item. The form carries the
/// version it was loaded at, so a second person's save is never silently overwritten.
/// </summary>
[Authorize(Policy = Policies.ScreeningRecorder)]
[Audited(AuditActions.Screening.Update)]
[CaseScoped(AccessNeed.Edit)]
public sealed class FillModel(CurrentCase current, PathwayDbContext db, AuditLog audit) : PageModel
{
    public const string AnswerPrefix = "a.";
    public const string GatePrefix = "g.";
    public const string ReasonPrefix = "r.";

    public CaseHeader Header => current.Context.Header(CaseTab.Screening);
    public InstrumentResponse Screening { get; private set; } = null!;
    public InstrumentDefinition Definition { get; private set; } = null!;
    public ResponseAnswers Current { get; private set; } = ResponseAnswers.Empty;
    public int FormVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid responseId, CancellationToken ct)
    {
        var id = current.Context.Id;
        var r = await ScreeningResponses.FindAsync(db.InstrumentResponses.AsNoTracking(), id, responseId, ct);
        if (r is null) return await DeniedAsync(id, responseId, ct);
        if (r.Status == ResponseStatus.Completed) return Redirect($"/cases/{id}/screening/{r.Id}");
        await audit.WriteAsync(AuditActions.Screening.Read, "InstrumentResponse", r.Id, id, ct: ct);
        Show(r, ScreeningResponses.AnswersOf(r));
        return Page();
    }

    /// <summary>"Save draft" (<see cref="SaveScreeningDraft"/>) or "Complete" (<see cref="CompleteScreening"/>) with the answers posted.</summary>
    public async Task<IActionResult> OnPostAsync(Guid responseId, string? action, [FromServices] SaveScreeningDraft save,
        [FromServices] CompleteScreening complete, CancellationToken ct)
    {
        var id = current.Context.Id;
        var r = await ScreeningResponses.FindAsync(db.InstrumentResponses.AsNoTracking(), id, responseId, ct);
        if (r is null) return await DeniedAsync(id, responseId, ct);
        if (r.Status == ResponseStatus.Completed) return Redirect($"/cases/{id}/screening/{r.Id}");
        var posted = ReadForm(ScreeningResponses.DefinitionOf(r));
        var version = int.TryParse(Request.Form["Version"], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;

        var completing = action == "complete";
        var outcome = completing
            ? await complete.HandleAsync(current.Context, responseId, posted, version, [], FieldName, ct)
            : await save.HandleAsync(current.Context, responseId, posted, version, [], FieldName, ct);
        InstrumentResponse? conflict = null;
        return await this.PresentAsync(outcome, saved =>
        {
            TempData["Success"] = completing ? "Screening completed" : "Draft saved";
            return Redirect(completing ? $"/cases/{id}/screening/{saved.Id}" : $"/cases/{id}/screening/{saved.Id}/edit");
        }, () =>
        {
            // Invalid: the answers as posted, on the response as saved; a conflict: the answers now saved.
            Show(conflict ?? r, conflict is null ? posted : ScreeningResponses.AnswersOf(conflict));
            return Task.CompletedTask;
        }, prefix: "", conflict: saved =>
        {
            conflict = saved;
            ModelState.AddModelError(string.Empty, "Someone else saved this screening while you were filling it in. Nothing has been saved. The answers now saved are shown; check them and save again.");
        });
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

    private void Show(InstrumentResponse r, ResponseAnswers answers)
    {
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
