using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Instruments;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Screening.Fill;
using Pathway.Web.Features.Screening.Start;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Screening;

/// <summary>
/// A screening response. <c>answers</c> maps each question's link id to an option code (a rating-sheet item's ratings
/// are <c>{item}.{scale}</c>, e.g. <c>H1.presence</c>); <c>gates</c> maps each eligibility question to true/false;
/// <c>reasons</c> maps an item that asks for a written reason (the OPD screens' <c>link</c>) to that reason.
/// <c>result</c> is null until completed.
/// </summary>
public sealed record ScreeningResponseDto(
    Guid Id, Guid CaseId, string InstrumentKey, int DefinitionVersion, string Status,
    IReadOnlyDictionary<string, string> Answers, IReadOnlyDictionary<string, bool> Gates, bool Override, string? OverrideReason,
    IReadOnlyDictionary<string, string> Reasons,
    string? Outcome, InstrumentResult? Result, DateTimeOffset StartedAt, Guid StartedById, DateTimeOffset? CompletedAt, Guid? CompletedById, int Version)
{
    public static ScreeningResponseDto From(InstrumentResponse r)
    {
        var a = ScreeningResponses.AnswersOf(r);
        return new(r.Id, r.CaseId, r.InstrumentKey, r.DefinitionVersion, Api.Name(r.Status), a.Answers, a.Gates, r.Override, r.OverrideReason, a.ReasonList,
            r.Outcome is null ? null : char.ToLowerInvariant(r.Outcome[0]) + r.Outcome[1..], ScreeningResponses.ResultOf(r),
            r.StartedAt, r.StartedById, r.CompletedAt, r.CompletedById, r.Version);
    }
}

/// <summary>
/// Start a draft of the newest version of an instrument that applies to the case; gates the case answers are filled in.
/// An instrument switched off for scoring (its newest version is guidance only, as the women's OPD screen ships) is refused.
/// </summary>
public sealed record StartScreeningRequest(string? InstrumentKey);

/// <summary>
/// The whole set of answers (what is not sent is unanswered). <c>complete</c> uses them to complete the response;
/// otherwise they are saved as a draft. Send the version you read.
/// </summary>
public sealed record ScreeningAnswersRequest(
    Dictionary<string, string>? Answers, Dictionary<string, bool>? Gates, bool? Override, string? OverrideReason, int? Version,
    Dictionary<string, string>? Reasons = null)
{
    public ResponseAnswers ToAnswers() => new(Answers ?? [], Gates ?? [], Override ?? false, OverrideReason, Reasons);
}

public static class ScreeningEndpoints
{
    public static RouteGroupBuilder MapScreeningEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/cases/{id:guid}/screening").WithTags("Screening");
        g.MapGet("/", ListAsync).Audited(AuditActions.Screening.List).ForCase(AccessNeed.Read, "InstrumentResponseList").RequireAuthorization(Policies.CaseData)
            .WithSummary("List a case's screening responses, newest first");
        g.MapGet("/{responseId:guid}", GetAsync).Audited(AuditActions.Screening.Read).ForCase(AccessNeed.Read, "InstrumentResponse", "responseId")
            .RequireAuthorization(Policies.CaseData)
            .WithSummary("Get one screening response with its answers and, once completed, its result");
        g.MapPost("/", StartAsync).Audited(AuditActions.Screening.Create).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.ScreeningRecorder)
            .WithSummary("Start a draft screening of an instrument that applies to the case; 400 naming the reason if it does not apply or is switched off for scoring (guidance only)");
        g.MapPut("/{responseId:guid}", SaveAsync).Audited(AuditActions.Screening.Update).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.ScreeningRecorder)
            .WithSummary("Save a draft's answers (may be incomplete); 409 if the version is stale");
        g.MapPost("/{responseId:guid}/complete", CompleteAsync).Audited(AuditActions.Screening.Complete).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.ScreeningRecorder)
            .WithSummary("Complete a response with these answers: scored, or 400 naming each missing required item or reason, or that the instrument is switched off for scoring");
        return api;
    }

    // The case in the route is loaded, checked and audited by .ForCase before any of these run (see CurrentCase): a
    // missing or out-of-scope case never reaches them. `Guid id` stays in the signatures for the OpenAPI document.

    private static async Task<Results<Ok<IReadOnlyList<ScreeningResponseDto>>, NotFound>> ListAsync(
        Guid id, CurrentCase current, PathwayDbContext db, CancellationToken ct)
    {
        var caseId = current.Context.Id;
        var rows = await db.InstrumentResponses.AsNoTracking().Where(r => r.CaseId == caseId).OrderByDescending(r => r.StartedAt).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ScreeningResponseDto>>(rows.Select(ScreeningResponseDto.From).ToList());
    }

    private static async Task<Results<Ok<ScreeningResponseDto>, NotFound>> GetAsync(
        Guid id, Guid responseId, CurrentCase current, PathwayDbContext db, AuditLog audit, CancellationToken ct)
    {
        var caseId = current.Context.Id;
        var r = await ScreeningResponses.FindAsync(db.InstrumentResponses.AsNoTracking(), caseId, responseId, ct);
        if (r is null)
        {
            await audit.DeniedAsync("InstrumentResponse", responseId, caseId, ct);
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(ScreeningResponseDto.From(r));
    }

    private static async Task<Results<Created<ScreeningResponseDto>, NotFound, ValidationProblem>> StartAsync(
        Guid id, StartScreeningRequest body, CurrentCase current, StartScreening start, CancellationToken ct) =>
        (await start.HandleAsync(current.Context, body.InstrumentKey, ct))
            .ToCreated(r => $"/api/v1/cases/{r.CaseId}/screening/{r.Id}", ScreeningResponseDto.From);

    private static async Task<Results<Ok<ScreeningResponseDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<ScreeningResponseDto>>>> SaveAsync(
        Guid id, Guid responseId, ScreeningAnswersRequest body, CurrentCase current, SaveScreeningDraft save, CancellationToken ct) =>
        (await save.HandleAsync(current.Context, responseId, body.ToAnswers(), body.Version ?? 0, VersionSent(body), ApiField, ct))
            .ToOk(ScreeningResponseDto.From, "screening response", r => r.Version);

    private static async Task<Results<Ok<ScreeningResponseDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<ScreeningResponseDto>>>> CompleteAsync(
        Guid id, Guid responseId, ScreeningAnswersRequest body, CurrentCase current, CompleteScreening complete, CancellationToken ct) =>
        (await complete.HandleAsync(current.Context, responseId, body.ToAnswers(), body.Version ?? 0, VersionSent(body), ApiField, ct))
            .ToOk(ScreeningResponseDto.From, "screening response", r => r.Version);

    private static List<FieldError> VersionSent(ScreeningAnswersRequest body) =>
        body.Version is null ? [new("Version", "Send the version of the response you are changing (from a GET)")] : [];

    /// <summary>Names an engine error by its place in the request body: <c>answers.{linkId}</c>, <c>gates.{linkId}</c> or <c>reasons.{linkId}</c>.</summary>
    private static string ApiField(InstrumentDefinition def, string field) =>
        def.Gates.Any(g => g.LinkId == field) ? "gates." + field
        : def.Questions().Any(q => q.LinkId == field) ? "answers." + field
        : def.Items.FirstOrDefault(i => InstrumentEngine.ReasonField(i.LinkId) == field) is { } item ? "reasons." + item.LinkId
        : field;
}
