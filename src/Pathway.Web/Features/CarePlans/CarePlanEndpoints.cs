using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.CarePlans.Index;
using Pathway.Web.Features.CarePlans.Section;
using Pathway.Web.Features.CarePlans.Version;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.UseCases;

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

/// <summary>
/// Care plans over the JSON API: the pages' policies, case declarations (<see cref="CurrentCaseEndpoints.ForCase"/>),
/// visibility (<see cref="CarePlanContent"/>), handlers and audit actions.
/// </summary>
public static class CarePlanEndpoints
{
    public static RouteGroupBuilder MapCarePlanEndpoints(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/cases/{id:guid}/care-plans").WithTags("Care plans");
        plans.MapGet("/", ListAsync).Audited(AuditActions.CarePlan.List).ForCase(AccessNeed.Read, "CarePlanList").RequireAuthorization(Policies.CaseData)
            .WithSummary("List a case's care-plan versions, newest first (roles that work from the summary see only the active one)");
        plans.MapGet("/{planId:guid}", GetAsync).Audited(AuditActions.CarePlan.Read).ForCase(AccessNeed.Read, "CarePlan", "planId").RequireAuthorization(Policies.CaseData)
            .WithSummary("Get one care-plan version with only the sections the caller's role may see, its goals and actions");
        plans.MapGet("/{planId:guid}/summary", SummaryAsync).Audited(AuditActions.CarePlan.SummaryRead).ForCase(AccessNeed.Read, "CarePlan", "planId")
            .RequireAuthorization(Policies.CaseData)
            .WithSummary("Get the one-page 'How to work with this person' summary of a version");
        plans.MapPost("/", StartAsync).Audited(AuditActions.CarePlan.VersionCreate).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Start the first care plan, or a new version of the active one; give the reason");
        plans.MapPut("/{planId:guid}/sections/{section}", SaveSectionAsync).Audited(AuditActions.CarePlan.SectionUpdate).ForCase(AccessNeed.Edit, "CarePlan", "planId")
            .RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Save one section of a draft; send the plan version you read, or get 409 if anyone saved since");
        plans.MapPost("/{planId:guid}/sign", SignAsync).Audited(AuditActions.CarePlan.Sign).ForCase(AccessNeed.Edit, "CarePlan", "planId").RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Sign a draft (psychologist); every required section must have content");
        plans.MapPost("/{planId:guid}/countersign", CountersignAsync).Audited(AuditActions.CarePlan.Countersign).ForCase(AccessNeed.Edit, "CarePlan", "planId")
            .RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Countersign a signed version (offender manager or senior probation officer, not the signer); it becomes the active plan");
        return api;
    }

    // The case in the route is loaded, checked and audited by .ForCase before any of these run (see CurrentCase).
    // `Guid id` stays in the signatures for the OpenAPI document.

    private static async Task<Results<Ok<IReadOnlyList<CarePlanVersionDto>>, NotFound>> ListAsync(
        Guid id, CurrentCase current, CarePlanAccess access, PathwayDbContext db, CancellationToken ct)
    {
        if (await access.ViewAsync(current.Context, ct, "CarePlanList") is not { } pc) return TypedResults.NotFound();
        var plans = db.CarePlans.AsNoTracking().Where(p => p.CaseId == pc.Case.Id);
        if (pc.View == CarePlanView.Summary) plans = plans.Where(p => p.Status == CarePlanStatus.Active);
        var list = await plans.OrderByDescending(p => p.Number).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<CarePlanVersionDto>>(list.Select(p => CarePlanVersionDto.From(p, pc.View)).ToList());
    }

    private static async Task<Results<Ok<CarePlanDto>, NotFound>> GetAsync(
        Guid id, Guid planId, CurrentCase current, CarePlanAccess access, PathwayDbContext db, CancellationToken ct)
    {
        if (await access.ViewAsync(current.Context, ct, "CarePlan", planId) is not { } pc
            || await access.FindPlanAsync(db.CarePlans.AsNoTracking(), pc, planId, ct) is not { } plan)
            return TypedResults.NotFound();
        return TypedResults.Ok(CarePlanDto.From(await CarePlanContent.LoadAsync(db, plan, pc.View, ct)));
    }

