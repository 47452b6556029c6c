using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Incidents;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.CarePlans;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.Forms;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Incidents.Record;

/// <summary>The incident form's fields, shared by the page and the API.</summary>
public sealed record NewIncident(DateOnly? Date, string? Time, string? Location, IncidentType? Type, IncidentSeverity? Severity,
    string? Description, string? Trigger, string? StaffResponse, string? WhoWasInformed)
{
    public IReadOnlyList<FieldError> Validate(DateTimeOffset now, List<FieldError> errors)
    {
        void Need(string? v, string field, string message, int max)
        {
            if (errors.Any(e => e.Field == field)) return;
            if (string.IsNullOrWhiteSpace(v)) errors.Add(new(field, message));
            else if (v.Length > max) errors.Add(new(field, $"{message.Replace("Enter ", "", StringComparison.Ordinal)} must be {max} characters or fewer"));
        }
        if (Date is null && !errors.Any(e => e.Field == nameof(Date))) errors.Add(new(nameof(Date), "Enter the date of the incident"));
        if (OccurredAt() is { } at && at > now) errors.Add(new(nameof(Date), "The incident must not be in the future"));
        if (!string.IsNullOrWhiteSpace(Time) && ParseTime() is null) errors.Add(new(nameof(Time), "Enter the time as hours and minutes, for example 14:30"));
        Need(Location, nameof(Location), "Enter where it happened", 200);
        if (Type is null) errors.Add(new(nameof(Type), "Choose the type of incident"));
        if (Severity is null) errors.Add(new(nameof(Severity), "Choose how serious it was"));
        Need(Description, nameof(Description), "Enter what happened", 4000);
        if (Trigger is { Length: > 200 }) errors.Add(new(nameof(Trigger), "The trigger must be 200 characters or fewer"));
        Need(StaffResponse, nameof(StaffResponse), "Enter what staff did", 4000);
        Need(WhoWasInformed, nameof(WhoWasInformed), "Enter who was informed", 1000);
        return errors;
    }

    private TimeOnly? ParseTime() =>
        TimeOnly.TryParseExact(Time?.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    public DateTimeOffset? OccurredAt() => Date is { } d ? new DateTimeOffset(d.ToDateTime(ParseTime() ?? TimeOnly.MinValue), TimeSpan.Zero) : null;

    public Incident ToIncident(Guid caseId, Guid userId, DateTimeOffset now) => new()
    {
        CaseId = caseId, OccurredAt = OccurredAt()!.Value, Location = Location!.Trim(), Type = Type!.Value, Severity = Severity!.Value,
        Description = Description!.Trim(), Trigger = string.IsNullOrWhiteSpace(Trigger) ? null : Trigger.Trim(),
        StaffResponse = StaffResponse!.Trim(), WhoWasInformed = WhoWasInformed!.Trim(), RecordedById = userId, CreatedAt = now,
    };
}

/// <summary>The form for <see cref="RecordIncident"/>. AP staff may record on residents they can see, as well as psychologists and offender managers.</summary>
[Authorize(Policy = Policies.IncidentRecorder)]
[Audited(AuditActions.Incident.Create)]
[CaseScoped(AccessNeed.Contribute, EntityType = "Incident", ReadActionOnGet = AuditActions.Case.Read)]
public sealed class RecordModel(CurrentCase current, CarePlanAccess access, RecordIncident record) : PageModel
{
    public CaseHeader Header => current.Context.Header(CaseTab.Incidents);
    [BindProperty] public DateParts Date { get; set; } = new();
    [BindProperty] public string? Time { get; set; }
    [BindProperty] public string? Location { get; set; }
    [BindProperty] public IncidentType? Type { get; set; }
    [BindProperty] public IncidentSeverity? Severity { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Trigger { get; set; }
    [BindProperty] public string? StaffResponse { get; set; }
    [BindProperty] public string? WhoWasInformed { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await access.ViewAsync(current.Context, ct, "Incident") is null ? NotFound() : (IActionResult)Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        if (Date.TryParse("Date of the incident", out var date) is { } dateError) unreadable.Add(new(nameof(Date), dateError));
        var input = new NewIncident(date, Time, Location, Type, Severity, Description, Trigger, StaffResponse, WhoWasInformed);
        return await this.PresentAsync(await record.HandleAsync(current.Context, input, unreadable, ct), incident =>
        {
            TempData["Success"] = "Incident recorded";
            return Redirect($"/cases/{incident.CaseId}/incidents/{incident.Id}");
        }, prefix: "");
    }
}
