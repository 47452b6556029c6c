using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Assessments.Create;
using Pathway.Web.Features.Assessments.Detail;
using Pathway.Web.Features.Assessments.Section;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Assessments;

public sealed record NeedDto(string Area, string Priority, string? Detail);

/// <summary>One version of an assessment in a list.</summary>
public sealed record AssessmentSummaryDto(Guid Id, Guid SeriesId, int VersionNumber, string Status, string AssessmentDate, Guid AuthorId,
    Guid? CountersignedById, DateTimeOffset? CountersignedAt, int Version)
{
    public static AssessmentSummaryDto From(Assessment a) => new(a.Id, a.SeriesId, a.VersionNumber, Api.Name(a.Status), Api.Date(a.AssessmentDate),
        a.AuthorId, a.CountersignedById, a.CountersignedAt, a.Version);
}

/// <summary>
/// One version of an assessment. <c>fields</c> holds the text sections by field key (see <c>GET /assessments/sections</c>
/// for the keys). <c>withheld</c> — the information not to be disclosed to the person — is present only for psychologists,
/// the clinical lead, offender managers and senior probation officers (<c>withheldVisible</c>).
/// </summary>
public sealed record AssessmentDto(
    Guid Id, Guid CaseId, Guid SeriesId, int VersionNumber, string Status, string AssessmentDate, Guid AuthorId,
    DateTimeOffset? SubmittedAt, Guid? CountersignedById, DateTimeOffset? CountersignedAt, Ogrs3ScoreDto? Ogrs3,
    IReadOnlyDictionary<string, string> Fields, IReadOnlyList<NeedDto> Needs, bool WithheldVisible, string? Withheld, int Version)
{
    public static AssessmentDto From(Assessment a, bool withheldVisible, string? withheld) => new(
        a.Id, a.CaseId, a.SeriesId, a.VersionNumber, Api.Name(a.Status), Api.Date(a.AssessmentDate), a.AuthorId, a.SubmittedAt,
        a.CountersignedById, a.CountersignedAt, a.Ogrs3Score is { } s ? Ogrs3ScoreDto.From(s) : null,
        a.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(f => f.Key, f => f.Text),
        a.Needs.OrderBy(n => n.Area).Select(n => new NeedDto(Api.Name(n.Area), Api.Name(n.Priority), n.Detail)).ToList(),
        withheldVisible, withheldVisible ? withheld : null, a.Version);
}

public sealed record SectionFieldDto(string Key, string Label, string Kind);
public sealed record SectionDto(string Key, string Title, IReadOnlyList<SectionFieldDto> Fields);

public sealed record DiffSegmentDto(string Op, string Text);
public sealed record FieldChangeDto(string Section, string SectionTitle, string Field, string Label, string Kind, string? Before, string? After,
    IReadOnlyList<DiffSegmentDto> Segments);
public sealed record AssessmentDiffDto(Guid FromId, int FromVersion, Guid ToId, int ToVersion, IReadOnlyList<FieldChangeDto> Changes);

public sealed record CreateAssessmentRequest(string? AssessmentDate);
public sealed record VersionRequest(int? Version);
public sealed record NeedWriteRequest(string? Area, string? Priority, string? Detail);

/// <summary>
/// A change to one section. Send <c>version</c> (from a GET). Text sections take <c>fields</c> (key → text; a field left out
/// is cleared); the risk section also takes <c>ogrs3ScoreId</c>; <c>needs</c> takes a list of area/priority/detail;
/// <c>withheld</c> takes <c>withheld</c>. Changing a locked version starts a new draft version (201).
/// </summary>
public sealed record SectionWriteRequest(int? Version, Dictionary<string, string?>? Fields, List<NeedWriteRequest>? Needs, string? Withheld, string? Ogrs3ScoreId)
{
    public SectionInput Parse(SectionDefinition section, List<FieldError> errors)
    {
        var needs = new List<NeedInput>();
        foreach (var (n, i) in (Needs ?? []).Select((n, i) => (n, i)))
        {
            var area = Api.ParseEnum<NeedArea>(n.Area, $"Needs[{i}].Area", errors);
            var priority = Api.ParseEnum<NeedPriority>(n.Priority, $"Needs[{i}].Priority", errors);
            if (area is null && string.IsNullOrWhiteSpace(n.Area)) errors.Add(new($"Needs[{i}].Area", "Give the area of need"));
            if (priority is null && string.IsNullOrWhiteSpace(n.Priority)) errors.Add(new($"Needs[{i}].Priority", "Give the priority: high, medium or low"));
            if (area is { } a && priority is { } p) needs.Add(new NeedInput(a, p, n.Detail));
        }
        return new SectionInput(section, Fields ?? [], needs, Withheld, Api.ParseGuid(Ogrs3ScoreId, nameof(Ogrs3ScoreId), errors));
    }
}

