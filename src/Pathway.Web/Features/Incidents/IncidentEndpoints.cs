using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Incidents;
using Pathway.Domain.Licences;
using Pathway.Web.Features.CarePlans;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Incidents.ChainAnalysis;
using Pathway.Web.Features.Incidents.Record;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.UseCases;
using Entity = Pathway.Data.Entities.ChainAnalysis;
using Pathway.Domain.Auditing;
using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Incidents;

/// <summary>
/// An incident to record. <c>Date</c> is yyyy-MM-dd, <c>Time</c> HH:mm (optional, UTC); <c>Type</c> and <c>Severity</c>
/// are the names listed in the schema's error message (for example <c>selfHarm</c>, <c>serious</c>).
/// </summary>
public sealed record IncidentWriteRequest(
    string? Date, string? Time, string? Location, string? Type, string? Severity, string? Description, string? Trigger,
    string? StaffResponse, string? WhoWasInformed);

/// <summary>One link of a chain: <c>Kind</c> is thought, emotion, bodySensation, urge or action; <c>Skill</c> a DBT skill code.</summary>
public sealed record ChainLinkRequest(string? Kind, string? Text, string? Skill);

/// <summary>
/// A chain analysis to start or save. <c>Links</c> is the whole chain in order (on a save, leave it out to keep the
/// chain as it is); <c>FunctionCategory</c> the broad function (reliefFromDistress, escapeOrAvoidance, …). A save
/// sends the <c>Version</c> it read.
/// </summary>
public sealed record ChainAnalysisWriteRequest(
    string? ProblemBehaviour, string? VulnerabilityFactors, string? PromptingEvent, List<ChainLinkRequest>? Links,
    string? ShortTermConsequences, string? LongTermConsequences, string? Function, string? FunctionCategory, string? PreventionAndRepair,
    int? Version);

/// <summary>Complete an analysis: send the version you read.</summary>
public sealed record ChainAnalysisCompleteRequest(int? Version);

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

public sealed record ChainLinkDto(int Position, string Kind, string Text, string? Skill, string? SkillName);

public sealed record ChainAnalysisDto(
    Guid Id, Guid IncidentId, Guid CaseId, string? ProblemBehaviour, string? VulnerabilityFactors, string? PromptingEvent,
    IReadOnlyList<ChainLinkDto> Links, string? ShortTermConsequences, string? LongTermConsequences, string? Function,
    string? FunctionCategory, string? PreventionAndRepair, DateTimeOffset? CompletedAt, Guid? CompletedById, int Version)
{
    public static ChainAnalysisDto From(Entity a) => new(
        a.Id, a.IncidentId, a.CaseId, a.ProblemBehaviour, a.VulnerabilityFactors, a.PromptingEvent,
        a.ToChain().Links.Select((l, i) => new ChainLinkDto(i + 1, Api.Name(l.Kind), l.Text, l.SkillCode,
            DbtSkills.Find(l.SkillCode) is { } s ? $"{DbtSkills.DisplayName(s.Module)} – {s.Name}" : null)).ToList(),
        a.ShortTermConsequences, a.LongTermConsequences, a.Function, a.FunctionCategory is { } f ? Api.Name(f) : null, a.PreventionAndRepair,
        a.CompletedAt, a.CompletedById, a.Version);
}

