using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Compliance.Recall.Decision;
using Pathway.Web.Features.Compliance.Recall.Record;
using Pathway.Web.Features.Compliance.Recall.Start;
using Pathway.Web.Features.Compliance.Recall.Steps;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Recall;

public sealed record AlternativeTriedDto(string Alternative, string Outcome, string? Details);

/// <summary>
/// A recall consideration with what the workflow says about it: what is missing, the recall regime applied today to the
/// facts recorded, the regime recorded with the decision, agreed alternatives not yet tried.
/// </summary>
public sealed record RecallConsiderationDto(
    Guid Id, Guid CaseId, Guid LicenceId, string Status, string? Concern, string? Circumstances, string? RiskSummary,
    bool RecalledBecauseOfCharge, bool ChargedWithSeriousOffence, bool Schedule19AAOffence, bool TerroristOffence, IReadOnlyList<LinkedConditionDto> BreachedConditions,
    IReadOnlyList<AlternativeTriedDto> AlternativesTried, string? NoAlternativesReason, IReadOnlyList<string> ContingencyAlternatives,
    IReadOnlyList<string> ContingencyAlternativesNotYetTried, bool OnPathway, string? ConsultationAdvice, DateTimeOffset? ConsultedAt,
    string? ConsultationNotPossibleReason, string? OversightRationale, string? Decision, DateTimeOffset? DecidedAt, DateTimeOffset? CountersignedAt,
    RecallRegimeDto? Regime, RecordedRegimeDto? DecidedUnder, IReadOnlyList<string> MissingBeforeDecision, Guid? RecallId,
    DateTimeOffset CreatedAt, int Version)
{
    public static RecallConsiderationDto From(RecallConsideration r, RecallFacts f) => new(
        r.Id, r.CaseId, r.LicenceId, Api.Name(r.Status), r.Concern is { } c ? Api.Name(c) : null, r.Circumstances, r.RiskSummary,
        r.RecalledBecauseOfCharge, r.ChargedWithSeriousOffence, r.Schedule19AAOffence, r.TerroristOffence, LinkedConditionDto.From(r.BreachedConditions),
        r.AlternativesTried.Select(a => new AlternativeTriedDto(Api.Name(a.Alternative), Api.Name(a.Outcome), a.Details)).ToList(),
        r.NoAlternativesReason, RecallText.ParseList(r.ContingencyAlternatives).Select(Api.Name).ToList(),
        RecallFacts.NotYetTried(r).Select(Api.Name).ToList(), f.OnPathway, r.ConsultationAdvice, r.ConsultedAt, r.ConsultationNotPossibleReason,
        r.OversightRationale, r.Decision is { } d ? Api.Name(d) : null, r.DecidedAt, r.CountersignedAt,
        RecallRegimeDto.From(f.Regime), RecordedRegimeDto.From(r),
        RecallWorkflow.MissingBeforeDecision(f.WorkflowFacts(r)), r.RecallId, r.CreatedAt, r.Version);
}

public sealed record RecallSummaryDto(Guid Id, string Status, string? Concern, string? Decision, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt, int Version);

/// <summary>Starting a consideration: why recall is being considered (riskIncreased, contactStopped or both).</summary>
public sealed record StartRequest(string? Concern);

/// <summary>Why recall is considered and which conditions were breached (refs from the current licence, as for breaches).</summary>
public sealed record CircumstancesRequest(
    string? Concern, string? Circumstances, string? RiskSummary, bool? RecalledBecauseOfCharge, bool? Schedule19AAOffence, bool? TerroristOffence,
    IReadOnlyList<string>? Conditions, int? Version, bool? ChargedWithSeriousOffence = null);

public sealed record AlternativeRequest(string? Alternative, string? Outcome, string? Details);

/// <summary>Alternatives tried (each with its outcome), or why none has been; and those the care plan's contingency section agrees.</summary>
public sealed record AlternativesRequest(IReadOnlyList<AlternativeRequest>? Tried, string? NoAlternativesReason, IReadOnlyList<string>? InContingencyPlan, int? Version);

public sealed record ConsultationRequest(string? Advice, int? Version);

public sealed record ConsultationNotPossibleRequest(string? Reason, int? Version);

