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

namespace Pathway.Web.Features.Compliance.Enforcement;

/// <summary>The form for <see cref="IssueWarningLetter"/>: a first or final warning letter against the conditions breached.</summary>
[Authorize(Policy = Policies.ProbationRecorder)]
[Audited(AuditActions.Warning.Create)]
[CaseScoped(AccessNeed.Edit, ReadActionOnGet = AuditActions.Case.Read)]
public sealed class IssueWarningModel(CurrentCase current, IssueWarningLetter issue, PathwayDbContext db, TimeProvider clock) : PageModel
{
    public sealed class WarningForm
    {
        public string? Level { get; set; }
        public DateParts IssuedOn { get; set; } = new();
        public string? Circumstances { get; set; }
        public List<string> Conditions { get; set; } = [];

        public WarningDetails Parse(List<FieldError> errors)
        {
            var error = IssuedOn.TryParse("Date issued", out var d);
            if (error is not null) errors.Add(new(nameof(IssuedOn), error));
            return new(Enum.TryParse<WarningLevel>(Level, out var l) && Enum.IsDefined(l) ? l : null, d, Circumstances, Conditions);
        }
    }

    [BindProperty] public WarningForm Input { get; set; } = new();
    public CaseHeader Header => current.Context.Header(CaseTab.Compliance);
    public CurrentLicenceConditions Conditions { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var outcome = await issue.HandleAsync(current.Context, Input.Parse(unreadable), unreadable, ct);
        return await this.PresentAsync(outcome, letter =>
        {
            TempData["Success"] = "Warning letter recorded";
            return Redirect($"/cases/{letter.CaseId}/warnings/{letter.Id}/letter");
        }, () => ShowAsync(ct));
    }

    private async Task ShowAsync(CancellationToken ct) =>
        Conditions = await CurrentLicenceConditions.LoadAsync(db, current.Context.Id, ComplianceEndpoints.Today(clock), ct);
}