/// <summary>
/// Incidents and their chain analyses over the JSON API, through the same handlers as the pages
/// (<see cref="RecordIncident"/>, <see cref="StartChainAnalysis"/>, <see cref="SaveChainAnalysis"/>,
/// <see cref="CompleteChainAnalysis"/>), with the pages' policies, case declarations and audit actions.
/// </summary>
public static class IncidentEndpoints
{
    public static RouteGroupBuilder MapIncidentEndpoints(this RouteGroupBuilder api)
    {
        var incidents = api.MapGroup("/cases/{id:guid}/incidents").WithTags("Incidents");
        incidents.MapGet("/", ListIncidentsAsync).Audited(AuditActions.Incident.List).ForCase(AccessNeed.Read, "IncidentList").RequireAuthorization(Policies.CaseData)
            .WithSummary("List a case's incidents, newest first");
        incidents.MapGet("/{incidentId:guid}", GetIncidentAsync).Audited(AuditActions.Incident.Read).ForCase(AccessNeed.Read, "Incident", "incidentId")
            .RequireAuthorization(Policies.CaseData)
            .WithSummary("Get one incident");
        incidents.MapPost("/", RecordAsync).Audited(AuditActions.Incident.Create).ForCase(AccessNeed.Contribute, "Incident").RequireAuthorization(Policies.IncidentRecorder)
            .WithSummary("Record an incident (AP staff, offender managers, psychologists); answers 201 with its Location");

        var analysis = incidents.MapGroup("/{incidentId:guid}/chain-analysis").WithTags("Incidents");
        analysis.MapGet("/", GetAnalysisAsync).Audited(AuditActions.ChainAnalysis.Read).ForCase(AccessNeed.Read, "ChainAnalysis", "incidentId")
            .RequireAuthorization(Policies.CaseData)
            .WithSummary("Get an incident's behaviour chain analysis, links in order");
        analysis.MapPost("/", StartAnalysisAsync).Audited(AuditActions.ChainAnalysis.Create).ForCase(AccessNeed.Edit, "ChainAnalysis", "incidentId")
            .RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Start the chain analysis of an incident: the problem behaviour is needed, the rest (links in order) may follow");
        analysis.MapPut("/", SaveAnalysisAsync).Audited(AuditActions.ChainAnalysis.Update).ForCase(AccessNeed.Edit, "ChainAnalysis", "incidentId")
            .RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Save a draft chain analysis (links replaced in the order sent); send the version you read, or get 409");
        analysis.MapPost("/complete", CompleteAnalysisAsync).Audited(AuditActions.ChainAnalysis.Complete).ForCase(AccessNeed.Edit, "ChainAnalysis", "incidentId")
            .RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Complete a chain analysis: every DBT step, at least one link and the broad function; it then feeds the next care-plan review");
        return api;
    }

    // The case in the route is loaded, checked and audited by .ForCase before any of these run (see CurrentCase).
    // `Guid id` stays in the signatures for the OpenAPI document.

    private static async Task<Results<Ok<IReadOnlyList<IncidentDto>>, NotFound>> ListIncidentsAsync(
        Guid id, CurrentCase current, CarePlanAccess access, PathwayDbContext db, CancellationToken ct)
    {
        if (await access.ViewAsync(current.Context, ct, "IncidentList") is not { } pc) return TypedResults.NotFound();
        var list = await db.Incidents.AsNoTracking().Include(i => i.ChainAnalysis).Where(i => i.CaseId == pc.Case.Id).OrderByDescending(i => i.OccurredAt).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<IncidentDto>>(list.Select(IncidentDto.From).ToList());
    }

    private static async Task<Results<Ok<IncidentDto>, NotFound>> GetIncidentAsync(
        Guid id, Guid incidentId, CurrentCase current, CarePlanAccess access, PathwayDbContext db, CancellationToken ct)
    {
        if (await access.ViewAsync(current.Context, ct, "Incident", incidentId) is not { } pc) return TypedResults.NotFound();
        var incident = await access.FindIncidentAsync(db.Incidents.AsNoTracking().Include(i => i.ChainAnalysis), pc.Case.Id, incidentId, ct);
        return incident is null ? TypedResults.NotFound() : TypedResults.Ok(IncidentDto.From(incident));
    }

    private static async Task<Results<Created<IncidentDto>, NotFound, ValidationProblem>> RecordAsync(
        Guid id, IncidentWriteRequest body, CurrentCase current, RecordIncident record, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var date = Api.ParseDate(body.Date, "Date", unreadable);
        var type = Api.ParseEnum<IncidentType>(body.Type, "Type", unreadable);
        var severity = Api.ParseEnum<IncidentSeverity>(body.Severity, "Severity", unreadable);
        var input = new NewIncident(date, body.Time, body.Location, type, severity, body.Description, body.Trigger, body.StaffResponse, body.WhoWasInformed);
        return (await record.HandleAsync(current.Context, input, unreadable, ct))
            .ToCreated(x => $"/api/v1/cases/{x.CaseId}/incidents/{x.Id}", IncidentDto.From);
    }

