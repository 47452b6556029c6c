using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

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
        g.MapGet("/", ListAsync).Audited("recall.list").WithSummary("A case's recall considerations, newest first");
        g.MapGet("/{considerationId:guid}", GetAsync).Audited("recall.read")
            .WithSummary("One recall consideration, with what is missing before a decision, fixed-term suitability and agreed alternatives not yet tried");
        g.MapPost("/", CreateAsync).Audited("recall.create").RequireAuthorization(Policies.ProbationRecorder)
            .WithSummary("Start considering recall, saying why (only while the person is on licence today; one open consideration per case)");
        g.MapPut("/{considerationId:guid}/circumstances", CircumstancesAsync).Audited("recall.update").RequireAuthorization(Policies.ProbationRecorder)
            .WithSummary("Why recall is considered, what happened, current risk, the breached conditions and the facts fixed-term recall depends on");
        g.MapPut("/{considerationId:guid}/alternatives", AlternativesAsync).Audited("recall.update").RequireAuthorization(Policies.ProbationRecorder)
            .WithSummary("Alternatives to recall tried and their result, and those agreed in the care plan's contingency section");
        g.MapPut("/{considerationId:guid}/consultation", ConsultationAsync).Audited("recall.consult").RequireAuthorization(Policies.RecallConsultant)
            .WithSummary("The psychologist's advice (psychologists and the clinical lead)");
        g.MapPut("/{considerationId:guid}/consultation-not-possible", NotPossibleAsync).Audited("recall.consult").RequireAuthorization(Policies.ProbationRecorder)
            .WithSummary("Why the psychologist could not be consulted in time");
        g.MapPost("/{considerationId:guid}/submit", SubmitAsync).Audited("recall.submit").RequireAuthorization(Policies.ProbationRecorder)
            .WithSummary("Send for management oversight; refused with the list of what is missing");
        g.MapPost("/{considerationId:guid}/decision", DecideAsync).Audited("recall.decide").RequireAuthorization(Policies.RecallDecider)
            .WithSummary("Senior probation officer's oversight rationale and decision: noRecall, fixedTermRecall or standardRecall");
        g.MapPost("/{considerationId:guid}/countersignature", CountersignAsync).Audited("recall.countersign").RequireAuthorization(Policies.RecallDecider)
            .WithSummary("A second senior probation officer countersigns a recall decision");
        g.MapPost("/{considerationId:guid}/recall", RecordRecallAsync).Audited("recall.record").RequireAuthorization(Policies.ProbationRecorder)
            .WithSummary("Record the recall from a countersigned recall decision on the licence's recall history");
        g.MapPost("/{considerationId:guid}/re-release", ReReleaseAsync).Audited("recall.re-release").RequireAuthorization(Policies.ProbationRecorder)
            .WithSummary("Record re-release after the recall; a new licence period starts that day");
        api.MapRecallRegimeEndpoint();
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<RecallSummaryDto>>, NotFound>> ListAsync(Guid id, CaseAccess access, PathwayDbContext db, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "RecallConsiderationList");
        if (c is null) return TypedResults.NotFound();
        var rows = await db.RecallConsiderations.AsNoTracking().Where(r => r.CaseId == id).OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<RecallSummaryDto>>(rows.Select(r => new RecallSummaryDto(
            r.Id, Api.Name(r.Status), r.Concern is { } x ? Api.Name(x) : null, r.Decision is { } d ? Api.Name(d) : null, r.CreatedAt, r.DecidedAt, r.Version)).ToList());
    }

    private static async Task<Results<Ok<RecallConsiderationDto>, NotFound>> GetAsync(
        Guid id, Guid considerationId, CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, nameof(RecallConsideration), considerationId);
        if (c is null) return TypedResults.NotFound();
        var r = await CaseRecordLookup.FindAsync(db.RecallConsiderations.AsNoTracking(), audit, id, considerationId, ct);
        if (r is null) return TypedResults.NotFound();
        return TypedResults.Ok(RecallConsiderationDto.From(r, await FactsAsync(db, c, r, http, clock, ct)));
    }

    private static async Task<Results<Created<RecallConsiderationDto>, NotFound, ValidationProblem>> CreateAsync(
        Guid id, StartRequest body, CaseAccess access, RecallCommands commands, PathwayDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return TypedResults.NotFound();
        var errors = new List<FieldError>();
        var concern = Api.ParseEnum<RecallConcern>(body.Concern, nameof(body.Concern), errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        var (result, r) = await commands.StartAsync(c, http.User.ToStaffContext().UserId, concern, ct);
        if (result.Outcome != RecallOutcome.Done) return TypedResults.ValidationProblem(result.Errors.ToProblemErrors());
        return TypedResults.Created($"/api/v1/cases/{id}/recall-considerations/{r!.Id}", RecallConsiderationDto.From(r, await FactsAsync(db, c, r, http, clock, ct)));
    }

    private delegate Task<RecallResult> Step(CaseRecord c, RecallConsideration r, List<FieldError> parseErrors);

    /// <summary>Loads, runs one step, and answers: 200 with the record, 400 with field errors, 409 with the current record.</summary>
    private static async Task<Results<Ok<RecallConsiderationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RecallConsiderationDto>>>> RunAsync(
        Guid id, Guid considerationId, AccessNeed need, CaseAccess access, RecallCommands commands, PathwayDbContext db, TimeProvider clock, HttpContext http,
        Step step, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, need, ct);
        if (c is null) return TypedResults.NotFound();
        var r = await commands.FindAsync(id, considerationId, ct);
        if (r is null) return TypedResults.NotFound();
        var parseErrors = new List<FieldError>();
        var result = await step(c, r, parseErrors);
        if (parseErrors.Count > 0) return TypedResults.ValidationProblem(parseErrors.ToProblemErrors());
        var current = await db.RecallConsiderations.AsNoTracking().FirstAsync(x => x.Id == considerationId, ct);
        var dto = RecallConsiderationDto.From(current, await FactsAsync(db, c, current, http, clock, ct));
        return result.Outcome switch
        {
            RecallOutcome.Done => TypedResults.Ok(dto),
            RecallOutcome.Conflict => Api.Conflict("recall consideration", current.Version, dto),
            _ => TypedResults.ValidationProblem(result.Errors.ToProblemErrors()),
        };
    }

    private static async Task<RecallFacts> FactsAsync(PathwayDbContext db, CaseRecord c, RecallConsideration r, HttpContext http, TimeProvider clock, CancellationToken ct) =>
        await RecallFacts.LoadAsync(db, c, r, http.User.ToStaffContext().Roles, ComplianceEndpoints.Today(clock), ct);

    private static Task<Results<Ok<RecallConsiderationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RecallConsiderationDto>>>> CircumstancesAsync(
        Guid id, Guid considerationId, CircumstancesRequest body, CaseAccess access, RecallCommands commands, PathwayDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        RunAsync(id, considerationId, AccessNeed.Edit, access, commands, db, clock, http, async (c, r, errors) =>
        {
            var concern = Api.ParseEnum<RecallConcern>(body.Concern, nameof(body.Concern), errors);
            if (errors.Count > 0) return RecallResult.Done;
            return await commands.SaveCircumstancesAsync(c, r, new CircumstancesInput(concern, body.Circumstances, body.RiskSummary,
                body.RecalledBecauseOfCharge ?? false, body.Schedule19AAOffence ?? false, body.TerroristOffence ?? false, body.Conditions ?? [],
                body.ChargedWithSeriousOffence ?? false), body.Version, ct);
        }, ct);

    private static Task<Results<Ok<RecallConsiderationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RecallConsiderationDto>>>> AlternativesAsync(
        Guid id, Guid considerationId, AlternativesRequest body, CaseAccess access, RecallCommands commands, PathwayDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        RunAsync(id, considerationId, AccessNeed.Edit, access, commands, db, clock, http, async (c, r, errors) =>
        {
            var tried = new List<AlternativeInput>();
            foreach (var t in body.Tried ?? [])
            {
                var a = Api.ParseEnum<AlternativeToRecall>(t.Alternative, "Tried", errors);
                var o = Api.ParseEnum<AlternativeOutcome>(t.Outcome, "Tried", errors);
                if (a is null || o is null) { if (errors.Count == 0) errors.Add(new("Tried", "Each alternative tried needs an alternative and an outcome")); continue; }
                tried.Add(new(a.Value, o.Value, t.Details));
            }
            var agreed = (body.InContingencyPlan ?? []).Select(s => Api.ParseEnum<AlternativeToRecall>(s, "InContingencyPlan", errors)).OfType<AlternativeToRecall>().ToList();
            if (errors.Count > 0) return RecallResult.Done;
            var facts = await FactsAsync(db, c, r, http, clock, ct);
            return await commands.SaveAlternativesAsync(c, r, new AlternativesInput(tried, body.NoAlternativesReason, agreed), facts.ContingencyPlanId, body.Version, ct);
        }, ct);

    private static Task<Results<Ok<RecallConsiderationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RecallConsiderationDto>>>> ConsultationAsync(
        Guid id, Guid considerationId, ConsultationRequest body, CaseAccess access, RecallCommands commands, PathwayDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        RunAsync(id, considerationId, AccessNeed.Contribute, access, commands, db, clock, http,
            (c, r, _) => commands.SaveConsultationAsync(c, r, http.User.ToStaffContext(), body.Advice, body.Version, ct), ct);

    private static Task<Results<Ok<RecallConsiderationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RecallConsiderationDto>>>> NotPossibleAsync(
        Guid id, Guid considerationId, ConsultationNotPossibleRequest body, CaseAccess access, RecallCommands commands, PathwayDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        RunAsync(id, considerationId, AccessNeed.Edit, access, commands, db, clock, http,
            (c, r, _) => commands.SaveConsultationNotPossibleAsync(c, r, body.Reason, body.Version, ct), ct);

    private static Task<Results<Ok<RecallConsiderationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RecallConsiderationDto>>>> SubmitAsync(
        Guid id, Guid considerationId, VersionRequest body, CaseAccess access, RecallCommands commands, PathwayDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        RunAsync(id, considerationId, AccessNeed.Edit, access, commands, db, clock, http, async (c, r, _) =>
            await commands.SubmitAsync(c, r, await FactsAsync(db, c, r, http, clock, ct), http.User.ToStaffContext().UserId, body.Version, ct), ct);

    private static Task<Results<Ok<RecallConsiderationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RecallConsiderationDto>>>> DecideAsync(
        Guid id, Guid considerationId, DecisionRequest body, CaseAccess access, RecallCommands commands, PathwayDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        RunAsync(id, considerationId, AccessNeed.Edit, access, commands, db, clock, http, async (c, r, errors) =>
        {
            var decision = Api.ParseEnum<RecallDecisionKind>(body.Decision, nameof(body.Decision), errors);
            if (errors.Count > 0) return RecallResult.Done;
            return await commands.DecideAsync(c, r, await FactsAsync(db, c, r, http, clock, ct), http.User.ToStaffContext(),
                new DecisionInput(decision, body.OversightRationale), body.Version, ct);
        }, ct);

    private static Task<Results<Ok<RecallConsiderationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RecallConsiderationDto>>>> CountersignAsync(
        Guid id, Guid considerationId, VersionRequest body, CaseAccess access, RecallCommands commands, PathwayDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        RunAsync(id, considerationId, AccessNeed.Edit, access, commands, db, clock, http,
            (c, r, _) => commands.CountersignAsync(c, r, http.User.ToStaffContext(), body.Version, ct), ct);

    private static Task<Results<Ok<RecallConsiderationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RecallConsiderationDto>>>> RecordRecallAsync(
        Guid id, Guid considerationId, RecordRecallRequest body, CaseAccess access, RecallCommands commands, PathwayDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        RunAsync(id, considerationId, AccessNeed.Edit, access, commands, db, clock, http, async (c, r, errors) =>
        {
            var date = Api.ParseDate(body.RecallDate, nameof(body.RecallDate), errors);
            var rtc = Api.ParseDate(body.ReturnToCustodyDate, nameof(body.ReturnToCustodyDate), errors);
            if (errors.Count > 0) return RecallResult.Done;
            return await commands.RecordRecallAsync(c, r, date, rtc, body.Version, ct);
        }, ct);

    private static Task<Results<Ok<RecallConsiderationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RecallConsiderationDto>>>> ReReleaseAsync(
        Guid id, Guid considerationId, ReReleaseRequest body, CaseAccess access, RecallCommands commands, PathwayDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        RunAsync(id, considerationId, AccessNeed.Edit, access, commands, db, clock, http, async (c, r, errors) =>
        {
            var date = Api.ParseDate(body.ReReleaseDate, nameof(body.ReReleaseDate), errors);
            var rtc = Api.ParseDate(body.ReturnToCustodyDate, nameof(body.ReturnToCustodyDate), errors);
            if (errors.Count > 0) return RecallResult.Done;
            return (await commands.ReReleaseAsync(c, r, date, rtc, body.Version, ct)).Result;
        }, ct);
}
