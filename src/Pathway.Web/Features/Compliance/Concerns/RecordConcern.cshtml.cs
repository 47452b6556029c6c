using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Compliance;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Concerns;

/// <summary>
/// The form for <see cref="RecordConcern"/>. Anyone who can see the case and works with the person (probation, the PD
/// service, the police unit, approved-premises staff) may record one: they are often the first to see it.
/// </summary>
[Authorize(Policy = Policies.ConcernRecorder)]
[Audited(AuditActions.Concern.Create)]
[CaseScoped(AccessNeed.Contribute, ReadActionOnGet = AuditActions.Case.Read)]
public sealed class RecordConcernModel(CurrentCase current, RecordConcern record, PathwayDbContext db, TimeProvider clock) : PageModel
{
    public sealed class ConcernForm
    {
        public DateParts Date { get; set; } = new();
        public string? Type { get; set; }
        public string? Description { get; set; }
        public string? MatchedEarlyWarningSign { get; set; }
        public string? CarePlanSign { get; set; }
        public List<string> Conditions { get; set; } = [];

        public ConcernDetails Parse(List<FieldError> errors)
        {
            var error = Date.TryParse("Date", out var date);
            if (error is not null) errors.Add(new(nameof(Date), error));
            return new(date, Enum.TryParse<ConcernType>(Type, out var t) && Enum.IsDefined(t) ? t : null, Description, MatchedEarlyWarningSign, Conditions, CarePlanSign);
        }
    }

    [BindProperty] public ConcernForm Input { get; set; } = new();
    public CaseHeader Header => current.Context.Header(CaseTab.Compliance);
    public CurrentLicenceConditions Conditions { get; private set; } = null!;
    public CarePlanSignChoices Signs { get; private set; } = CarePlanSignChoices.None;

    public Task OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var outcome = await record.HandleAsync(current.Context, Input.Parse(unreadable), unreadable, ct);
        return await this.PresentAsync(outcome, concern =>
        {
            TempData["Success"] = "Behaviour of concern recorded";
            return Redirect($"/cases/{concern.CaseId}/compliance");
        }, () => ShowAsync(ct));
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        var c = current.Context;
        Conditions = await CurrentLicenceConditions.LoadAsync(db, c.Id, ComplianceEndpoints.Today(clock), ct);
        Signs = await CarePlanSignChoices.LoadAsync(db, c.Id, c.Who, ct);
    }
}
