using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Licences;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.CarePlans;

/// <summary>A care-plan version in a list. The reason and review date are left out for roles that work from the summary.</summary>
public sealed record CarePlanVersionDto(
    Guid Id, int Number, string Status, string? Reason, DateTimeOffset CreatedAt, DateTimeOffset? SignedAt, DateTimeOffset? CountersignedAt,
    DateTimeOffset? SupersededAt, string? ReviewDate, int Version)
{
    public static CarePlanVersionDto From(CarePlan p, CarePlanView view)
    {
        var full = view != CarePlanView.Summary;
        return new(p.Id, p.Number, Api.Name(p.Status), full ? p.Reason : null, p.CreatedAt, p.SignedAt, p.CountersignedAt, p.SupersededAt,
            full && p.ReviewDate is { } d ? Api.Date(d) : null, p.Version);
    }
}

/// <summary>One section's text answers, by field key.</summary>
public sealed record CarePlanSectionDto(string Section, string Title, IReadOnlyDictionary<string, string> Text);

public sealed record CarePlanGoalStatusDto(string? From, string To, string? Note, DateTimeOffset ChangedAt);

public sealed record CarePlanGoalDto(Guid Id, int Position, string Area, string InOwnWords, string Smart, string TargetDate, string Status,
    IReadOnlyList<CarePlanGoalStatusDto> History, int Version)
{
    /// <param name="g">A goal with its status history loaded, oldest first.</param>
    public static CarePlanGoalDto From(CarePlanGoal g) => new(g.Id, g.Position, Api.Name(g.Area), g.InOwnWords, g.Smart, Api.Date(g.TargetDate), Api.Name(g.Status),
        g.History.Select(h => new CarePlanGoalStatusDto(h.From is { } f ? Api.Name(f) : null, Api.Name(h.To), h.Note, h.ChangedAt)).ToList(), g.Version);
}

public sealed record CarePlanActionDto(Guid Id, int Position, string What, string Who, string When, string Status, int Version)
{
    public static CarePlanActionDto From(CarePlanAction x) => new(x.Id, x.Position, x.What, x.Who, x.When, Api.Name(x.Status), x.Version);
}

/// <summary>
/// One care-plan version with only what the caller's role may see: sections it may not see are absent (never read from
/// the database), and so are goals, actions, skills and the person's agreement when the role works from the summary.
/// </summary>
public sealed record CarePlanDto(
    Guid Id, Guid CaseId, int Number, string Status, string View, string? Reason, DateTimeOffset CreatedAt, DateTimeOffset? SignedAt,
    DateTimeOffset? CountersignedAt, DateTimeOffset? SupersededAt, IReadOnlyList<CarePlanSectionDto> Sections,
    string? Agreement, string? AgreementReason, string? ReviewDate, IReadOnlyList<string> Skills,
    IReadOnlyList<CarePlanGoalDto> Goals, IReadOnlyList<CarePlanActionDto> Actions, IReadOnlyList<string> EmptySections, int Version)
{
    public static CarePlanDto From(CarePlanContent content)
    {
        var p = content.Plan;
        var text = content.AllText();
        var sections = Enum.GetValues<CarePlanSection>()
            .Where(s => content.Sees(s) && s is not CarePlanSection.Goals and not CarePlanSection.Actions)
            .Select(s => new CarePlanSectionDto(CarePlanFields.Slug(s), CarePlanSections.DisplayName(s),
                CarePlanFields.Stored(s).Where(f => text.ContainsKey(f.Key)).ToDictionary(f => f.Key, f => text[f.Key])))
            .Where(s => s.Text.Count > 0)
            .ToList();
        var involvement = content.Sees(CarePlanSection.PersonsInvolvement);
        return new(
            p.Id, p.CaseId, p.Number, Api.Name(p.Status), Api.Name(content.View), content.View == CarePlanView.Summary ? null : p.Reason,
            p.CreatedAt, p.SignedAt, p.CountersignedAt, p.SupersededAt, sections,
            involvement && p.Agreement is { } a ? Api.Name(a) : null, involvement ? p.AgreementReason : null,
            content.Sees(CarePlanSection.Review) && p.ReviewDate is { } d ? Api.Date(d) : null,
            content.Skills.Select(k => k.Code).ToList(),
            content.Goals.Select(CarePlanGoalDto.From).ToList(),
            content.Actions.Select(CarePlanActionDto.From).ToList(),
            p.Status == CarePlanStatus.Draft && content.View != CarePlanView.Summary ? content.EmptySections().Select(CarePlanFields.Slug).ToList() : [],
            p.Version);
    }
}