public static class AssessmentEndpoints
{
    public static RouteGroupBuilder MapAssessmentEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/assessments/sections", Sections).WithTags("Assessments").WithMetadata(new NotAuditedAttribute("the form's shape, no case data"))
            .RequireAuthorization(Policies.CaseData).WithSummary("The assessment's sections and field keys, in order");
        var g = api.MapGroup("/cases/{id:guid}/assessments").WithTags("Assessments");
        g.MapGet("/", ListAsync).Audited(AuditActions.Assessment.List).ForCase(AccessNeed.Read, "AssessmentList").WithSummary("List every version of every assessment on a case");
        g.MapPost("/", CreateAsync).Audited(AuditActions.Assessment.Create).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.Assessor)
            .WithSummary("Start a new assessment (a draft you author); body: assessmentDate (yyyy-MM-dd)");
        g.MapGet("/{assessmentId:guid}", GetAsync).Audited(AuditActions.Assessment.Read).ForCase(AccessNeed.Read, "Assessment", "assessmentId")
            .WithSummary("Get one version of an assessment");
        g.MapGet("/{assessmentId:guid}/versions", VersionsAsync).Audited(AuditActions.Assessment.VersionsList).ForCase(AccessNeed.Read, "Assessment", "assessmentId")
            .WithSummary("Every version of this assessment, oldest first");
        g.MapGet("/{assessmentId:guid}/diff", DiffAsync).Audited(AuditActions.Assessment.VersionsCompare).ForCase(AccessNeed.Read, "Assessment", "assessmentId")
            .WithSummary("Field-by-field changes from another version (default: the previous one) to this one");
        g.MapGet("/{assessmentId:guid}/pdf", PdfAsync).Audited(AuditActions.Assessment.Download).ForCase(AccessNeed.Read, "Assessment", "assessmentId")
            .WithSummary("The assessment as PDF; copy=shareable leaves out the information not to be disclosed to the person");
        g.MapPut("/{assessmentId:guid}/sections/{section}", UpdateSectionAsync).Audited(AuditActions.Assessment.Update).ForCase(AccessNeed.Edit)
            .RequireAuthorization(Policies.Assessor)
            .WithSummary("Change one section; 409 if the version is stale; a locked version starts a new draft version (201)");
        g.MapPost("/{assessmentId:guid}/submit", SubmitAsync).Audited(AuditActions.Assessment.Submit).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.Assessor)
            .WithSummary("Submit a draft for countersigning (author only)");
        g.MapPost("/{assessmentId:guid}/countersign", CountersignAsync).Audited(AuditActions.Assessment.Countersign).ForCase(AccessNeed.Edit)
            .RequireAuthorization(Policies.ClinicalLead)
            .WithSummary("Countersign and lock a submitted version (clinical lead, not the author)");
        g.MapPost("/{assessmentId:guid}/return", ReturnAsync).Audited(AuditActions.Assessment.Return).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.ClinicalLead)
            .WithSummary("Return a submitted version to its author as a draft (clinical lead)");
        g.MapPost("/{assessmentId:guid}/new-version", NewVersionAsync).Audited(AuditActions.Assessment.VersionCreate).ForCase(AccessNeed.Edit)
            .RequireAuthorization(Policies.Assessor)
            .WithSummary("Start a new draft version from a locked one");
        return api;
    }

    // The case in the route is loaded, checked and audited by .ForCase before any of these run (see CurrentCase): a
    // missing or out-of-scope case never reaches them. `Guid id` stays in the signatures for the OpenAPI document.

    private static Ok<IReadOnlyList<SectionDto>> Sections() => TypedResults.Ok<IReadOnlyList<SectionDto>>(AssessmentSections.All
        .Select(s => new SectionDto(s.Key, s.Title, s.Fields.Select(f => new SectionFieldDto(f.Key, f.Label, Api.Name(f.Kind))).ToList())).ToList());

    private static async Task<Results<Ok<IReadOnlyList<AssessmentSummaryDto>>, NotFound>> ListAsync(Guid id, CurrentCase current, PathwayDbContext db, CancellationToken ct)
    {
        var caseId = current.Context.Id;
        var rows = await db.Assessments.AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.SeriesId).ThenBy(a => a.VersionNumber).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<AssessmentSummaryDto>>(rows.Select(AssessmentSummaryDto.From).ToList());
    }

    private static async Task<Results<Created<AssessmentDto>, NotFound, ValidationProblem>> CreateAsync(
        Guid id, CreateAssessmentRequest body, CurrentCase current, CreateAssessment create, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var date = Api.ParseDate(body.AssessmentDate, nameof(body.AssessmentDate), unreadable);
        if (date is null && unreadable.Count == 0) unreadable.Add(new(nameof(body.AssessmentDate), "Give the date of the assessment (yyyy-MM-dd)"));
        return (await create.HandleAsync(current.Context, date, unreadable, ct))
            .ToCreated(a => $"/api/v1/cases/{a.CaseId}/assessments/{a.Id}", a => AssessmentDto.From(a, true, null));
    }

    private static async Task<Results<Ok<AssessmentDto>, NotFound>> GetAsync(
        Guid id, Guid assessmentId, CurrentCase current, PathwayDbContext db, AuditLog audit, CancellationToken ct)
    {
        var c = current.Context;
        var a = await AssessmentLookup.FindAsync(db.Assessments.AsNoTracking().WithContent(), audit, c.Id, assessmentId, ct);
        if (a is null) return TypedResults.NotFound();
        var sees = AssessmentRoles.SeesWithheld(c.Who);
        return TypedResults.Ok(AssessmentDto.From(a, sees, sees ? await AssessmentLookup.WithheldAsync(db, a.Id, ct) : null));
    }

    private static async Task<Results<Ok<IReadOnlyList<AssessmentSummaryDto>>, NotFound>> VersionsAsync(
        Guid id, Guid assessmentId, CurrentCase current, PathwayDbContext db, AuditLog audit, CancellationToken ct)
    {
        var a = await AssessmentLookup.FindAsync(db.Assessments.AsNoTracking(), audit, current.Context.Id, assessmentId, ct);
        if (a is null) return TypedResults.NotFound();
        return TypedResults.Ok<IReadOnlyList<AssessmentSummaryDto>>((await AssessmentLookup.VersionsAsync(db, a, ct)).Select(AssessmentSummaryDto.From).ToList());
    }

    private static async Task<Results<Ok<AssessmentDiffDto>, NotFound, ValidationProblem>> DiffAsync(
        Guid id, Guid assessmentId, Guid? against, CurrentCase current, PathwayDbContext db, AuditLog audit, CancellationToken ct)
    {
        var c = current.Context;
        var diff = await AssessmentComparison.LoadAsync(db, audit, c.Id, assessmentId, against, c.Who, ct);
        return diff switch
        {
            null => TypedResults.NotFound(),
            { Error: { } e } => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["against"] = [e] }),
            _ => TypedResults.Ok(diff.ToDto()),
        };
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> PdfAsync(
        Guid id, Guid assessmentId, string? copy, CurrentCase current, PathwayDbContext db, AuditLog audit, CancellationToken ct)
    {
        var c = current.Context;
        var a = await AssessmentLookup.FindAsync(db.Assessments.AsNoTracking().WithContent(), audit, c.Id, assessmentId, ct);
        if (a is null) return TypedResults.NotFound();
        var (bytes, name) = await AssessmentFiles.PdfAsync(db, c.Case, a, copy, c.Who, ct);
        return TypedResults.File(bytes, "application/pdf", name);
    }

    private static async Task<IResult> UpdateSectionAsync(
        Guid id, Guid assessmentId, string section, SectionWriteRequest body, CurrentCase current, UpdateAssessmentSection update, PathwayDbContext db,
        CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var def = AssessmentSections.Find(section);
        if (def is null) unreadable.Add(new("Section", $"'{Echo.Of(section)}' is not a section. Use one of: {string.Join(", ", AssessmentSections.All.Select(s => s.Key))}"));
        if (body.Version is null) unreadable.Add(new("Version", "Send the version of the assessment you are changing (from a GET)"));
        var input = def is null ? null : body.Parse(def, unreadable);
        return await AnswerAsync(await update.HandleAsync(current.Context, assessmentId, input, body.Version ?? 0, unreadable, ct), assessmentId, current, db, ct);
    }

    private static async Task<IResult> SubmitAsync(Guid id, Guid assessmentId, VersionRequest body, CurrentCase current, SubmitAssessment submit,
        PathwayDbContext db, CancellationToken ct) =>
        await AnswerAsync(await submit.HandleAsync(current.Context, assessmentId, body.Version ?? 0, VersionSent(body), ct), assessmentId, current, db, ct);

    private static async Task<IResult> CountersignAsync(Guid id, Guid assessmentId, VersionRequest body, CurrentCase current, CountersignAssessment countersign,
        PathwayDbContext db, CancellationToken ct) =>
        await AnswerAsync(await countersign.HandleAsync(current.Context, assessmentId, body.Version ?? 0, VersionSent(body), ct), assessmentId, current, db, ct);

    private static async Task<IResult> ReturnAsync(Guid id, Guid assessmentId, VersionRequest body, CurrentCase current, ReturnAssessment @return,
        PathwayDbContext db, CancellationToken ct) =>
        await AnswerAsync(await @return.HandleAsync(current.Context, assessmentId, body.Version ?? 0, VersionSent(body), ct), assessmentId, current, db, ct);

    private static async Task<IResult> NewVersionAsync(Guid id, Guid assessmentId, VersionRequest body, CurrentCase current, StartNewAssessmentVersion start,
        PathwayDbContext db, CancellationToken ct) =>
        await AnswerAsync(await start.HandleAsync(current.Context, assessmentId, body.Version ?? 0, VersionSent(body), ct), assessmentId, current, db, ct);

    private static List<FieldError> VersionSent(VersionRequest body) =>
        body.Version is null ? [new("Version", "Send the version of the assessment you are acting on (from a GET)")] : [];

    /// <summary>
    /// The assessment API's answer: the version saved (201 when it is a new version), 400 with field errors, 409 with the
    /// current version number when stale, 409 naming the lifecycle rule when refused, or 404.
    /// </summary>
    private static async Task<IResult> AnswerAsync(Outcome<Assessment> outcome, Guid assessmentId, CurrentCase current, PathwayDbContext db, CancellationToken ct)
    {
        if (outcome.Refusal() is { } refusal)
            return TypedResults.Problem(title: "Not allowed now", detail: refusal, statusCode: StatusCodes.Status409Conflict,
                type: "https://pathway.example/problems/assessment-lifecycle");
        switch (outcome)
        {
            case Outcome<Assessment>.Invalid i:
                return TypedResults.ValidationProblem(i.Errors.ToProblemErrors());
            case Outcome<Assessment>.Conflict stale:
                return TypedResults.Conflict(new ProblemDetails
                {
                    Type = Api.EditConflictType, Title = "The assessment was changed by someone else", Status = 409,
                    Detail = $"You sent a change to an older version. The current version is {stale.Current.Version}; nothing was saved. GET it, re-apply your change and send it with that version.",
                });
            case Outcome<Assessment>.Done saved:
                var fresh = await db.Assessments.AsNoTracking().WithContent().FirstAsync(x => x.Id == saved.Value.Id, ct);
                var sees = AssessmentRoles.SeesWithheld(current.Context.Who);
                var dto = AssessmentDto.From(fresh, sees, sees ? await AssessmentLookup.WithheldAsync(db, fresh.Id, ct) : null);
                return fresh.Id != assessmentId
                    ? TypedResults.Created($"/api/v1/cases/{fresh.CaseId}/assessments/{fresh.Id}", dto)
                    : TypedResults.Ok(dto);
            default:
                return TypedResults.NotFound();
        }
    }
}