    private static async Task<Results<Ok<CarePlanDto>, NotFound>> SummaryAsync(
        Guid id, Guid planId, CurrentCase current, CarePlanAccess access, PathwayDbContext db, CancellationToken ct)
    {
        if (await access.ViewAsync(current.Context, ct, "CarePlan", planId) is not { } pc
            || await access.FindPlanAsync(db.CarePlans.AsNoTracking(), pc, planId, ct) is not { } plan)
            return TypedResults.NotFound();
        // The summary reads the summary sections whatever the role, and nothing else.
        return TypedResults.Ok(CarePlanDto.From(await CarePlanContent.LoadAsync(db, plan, CarePlanView.Summary, ct)));
    }

    private static async Task<Results<Created<CarePlanDto>, NotFound, ValidationProblem>> StartAsync(
        Guid id, CarePlanStartRequest body, CurrentCase current, StartCarePlanVersion start, PathwayDbContext db, CancellationToken ct)
    {
        var outcome = await PlanSave.MapAsync(await start.HandleAsync(current.Context, body.Reason, ct), plan => DtoAsync(db, current.Context, plan.Id, ct));
        return outcome.ToCreated(x => $"/api/v1/cases/{x.CaseId}/care-plans/{x.Id}", x => x);
    }

    private static async Task<Results<Ok<CarePlanDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CarePlanDto>>>> SaveSectionAsync(
        Guid id, Guid planId, string section, CarePlanSectionWriteRequest body, CurrentCase current, SaveCarePlanSection save,
        PathwayDbContext db, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        if (body.Version is null) unreadable.Add(new("Version", "Send the version of the care plan you are changing (from a GET)"));
        var agreement = Api.ParseEnum<PersonAgreement>(body.Agreement, nameof(body.Agreement), unreadable);
        var review = Api.ParseDate(body.ReviewDate, nameof(body.ReviewDate), unreadable);
        var skills = CarePlanFields.FromSlug(section) == CarePlanSection.FunctionsOfBehaviour ? body.Skills : null;
        var input = new SectionInput(body.Text ?? [], agreement, body.AgreementReason, review, skills);
        return await AnswerAsync(await save.HandleAsync(current.Context, planId, section, input, body.Version ?? 0, unreadable, ct), db, current.Context, ct);
    }

    private static async Task<Results<Ok<CarePlanDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CarePlanDto>>>> SignAsync(
        Guid id, Guid planId, CarePlanVersionRequest body, CurrentCase current, SignCarePlan sign, PathwayDbContext db, CancellationToken ct) =>
        await AnswerAsync(await sign.HandleAsync(current.Context, planId, body.Version ?? 0, VersionSent(body), ct), db, current.Context, ct);

    private static async Task<Results<Ok<CarePlanDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CarePlanDto>>>> CountersignAsync(
        Guid id, Guid planId, CarePlanVersionRequest body, CurrentCase current, CountersignCarePlan countersign, PathwayDbContext db, CancellationToken ct) =>
        await AnswerAsync(await countersign.HandleAsync(current.Context, planId, body.Version ?? 0, VersionSent(body), ct), db, current.Context, ct);

    private static IReadOnlyList<FieldError> VersionSent(CarePlanVersionRequest body) =>
        body.Version is null ? [new("Version", "Send the version of the care plan you are signing (from a GET)")] : [];

    /// <summary>The plan as saved now, as the caller's role sees it: after the change, or instead of it on a conflict.</summary>
    private static async Task<Results<Ok<CarePlanDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CarePlanDto>>>> AnswerAsync(
        Outcome<CarePlan> outcome, PathwayDbContext db, CaseContext c, CancellationToken ct) =>
        (await PlanSave.MapAsync(outcome, plan => DtoAsync(db, c, plan.Id, ct))).ToOk(x => x, "care plan", x => x.Version);

    private static async Task<CarePlanDto> DtoAsync(PathwayDbContext db, CaseContext c, Guid planId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var plan = await PlanSave.CurrentAsync(db, planId, ct);
        return CarePlanDto.From(await CarePlanContent.LoadAsync(db, plan, CarePlanSections.ViewFor(c.Who.Roles), ct));
    }
}