public sealed record VersionRequest(int? Version);

public sealed record DecisionRequest(string? Decision, string? OversightRationale, int? Version);

public sealed record RecordRecallRequest(string? RecallDate, string? ReturnToCustodyDate, int? Version);

public sealed record ReReleaseRequest(string? ReReleaseDate, string? ReturnToCustodyDate, int? Version);

public static class RecallEndpoints
{
    public static RouteGroupBuilder MapRecallEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/cases/{id:guid}/recall-considerations").WithTags("Recall");
        g.MapGet("/", ListAsync).Audited(AuditActions.Recall.List).ForCase(AccessNeed.Read, "RecallConsiderationList").WithSummary("A case's recall considerations, newest first");
        g.MapGet("/{considerationId:guid}", GetAsync).Audited(AuditActions.Recall.Read).ForCase(AccessNeed.Read, nameof(RecallConsideration), "considerationId")
            .WithSummary("One recall consideration, with what is missing before a decision, fixed-term suitability and agreed alternatives not yet tried");
        g.MapPost("/", CreateAsync).Audited(AuditActions.Recall.Create).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.ProbationRecorder)
            .WithSummary("Start considering recall, saying why (only while the person is on licence today; one open consideration per case)");
        g.MapPut("/{considerationId:guid}/circumstances", CircumstancesAsync).Audited(AuditActions.Recall.Update).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.ProbationRecorder)
            .WithSummary("Why recall is considered, what happened, current risk, the breached conditions and the facts fixed-term recall depends on");
        g.MapPut("/{considerationId:guid}/alternatives", AlternativesAsync).Audited(AuditActions.Recall.Update).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.ProbationRecorder)
            .WithSummary("Alternatives to recall tried and their result, and those agreed in the care plan's contingency section");
        g.MapPut("/{considerationId:guid}/consultation", ConsultationAsync).Audited(AuditActions.Recall.Consult).ForCase(AccessNeed.Contribute).RequireAuthorization(Policies.RecallConsultant)
            .WithSummary("The psychologist's advice (psychologists and the clinical lead)");
        g.MapPut("/{considerationId:guid}/consultation-not-possible", NotPossibleAsync).Audited(AuditActions.Recall.Consult).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.ProbationRecorder)
            .WithSummary("Why the psychologist could not be consulted in time");
        g.MapPost("/{considerationId:guid}/submit", SubmitAsync).Audited(AuditActions.Recall.Submit).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.ProbationRecorder)
            .WithSummary("Send for management oversight; refused with the list of what is missing");
        g.MapPost("/{considerationId:guid}/decision", DecideAsync).Audited(AuditActions.Recall.Decide).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.RecallDecider)
            .WithSummary("Senior probation officer's oversight rationale and decision: noRecall, fixedTermRecall or standardRecall");
        g.MapPost("/{considerationId:guid}/countersignature", CountersignAsync).Audited(AuditActions.Recall.Countersign).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.RecallDecider)
            .WithSummary("A second senior probation officer countersigns a recall decision");
        g.MapPost("/{considerationId:guid}/recall", RecordRecallAsync).Audited(AuditActions.Recall.Record).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.ProbationRecorder)
            .WithSummary("Record the recall from a countersigned recall decision on the licence's recall history");
        g.MapPost("/{considerationId:guid}/re-release", ReReleaseAsync).Audited(AuditActions.Recall.ReRelease).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.ProbationRecorder)
            .WithSummary("Record re-release after the recall; a new licence period starts that day");
        api.MapRecallRegimeEndpoint();
        return api;
    }

    // The case in the route is loaded, checked and audited by .ForCase before any of these run (see CurrentCase); the
    // handlers find the consideration under it. `Guid id` stays in the signatures for the OpenAPI document.

    private static async Task<Results<Ok<IReadOnlyList<RecallSummaryDto>>, NotFound>> ListAsync(Guid id, CurrentCase current, PathwayDbContext db, CancellationToken ct)
    {
        var rows = await db.RecallConsiderations.AsNoTracking().Where(r => r.CaseId == current.Context.Id).OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<RecallSummaryDto>>(rows.Select(r => new RecallSummaryDto(
            r.Id, Api.Name(r.Status), r.Concern is { } x ? Api.Name(x) : null, r.Decision is { } d ? Api.Name(d) : null, r.CreatedAt, r.DecidedAt, r.Version)).ToList());
    }

    private static async Task<Results<Ok<RecallConsiderationDto>, NotFound>> GetAsync(
        Guid id, Guid considerationId, CurrentCase current, PathwayDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var c = current.Context;
        var r = await CaseRecordLookup.FindAsync(db.RecallConsiderations.AsNoTracking(), audit, c.Id, considerationId, ct);
        if (r is null) return TypedResults.NotFound();
        return TypedResults.Ok(await DtoAsync(db, c, r, clock, ct));
    }

    private static async Task<Results<Created<RecallConsiderationDto>, NotFound, ValidationProblem>> CreateAsync(
        Guid id, StartRequest body, CurrentCase current, StartRecallConsideration start, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var c = current.Context;
        var unreadable = new List<FieldError>();
        var concern = Api.ParseEnum<RecallConcern>(body.Concern, nameof(body.Concern), unreadable);
        var outcome = await start.HandleAsync(c, concern, unreadable, ct);
        var dto = outcome is Outcome<RecallConsideration>.Done done ? await DtoAsync(db, c, done.Value, clock, ct) : null;
        return outcome.ToCreated(r => $"/api/v1/cases/{r.CaseId}/recall-considerations/{r.Id}", _ => dto!);
    }

    private static async Task<RecallConsiderationDto> DtoAsync(PathwayDbContext db, CaseContext c, RecallConsideration r, TimeProvider clock, CancellationToken ct) =>
        RecallConsiderationDto.From(r, await RecallFacts.LoadAsync(db, c.Case, r, c.Who.Roles, ComplianceEndpoints.Today(clock), ct));

    /// <summary>A step's outcome: 200 with the record as saved, 400 with field errors, 409 with the record as it now stands, or 404.</summary>
    private static async Task<Results<Ok<RecallConsiderationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RecallConsiderationDto>>>> PresentAsync<T>(
        Outcome<T> outcome, Guid considerationId, CaseContext c, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        RecallConsiderationDto? dto = null;
        if (outcome is Outcome<T>.Done or Outcome<T>.Conflict)
            dto = await DtoAsync(db, c, await db.RecallConsiderations.AsNoTracking().FirstAsync(x => x.Id == considerationId, ct), clock, ct);
        return outcome.ToOk(_ => dto!, "recall consideration", _ => dto!.Version);
    }

    private static async Task<Results<Ok<RecallConsiderationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RecallConsiderationDto>>>> CircumstancesAsync(
        Guid id, Guid considerationId, CircumstancesRequest body, CurrentCase current, RecordRecallCircumstances record, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var concern = Api.ParseEnum<RecallConcern>(body.Concern, nameof(body.Concern), unreadable);
        var input = new CircumstancesInput(concern, body.Circumstances, body.RiskSummary, body.RecalledBecauseOfCharge ?? false, body.Schedule19AAOffence ?? false,
            body.TerroristOffence ?? false, body.Conditions ?? [], body.ChargedWithSeriousOffence ?? false);
        return await PresentAsync(await record.HandleAsync(current.Context, considerationId, input, body.Version, unreadable, ct), considerationId, current.Context, db, clock, ct);
    }

    private static async Task<Results<Ok<RecallConsiderationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RecallConsiderationDto>>>> AlternativesAsync(
        Guid id, Guid considerationId, AlternativesRequest body, CurrentCase current, RecordAlternativesToRecall record, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var tried = new List<AlternativeInput>();
        foreach (var t in body.Tried ?? [])
        {
            var a = Api.ParseEnum<AlternativeToRecall>(t.Alternative, "Tried", unreadable);
            var o = Api.ParseEnum<AlternativeOutcome>(t.Outcome, "Tried", unreadable);
            if (a is null || o is null) { if (unreadable.Count == 0) unreadable.Add(new("Tried", "Each alternative tried needs an alternative and an outcome")); continue; }
            tried.Add(new(a.Value, o.Value, t.Details));
        }
        var agreed = (body.InContingencyPlan ?? []).Select(s => Api.ParseEnum<AlternativeToRecall>(s, "InContingencyPlan", unreadable)).OfType<AlternativeToRecall>().ToList();
        var outcome = await record.HandleAsync(current.Context, considerationId, new AlternativesInput(tried, body.NoAlternativesReason, agreed), body.Version, unreadable, ct);
        return await PresentAsync(outcome, considerationId, current.Context, db, clock, ct);
    }

    private static async Task<Results<Ok<RecallConsiderationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RecallConsiderationDto>>>> ConsultationAsync(
        Guid id, Guid considerationId, ConsultationRequest body, CurrentCase current, RecordRecallAdvice advice, PathwayDbContext db, TimeProvider clock, CancellationToken ct) =>
        await PresentAsync(await advice.HandleAsync(current.Context, considerationId, body.Advice, body.Version, ct), considerationId, current.Context, db, clock, ct);

    private static async Task<Results<Ok<RecallConsiderationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RecallConsiderationDto>>>> NotPossibleAsync(
        Guid id, Guid considerationId, ConsultationNotPossibleRequest body, CurrentCase current, RecordConsultationNotPossible notPossible, PathwayDbContext db,
        TimeProvider clock, CancellationToken ct) =>
        await PresentAsync(await notPossible.HandleAsync(current.Context, considerationId, body.Reason, body.Version, ct), considerationId, current.Context, db, clock, ct);

    private static async Task<Results<Ok<RecallConsiderationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RecallConsiderationDto>>>> SubmitAsync(
        Guid id, Guid considerationId, VersionRequest body, CurrentCase current, SubmitForRecallDecision submit, PathwayDbContext db, TimeProvider clock, CancellationToken ct) =>
        await PresentAsync(await submit.HandleAsync(current.Context, considerationId, body.Version, ct), considerationId, current.Context, db, clock, ct);

    private static async Task<Results<Ok<RecallConsiderationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RecallConsiderationDto>>>> DecideAsync(
        Guid id, Guid considerationId, DecisionRequest body, CurrentCase current, DecideRecall decide, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var decision = Api.ParseEnum<RecallDecisionKind>(body.Decision, nameof(body.Decision), unreadable);
        var outcome = await decide.HandleAsync(current.Context, considerationId, new DecisionInput(decision, body.OversightRationale), body.Version, unreadable, ct);
        return await PresentAsync(outcome, considerationId, current.Context, db, clock, ct);
    }

    private static async Task<Results<Ok<RecallConsiderationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RecallConsiderationDto>>>> CountersignAsync(
        Guid id, Guid considerationId, VersionRequest body, CurrentCase current, CountersignRecallDecision countersign, PathwayDbContext db, TimeProvider clock, CancellationToken ct) =>
        await PresentAsync(await countersign.HandleAsync(current.Context, considerationId, body.Version, ct), considerationId, current.Context, db, clock, ct);

    private static async Task<Results<Ok<RecallConsiderationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RecallConsiderationDto>>>> RecordRecallAsync(
        Guid id, Guid considerationId, RecordRecallRequest body, CurrentCase current, RecordRecallOnLicence record, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var date = Api.ParseDate(body.RecallDate, nameof(body.RecallDate), unreadable);
        var rtc = Api.ParseDate(body.ReturnToCustodyDate, nameof(body.ReturnToCustodyDate), unreadable);
        var outcome = await record.HandleAsync(current.Context, considerationId, date, rtc, body.Version, unreadable, ct);
        return await PresentAsync(outcome, considerationId, current.Context, db, clock, ct);
    }

    private static async Task<Results<Ok<RecallConsiderationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RecallConsiderationDto>>>> ReReleaseAsync(
        Guid id, Guid considerationId, ReReleaseRequest body, CurrentCase current, ReReleaseAfterRecall reRelease, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var date = Api.ParseDate(body.ReReleaseDate, nameof(body.ReReleaseDate), unreadable);
        var rtc = Api.ParseDate(body.ReturnToCustodyDate, nameof(body.ReturnToCustodyDate), unreadable);
        var outcome = await reRelease.HandleAsync(current.Context, considerationId, date, rtc, body.Version, unreadable, ct);
        return await PresentAsync(outcome, considerationId, current.Context, db, clock, ct);
    }
}