    private static async Task<Results<Ok<ChainAnalysisDto>, NotFound>> GetAnalysisAsync(
        Guid id, Guid incidentId, CurrentCase current, ChainAnalysisRecord record, AuditLog audit, CancellationToken ct)
    {
        if (await record.IncidentAsync(current.Context, incidentId, ct) is null) return TypedResults.NotFound();
        var a = await record.FindAsync(incidentId, track: false, ct);
        if (a is null)
        {
            await audit.DeniedAsync("ChainAnalysis", incidentId, current.Context.Id, ct);
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(ChainAnalysisDto.From(a));
    }

    private static async Task<Results<Created<ChainAnalysisDto>, NotFound, ValidationProblem>> StartAnalysisAsync(
        Guid id, Guid incidentId, ChainAnalysisWriteRequest body, CurrentCase current, StartChainAnalysis start, ChainAnalysisRecord record, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var (text, links) = Parse(body, unreadable);
        var outcome = await start.HandleAsync(current.Context, incidentId, text, links ?? [], needProblem: true, unreadable, ct);
        if (outcome is Outcome<Entity>.Done)
            outcome = await record.CurrentAsync(incidentId, ct);
        return outcome.ToCreated(x => $"/api/v1/cases/{x.CaseId}/incidents/{x.IncidentId}/chain-analysis", ChainAnalysisDto.From);
    }

    private static async Task<Results<Ok<ChainAnalysisDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<ChainAnalysisDto>>>> SaveAnalysisAsync(
        Guid id, Guid incidentId, ChainAnalysisWriteRequest body, CurrentCase current, SaveChainAnalysis save, ChainAnalysisRecord record, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        if (body.Version is null) unreadable.Add(new("Version", "Send the version of the chain analysis you are changing (from a GET)"));
        var (text, links) = Parse(body, unreadable);
        return await AnswerAsync(await save.HandleAsync(current.Context, incidentId, body.Version ?? 0, text, links, unreadable, ct), incidentId, record, ct);
    }

    private static async Task<Results<Ok<ChainAnalysisDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<ChainAnalysisDto>>>> CompleteAnalysisAsync(
        Guid id, Guid incidentId, ChainAnalysisCompleteRequest body, CurrentCase current, CompleteChainAnalysis complete, ChainAnalysisRecord record,
        CancellationToken ct)
    {
        IReadOnlyList<FieldError> unreadable = body.Version is null
            ? [new("Version", "Send the version of the chain analysis you are completing (from a GET)")]
            : [];
        return await AnswerAsync(await complete.HandleAsync(current.Context, incidentId, body.Version ?? 0, null, unreadable, ct), incidentId, record, ct);
    }

    /// <summary>The analysis as saved now: after the change, or instead of it on a conflict.</summary>
    private static async Task<Results<Ok<ChainAnalysisDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<ChainAnalysisDto>>>> AnswerAsync(
        Outcome<Entity> outcome, Guid incidentId, ChainAnalysisRecord record, CancellationToken ct)
    {
        if (outcome is Outcome<Entity>.Done) outcome = await record.CurrentAsync(incidentId, ct);
        return outcome.ToOk(ChainAnalysisDto.From, "chain analysis", x => x.Version);
    }

    private static (ChainAnalysisText Text, List<ChainLink>? Links) Parse(ChainAnalysisWriteRequest body, List<FieldError> errors)
    {
        var function = Api.ParseEnum<BehaviourFunction>(body.FunctionCategory, "FunctionCategory", errors);
        List<ChainLink>? links = null;
        if (body.Links is { } requested)
        {
            links = [];
            for (var i = 0; i < requested.Count; i++)
            {
                var l = requested[i];
                var kind = Api.ParseEnum<ChainLinkKind>(l?.Kind, $"Links[{i}].Kind", errors);
                if (string.IsNullOrWhiteSpace(l?.Kind)) errors.Add(new($"Links[{i}].Kind", $"Link {i + 1}: say whether it is a thought, emotion, bodySensation, urge or action"));
                if (kind is { } k) links.Add(new ChainLink(k, l!.Text ?? "", string.IsNullOrWhiteSpace(l.Skill) ? null : l.Skill.Trim()));
            }
        }
        var text = new ChainAnalysisText(body.ProblemBehaviour, body.VulnerabilityFactors, body.PromptingEvent, body.ShortTermConsequences,
            body.LongTermConsequences, body.Function, function, body.PreventionAndRepair);
        return (text, links);
    }
}