public sealed record CarePlanStartRequest(string? Reason);

/// <summary>Sign or countersign: send the version you read.</summary>
public sealed record CarePlanVersionRequest(int? Version);

/// <summary>
/// One section of a draft. <c>Text</c> holds the section's answers by field key (a key left out or empty clears that
/// answer); <c>Agreement</c>/<c>AgreementReason</c> for the person's involvement, <c>ReviewDate</c> (yyyy-MM-dd) for the
/// review, <c>Skills</c> (DBT skill codes) for the functions of behaviour.
/// </summary>
public sealed record CarePlanSectionWriteRequest(
    Dictionary<string, string?>? Text, string? Agreement, string? AgreementReason, string? ReviewDate, List<string>? Skills, int? Version);

public sealed record ChainAnalysisSummaryDto(string? FunctionCategory, DateTimeOffset? CompletedAt);

public sealed record IncidentDto(
    Guid Id, Guid CaseId, DateTimeOffset OccurredAt, string Location, string Type, string Severity, string Description, string? Trigger,
    string StaffResponse, string WhoWasInformed, Guid RecordedById, ChainAnalysisSummaryDto? ChainAnalysis, int Version)
{
    public static IncidentDto From(Incident i) => new(
        i.Id, i.CaseId, i.OccurredAt, i.Location, Api.Name(i.Type), Api.Name(i.Severity), i.Description, i.Trigger, i.StaffResponse, i.WhoWasInformed,
        i.RecordedById,
        i.ChainAnalysis is { } a ? new ChainAnalysisSummaryDto(a.FunctionCategory is { } f ? Api.Name(f) : null, a.CompletedAt) : null,
        i.Version);
}

