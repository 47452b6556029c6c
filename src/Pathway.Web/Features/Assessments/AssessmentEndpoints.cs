using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Licences;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

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
        g.MapGet("/", ListAsync).Audited("assessment.list").WithSummary("List every version of every assessment on a case");
        g.MapPost("/", CreateAsync).Audited("assessment.create").RequireAuthorization(Policies.Assessor)
            .WithSummary("Start a new assessment (a draft you author); body: assessmentDate (yyyy-MM-dd)");
        g.MapGet("/{assessmentId:guid}", GetAsync).Audited("assessment.read").WithSummary("Get one version of an assessment");
        g.MapGet("/{assessmentId:guid}/versions", VersionsAsync).Audited("assessment.versions").WithSummary("Every version of this assessment, oldest first");
        g.MapGet("/{assessmentId:guid}/diff", DiffAsync).Audited("assessment.diff")
            .WithSummary("Field-by-field changes from another version (default: the previous one) to this one");
        g.MapGet("/{assessmentId:guid}/pdf", PdfAsync).Audited("assessment.pdf")
            .WithSummary("The assessment as PDF; copy=shareable leaves out the information not to be disclosed to the person");
        g.MapPut("/{assessmentId:guid}/sections/{section}", UpdateSectionAsync).Audited("assessment.update").RequireAuthorization(Policies.Assessor)
            .WithSummary("Change one section; 409 if the version is stale; a locked version starts a new draft version (201)");
        g.MapPost("/{assessmentId:guid}/submit", SubmitAsync).Audited("assessment.submit").RequireAuthorization(Policies.Assessor)
            .WithSummary("Submit a draft for countersigning (author only)");
        g.MapPost("/{assessmentId:guid}/countersign", CountersignAsync).Audited("assessment.countersign").RequireAuthorization(Policies.ClinicalLead)
            .WithSummary("Countersign and lock a submitted version (clinical lead, not the author)");
        g.MapPost("/{assessmentId:guid}/return", ReturnAsync).Audited("assessment.return").RequireAuthorization(Policies.ClinicalLead)
            .WithSummary("Return a submitted version to its author as a draft (clinical lead)");
        g.MapPost("/{assessmentId:guid}/new-version", NewVersionAsync).Audited("assessment.version.create").RequireAuthorization(Policies.Assessor)
            .WithSummary("Start a new draft version from a locked one");
        return api;
    }

    private static Ok<IReadOnlyList<SectionDto>> Sections() => TypedResults.Ok<IReadOnlyList<SectionDto>>(AssessmentSections.All
        .Select(s => new SectionDto(s.Key, s.Title, s.Fields.Select(f => new SectionFieldDto(f.Key, f.Label, Api.Name(f.Kind))).ToList())).ToList());

    private static async Task<Results<Ok<IReadOnlyList<AssessmentSummaryDto>>, NotFound>> ListAsync(Guid id, CaseAccess access, PathwayDbContext db, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "AssessmentList");
        if (c is null) return TypedResults.NotFound();
        var rows = await db.Assessments.AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.SeriesId).ThenBy(a => a.VersionNumber).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<AssessmentSummaryDto>>(rows.Select(AssessmentSummaryDto.From).ToList());
    }

    private static async Task<Results<Created<AssessmentDto>, NotFound, ValidationProblem>> CreateAsync(
        Guid id, CreateAssessmentRequest body, CaseAccess access, AssessmentWorkflow workflow, HttpContext http, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return TypedResults.NotFound();
        var errors = new List<FieldError>();
        var date = Api.ParseDate(body.AssessmentDate, nameof(body.AssessmentDate), errors);
        if (date is null && errors.Count == 0) errors.Add(new(nameof(body.AssessmentDate), "Give the date of the assessment (yyyy-MM-dd)"));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        var a = await workflow.CreateAsync(c.Id, date!.Value, http.User.ToStaffContext(), ct);
        return TypedResults.Created($"/api/v1/cases/{c.Id}/assessments/{a.Id}", AssessmentDto.From(a, true, null));
    }

    private static async Task<Results<Ok<AssessmentDto>, NotFound>> GetAsync(
        Guid id, Guid assessmentId, CaseAccess access, PathwayDbContext db, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "Assessment", assessmentId);
        if (c is null) return TypedResults.NotFound();
        var a = await AssessmentLookup.FindAsync(db.Assessments.AsNoTracking().WithContent(), audit, id, assessmentId, ct);
        if (a is null) return TypedResults.NotFound();
        var sees = AssessmentRoles.SeesWithheld(http.User.ToStaffContext());
        return TypedResults.Ok(AssessmentDto.From(a, sees, sees ? await AssessmentLookup.WithheldAsync(db, a.Id, ct) : null));
    }

    private static async Task<Results<Ok<IReadOnlyList<AssessmentSummaryDto>>, NotFound>> VersionsAsync(
        Guid id, Guid assessmentId, CaseAccess access, PathwayDbContext db, AuditLog audit, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "Assessment", assessmentId);
        if (c is null) return TypedResults.NotFound();
        var a = await AssessmentLookup.FindAsync(db.Assessments.AsNoTracking(), audit, id, assessmentId, ct);
        if (a is null) return TypedResults.NotFound();
        return TypedResults.Ok<IReadOnlyList<AssessmentSummaryDto>>((await AssessmentLookup.VersionsAsync(db, a, ct)).Select(AssessmentSummaryDto.From).ToList());
    }

    private static async Task<Results<Ok<AssessmentDiffDto>, NotFound, ValidationProblem>> DiffAsync(
        Guid id, Guid assessmentId, Guid? against, CaseAccess access, PathwayDbContext db, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "Assessment", assessmentId);
        if (c is null) return TypedResults.NotFound();
        var diff = await AssessmentComparison.LoadAsync(db, audit, id, assessmentId, against, http.User.ToStaffContext(), ct);
        return diff switch
        {
            null => TypedResults.NotFound(),
            { Error: { } e } => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["against"] = [e] }),
            _ => TypedResults.Ok(diff.ToDto()),
        };
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> PdfAsync(
        Guid id, Guid assessmentId, string? copy, CaseAccess access, PathwayDbContext db, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "Assessment", assessmentId);
        if (c is null) return TypedResults.NotFound();
        var a = await AssessmentLookup.FindAsync(db.Assessments.AsNoTracking().WithContent(), audit, id, assessmentId, ct);
        if (a is null) return TypedResults.NotFound();
        var (bytes, name) = await AssessmentFiles.PdfAsync(db, c, a, copy, http.User.ToStaffContext(), ct);
        return TypedResults.File(bytes, "application/pdf", name);
    }

    private static async Task<IResult> UpdateSectionAsync(
        Guid id, Guid assessmentId, string section, SectionWriteRequest body, CaseAccess access, PathwayDbContext db, AuditLog audit,
        AssessmentWorkflow workflow, HttpContext http, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return TypedResults.NotFound();
        var a = await AssessmentLookup.FindAsync(db.Assessments.WithContent(), audit, id, assessmentId, ct);
        if (a is null) return TypedResults.NotFound();
        var errors = new List<FieldError>();
        var def = AssessmentSections.Find(section);
        if (def is null) errors.Add(new("Section", $"'{Echo.Of(section)}' is not a section. Use one of: {string.Join(", ", AssessmentSections.All.Select(s => s.Key))}"));
        if (body.Version is null) errors.Add(new("Version", "Send the version of the assessment you are changing (from a GET)"));
        var input = def is null ? null : body.Parse(def, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        var result = await workflow.UpdateSectionAsync(a, input!, body.Version!.Value, http.User.ToStaffContext(), ct);
        return await AnswerAsync(result, db, http, ct);
    }

    private static Task<IResult> SubmitAsync(Guid id, Guid assessmentId, VersionRequest body, CaseAccess access, PathwayDbContext db, AuditLog audit,
        AssessmentWorkflow workflow, HttpContext http, CancellationToken ct) =>
        StepAsync(id, assessmentId, body, access, db, audit, http, ct, (a, v, who) => workflow.SubmitAsync(a, v, who, ct));

    private static Task<IResult> CountersignAsync(Guid id, Guid assessmentId, VersionRequest body, CaseAccess access, PathwayDbContext db, AuditLog audit,
        AssessmentWorkflow workflow, HttpContext http, CancellationToken ct) =>
        StepAsync(id, assessmentId, body, access, db, audit, http, ct, (a, v, who) => workflow.CountersignAsync(a, v, who, ct));

    private static Task<IResult> ReturnAsync(Guid id, Guid assessmentId, VersionRequest body, CaseAccess access, PathwayDbContext db, AuditLog audit,
        AssessmentWorkflow workflow, HttpContext http, CancellationToken ct) =>
        StepAsync(id, assessmentId, body, access, db, audit, http, ct, (a, v, who) => workflow.ReturnAsync(a, v, who, ct));

    private static Task<IResult> NewVersionAsync(Guid id, Guid assessmentId, VersionRequest body, CaseAccess access, PathwayDbContext db, AuditLog audit,
        AssessmentWorkflow workflow, HttpContext http, CancellationToken ct) =>
        StepAsync(id, assessmentId, body, access, db, audit, http, ct, (a, v, who) => workflow.StartNewVersionAsync(a, v, who, ct));

    private static async Task<IResult> StepAsync(Guid id, Guid assessmentId, VersionRequest body, CaseAccess access, PathwayDbContext db, AuditLog audit,
        HttpContext http, CancellationToken ct, Func<Assessment, int, Pathway.Domain.Access.StaffContext, Task<AssessmentChange>> step)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return TypedResults.NotFound();
        var a = await AssessmentLookup.FindAsync(db.Assessments.WithContent(), audit, id, assessmentId, ct);
        if (a is null) return TypedResults.NotFound();
        if (body.Version is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["Send the version of the assessment you are acting on (from a GET)"] });
        return await AnswerAsync(await step(a, body.Version.Value, http.User.ToStaffContext()), db, http, ct);
    }

    private static async Task<IResult> AnswerAsync(AssessmentChange result, PathwayDbContext db, HttpContext http, CancellationToken ct)
    {
        switch (result)
        {
            case AssessmentChange.Invalid i:
                return TypedResults.ValidationProblem(i.Errors.ToProblemErrors());
            case AssessmentChange.Stale s:
                return TypedResults.Conflict(new ProblemDetails
                {
                    Type = Api.EditConflictType, Title = "The assessment was changed by someone else", Status = 409,
                    Detail = $"You sent a change to an older version. The current version is {s.CurrentVersion}; nothing was saved. GET it, re-apply your change and send it with that version.",
                });
            case AssessmentChange.Refused r:
                return TypedResults.Problem(title: "Not allowed now", detail: r.Reason, statusCode: StatusCodes.Status409Conflict,
                    type: "https://pathway.example/problems/assessment-lifecycle");
            case AssessmentChange.Saved saved:
                var fresh = await db.Assessments.AsNoTracking().WithContent().FirstAsync(x => x.Id == saved.Assessment.Id, ct);
                var sees = AssessmentRoles.SeesWithheld(http.User.ToStaffContext());
                var dto = AssessmentDto.From(fresh, sees, sees ? await AssessmentLookup.WithheldAsync(db, fresh.Id, ct) : null);
                return saved.IsNewVersion
                    ? TypedResults.Created($"/api/v1/cases/{fresh.CaseId}/assessments/{fresh.Id}", dto)
                    : TypedResults.Ok(dto);
            default:
                throw new InvalidOperationException("Unknown outcome");
        }
    }
}
