using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Enforcement;

/// <summary>The form for <see cref="RecordBreachOfLicence"/>: a breach of specific conditions of the current licence.</summary>
[Authorize(Policy = Policies.ProbationRecorder)]
[Audited(AuditActions.Breach.Create)]
[CaseScoped(AccessNeed.Edit, ReadActionOnGet = AuditActions.Case.Read)]
public sealed class RecordBreachModel(CurrentCase current, RecordBreachOfLicence record, PathwayDbContext db, TimeProvider clock) : PageModel
{
    public sealed class BreachForm
    {
        public DateParts OccurredOn { get; set; } = new();
        public string? Description { get; set; }
        public List<string> Conditions { get; set; } = [];

        public BreachDetails Parse(List<FieldError> errors)
        {
            var error = OccurredOn.TryParse("Date of the breach", out var d);
            if (error is not null) errors.Add(new(nameof(OccurredOn), error));
            return new(d, Description, Conditions);
        }
    }

    [BindProperty] public BreachForm Input { get; set; } = new();
    public CaseHeader Header => current.Context.Header(CaseTab.Compliance);
    public CurrentLicenceConditions Conditions { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var outcome = await record.HandleAsync(current.Context, Input.Parse(unreadable), unreadable, ct);
        return await this.PresentAsync(outcome, breach =>
        {
            TempData["Success"] = "Breach recorded";
            return Redirect($"/cases/{breach.CaseId}/compliance");
        }, () => ShowAsync(ct));
    }

    private async Task ShowAsync(CancellationToken ct) =>
        Conditions = await CurrentLicenceConditions.LoadAsync(db, current.Context.Id, ComplianceEndpoints.Today(clock), ct);
}