/// <summary>
/// Care plans and incidents over the JSON API, with the pages' access checks (<see cref="CarePlanAccess"/>), visibility
/// (<see cref="CarePlanContent"/>), commands (<see cref="CarePlanCommands"/>) and audit actions.
/// </summary>
public static class CarePlanEndpoints
{
    public static RouteGroupBuilder MapCarePlanEndpoints(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/cases/{id:guid}/care-plans").WithTags("Care plans");
        plans.MapGet("/", ListAsync).Audited("careplan.list").RequireAuthorization(Policies.CaseData)
            .WithSummary("List a case's care-plan versions, newest first (roles that work from the summary see only the active one)");
        plans.MapGet("/{planId:guid}", GetAsync).Audited("careplan.read").RequireAuthorization(Policies.CaseData)
            .WithSummary("Get one care-plan version with only the sections the caller's role may see, its goals and actions");
        plans.MapGet("/{planId:guid}/summary", SummaryAsync).Audited("careplan.summary.read").RequireAuthorization(Policies.CaseData)
            .WithSummary("Get the one-page 'How to work with this person' summary of a version");
        plans.MapPost("/", StartAsync).Audited("careplan.version.create").RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Start the first care plan, or a new version of the active one; give the reason");
        plans.MapPut("/{planId:guid}/sections/{section}", SaveSectionAsync).Audited("careplan.section.update").RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Save one section of a draft; send the plan version you read, or get 409 if anyone saved since");
        plans.MapPost("/{planId:guid}/sign", SignAsync).Audited("careplan.sign").RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Sign a draft (psychologist); every required section must have content");
        plans.MapPost("/{planId:guid}/countersign", CountersignAsync).Audited("careplan.countersign").RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Countersign a signed version (offender manager or senior probation officer, not the signer); it becomes the active plan");

        var incidents = api.MapGroup("/cases/{id:guid}/incidents").WithTags("Incidents");
        incidents.MapGet("/", ListIncidentsAsync).Audited("incident.list").RequireAuthorization(Policies.CaseData)
            .WithSummary("List a case's incidents, newest first");
        incidents.MapGet("/{incidentId:guid}", GetIncidentAsync).Audited("incident.read").RequireAuthorization(Policies.CaseData)
            .WithSummary("Get one incident");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<CarePlanVersionDto>>, NotFound>> ListAsync(
        Guid id, CarePlanAccess access, PathwayDbContext db, CancellationToken ct)
    {
        var pc = await access.LoadAsync(id, AccessNeed.Read, ct, "CarePlanList");
        if (pc is null) return TypedResults.NotFound();
        var plans = db.CarePlans.AsNoTracking().Where(p => p.CaseId == id);
        if (pc.View == CarePlanView.Summary) plans = plans.Where(p => p.Status == CarePlanStatus.Active);
        var list = await plans.OrderByDescending(p => p.Number).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<CarePlanVersionDto>>(list.Select(p => CarePlanVersionDto.From(p, pc.View)).ToList());
    }

    private static async Task<Results<Ok<CarePlanDto>, NotFound>> GetAsync(
        Guid id, Guid planId, CarePlanAccess access, PathwayDbContext db, CancellationToken ct)
    {
        var pc = await access.LoadAsync(id, AccessNeed.Read, ct, "CarePlan", planId);
        if (pc is null) return TypedResults.NotFound();
        var plan = await access.FindPlanAsync(db.CarePlans.AsNoTracking(), pc, planId, ct);
        if (plan is null) return TypedResults.NotFound();
        return TypedResults.Ok(CarePlanDto.From(await CarePlanContent.LoadAsync(db, plan, pc.View, ct)));
    }

    private static async Task<Results<Ok<CarePlanDto>, NotFound>> SummaryAsync(
        Guid id, Guid planId, CarePlanAccess access, PathwayDbContext db, CancellationToken ct)
    {
        var pc = await access.LoadAsync(id, AccessNeed.Read, ct, "CarePlan", planId);
        if (pc is null) return TypedResults.NotFound();
        var plan = await access.FindPlanAsync(db.CarePlans.AsNoTracking(), pc, planId, ct);
        if (plan is null) return TypedResults.NotFound();
        // The summary reads the summary sections whatever the role, and nothing else.
        return TypedResults.Ok(CarePlanDto.From(await CarePlanContent.LoadAsync(db, plan, CarePlanView.Summary, ct)));
    }

    private static async Task<Results<Created<CarePlanDto>, NotFound, ValidationProblem>> StartAsync(
        Guid id, CarePlanStartRequest body, HttpContext http, CarePlanAccess access, CarePlanCommands commands, PathwayDbContext db, CancellationToken ct)
    {
        var pc = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (pc is null) return TypedResults.NotFound();
        var result = await commands.StartAsync(pc.Case, http.User.ToStaffContext().UserId, body.Reason, ct);
        if (result.Outcome != CommandOutcome.Done) return TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        var plan = await db.CarePlans.AsNoTracking().FirstAsync(p => p.Id == result.PlanId, ct);
        return TypedResults.Created($"/api/v1/cases/{id}/care-plans/{plan.Id}", CarePlanDto.From(await CarePlanContent.LoadAsync(db, plan, pc.View, ct)));
    }

    private static async Task<Results<Ok<CarePlanDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CarePlanDto>>>> SaveSectionAsync(
        Guid id, Guid planId, string section, CarePlanSectionWriteRequest body, CarePlanAccess access, CarePlanCommands commands,
        PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var pc = await access.LoadAsync(id, AccessNeed.Edit, ct, "CarePlan", planId);
        if (pc is null) return TypedResults.NotFound();
        var plan = await access.FindPlanAsync(db.CarePlans.Include(p => p.Texts), pc, planId, ct);
        if (plan is null || CarePlanFields.FromSlug(section) is not { } s || !CarePlanSections.CanSee(pc.View, s)) return TypedResults.NotFound();

        var errors = new List<FieldError>();
        if (body.Version is null) errors.Add(new("Version", "Send the version of the care plan you are changing (from a GET)"));
        if (s is CarePlanSection.Goals or CarePlanSection.Actions)
            errors.Add(new("Section", "Goals and actions are rows of their own, not text: they cannot be saved as a section"));
        var keys = CarePlanFields.For(s).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var key in (body.Text ?? []).Keys.Where(k => !keys.Contains(k)))
            errors.Add(new($"Text.{key}", $"'{Echo.Of(key)}' is not a field of this section. Use: {string.Join(", ", keys)}"));
        var agreement = Api.ParseEnum<PersonAgreement>(body.Agreement, nameof(body.Agreement), errors);
        var review = Api.ParseDate(body.ReviewDate, nameof(body.ReviewDate), errors);
        if (s == CarePlanSection.Review && review is { } d && d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            errors.Add(new("ReviewDate", "The review date must be in the future"));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());

        var input = new SectionInput(body.Text ?? [], agreement, body.AgreementReason, review, s == CarePlanSection.FunctionsOfBehaviour ? body.Skills : null);
        var result = await commands.SaveSectionAsync(plan, s, input, body.Version!.Value, ct);
        return await AnswerAsync(result, db, pc, planId, ct);
    }

