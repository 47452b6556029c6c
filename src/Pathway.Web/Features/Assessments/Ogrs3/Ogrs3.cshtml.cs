using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Domain.Auditing;
using Pathway.Domain.Cases;
using Pathway.Domain.Licences;
using Pathway.Domain.Risk;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Forms;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Assessments.Ogrs3Page;

public sealed class Ogrs3Form
{
    public string? Sex { get; set; }
    public DateParts DateOfBirth { get; set; } = new();
    public DateParts ConvictionDate { get; set; } = new();
    public DateParts FirstSanctionDate { get; set; } = new();
    public string? PreviousSanctions { get; set; }
    public string? OffenceCategory { get; set; }
    public DateParts AssessmentDate { get; set; } = new();

    public Ogrs3Inputs Parse(List<FieldError> errors)
    {
        DateOnly? Date(DateParts p, string field, string label)
        {
            var e = p.TryParse(label, out var v);
            if (e is not null) errors.Add(new(field, e));
            return v;
        }
        int? sanctions = null;
        if (!string.IsNullOrWhiteSpace(PreviousSanctions))
        {
            if (int.TryParse(PreviousSanctions.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) sanctions = n;
            else errors.Add(new(nameof(PreviousSanctions), "Previous sanctions must be a whole number, like 3"));
        }
        return new Ogrs3Inputs(
            Enum.TryParse<Ogrs3Sex>(Sex, out var s) && Enum.IsDefined(s) ? s : null,
            Date(DateOfBirth, nameof(DateOfBirth), "Date of birth"), Date(ConvictionDate, nameof(ConvictionDate), "Conviction date"),
            Date(FirstSanctionDate, nameof(FirstSanctionDate), "Date of first sanction"), sanctions,
            Enum.TryParse<Ogrs3OffenceCategory>(OffenceCategory, out var c) && Enum.IsDefined(c) ? c : null,
            Date(AssessmentDate, nameof(AssessmentDate), "Assessment date"));
    }
}

/// <summary>The form for <see cref="RecordOgrs3Score"/>: OGRS3 from the person's criminal history, stored on the case with its inputs.</summary>
[Authorize(Policy = Policies.CaseEditor)]
[Audited(AuditActions.Ogrs3.Create)]
[CaseScoped(AccessNeed.Edit, ReadActionOnGet = AuditActions.Case.Read)]
public sealed class Ogrs3Model(CurrentCase current, RecordOgrs3Score record, TimeProvider clock) : PageModel
{
    [BindProperty] public Ogrs3Form Input { get; set; } = new();
    public CaseHeader Header => current.Context.Header(CaseTab.Assessments);

    public void OnGet()
    {
        var c = current.Context.Case;
        Input.DateOfBirth = DateParts.From(c.DateOfBirth);
        Input.Sex = c.Gender switch { Gender.Male => nameof(Ogrs3Sex.Male), Gender.Female => nameof(Ogrs3Sex.Female), _ => null };
        Input.AssessmentDate = DateParts.From(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var outcome = await record.HandleAsync(current.Context, Input.Parse(unreadable), unreadable, ct);
        return await this.PresentAsync(outcome, score =>
        {
            TempData["Success"] = $"OGRS3: {AssessmentDocument.Percent(score.OneYear)} at one year, {AssessmentDocument.Percent(score.TwoYear)} at two years ({Ogrs3.DisplayName(score.Band).ToLowerInvariant()})";
            return Redirect($"/cases/{score.CaseId}/assessments");
        });
    }
}