    private static Task<Results<Ok<CarePlanDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CarePlanDto>>>> SignAsync(
        Guid id, Guid planId, CarePlanVersionRequest body, HttpContext http, CarePlanAccess access, CarePlanCommands commands, PathwayDbContext db, CancellationToken ct) =>
        ActAsync(id, planId, body, http, access, db, (plan, who, version) => commands.SignAsync(plan, who.UserId, who.Roles, version, ct), ct);

    private static Task<Results<Ok<CarePlanDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CarePlanDto>>>> CountersignAsync(
        Guid id, Guid planId, CarePlanVersionRequest body, HttpContext http, CarePlanAccess access, CarePlanCommands commands, PathwayDbContext db, CancellationToken ct) =>
        ActAsync(id, planId, body, http, access, db, (plan, who, version) => commands.CountersignAsync(plan, who.UserId, who.Roles, version, ct), ct);

    private static async Task<Results<Ok<CarePlanDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CarePlanDto>>>> ActAsync(
        Guid id, Guid planId, CarePlanVersionRequest body, HttpContext http, CarePlanAccess access, PathwayDbContext db,
        Func<CarePlan, StaffContext, int, Task<CommandResult>> act, CancellationToken ct)
    {
        var pc = await access.LoadAsync(id, AccessNeed.Edit, ct, "CarePlan", planId);
        if (pc is null) return TypedResults.NotFound();
        var plan = await access.FindPlanAsync(db.CarePlans.Include(p => p.Texts), pc, planId, ct);
        if (plan is null) return TypedResults.NotFound();
        if (body.Version is null)
            return TypedResults.ValidationProblem(new List<FieldError> { new("Version", "Send the version of the care plan you are signing (from a GET)") }.ToProblemErrors());
        return await AnswerAsync(await act(plan, http.User.ToStaffContext(), body.Version.Value), db, pc, planId, ct);
    }

    private static async Task<Results<Ok<CarePlanDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CarePlanDto>>>> AnswerAsync(
        CommandResult result, PathwayDbContext db, CarePlanCase pc, Guid planId, CancellationToken ct)
    {
        if (result.Outcome == CommandOutcome.Invalid) return TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        db.ChangeTracker.Clear();
        var current = CarePlanDto.From(await CarePlanContent.LoadAsync(db, await db.CarePlans.AsNoTracking().FirstAsync(p => p.Id == planId, ct), pc.View, ct));
        if (result.Outcome == CommandOutcome.Conflict)
            return Api.Conflict("care plan", current.Version, current);
        return TypedResults.Ok(current);
    }

    private static async Task<Results<Ok<IReadOnlyList<IncidentDto>>, NotFound>> ListIncidentsAsync(
        Guid id, CarePlanAccess access, PathwayDbContext db, CancellationToken ct)
    {
        var pc = await access.LoadAsync(id, AccessNeed.Read, ct, "IncidentList");
        if (pc is null) return TypedResults.NotFound();
        var list = await db.Incidents.AsNoTracking().Include(i => i.ChainAnalysis).Where(i => i.CaseId == id).OrderByDescending(i => i.OccurredAt).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<IncidentDto>>(list.Select(IncidentDto.From).ToList());
    }

    private static async Task<Results<Ok<IncidentDto>, NotFound>> GetIncidentAsync(
        Guid id, Guid incidentId, CarePlanAccess access, PathwayDbContext db, CancellationToken ct)
    {
        var pc = await access.LoadAsync(id, AccessNeed.Read, ct, "Incident", incidentId);
        if (pc is null) return TypedResults.NotFound();
        var incident = await access.FindIncidentAsync(db.Incidents.AsNoTracking().Include(i => i.ChainAnalysis), id, incidentId, ct);
        return incident is null ? TypedResults.NotFound() : TypedResults.Ok(IncidentDto.From(incident));
    }
}
