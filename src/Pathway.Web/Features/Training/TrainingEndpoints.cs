using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Training;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Domain.Training;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Training.Overview;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Training;

/// <summary>A published course in a list: its current version's size and CPD hours; blended means a face-to-face session is needed too.</summary>
public sealed record CourseSummaryDto(string Slug, string Title, int Version, int Modules, int Lessons, decimal CpdHours, bool Blended, int? RefresherMonths);

public sealed record LessonOutlineDto(string Key, string Title, int Minutes);

public sealed record ModuleOutlineDto(string Key, string Title, IReadOnlyList<LessonOutlineDto> Lessons, int KnowledgeCheckQuestions);

/// <summary>A course's published structure. Lesson text, questions and answers are not part of it.</summary>
public sealed record CourseDto(
    string Slug, string Title, string Summary, int Version, decimal CpdHours, int PassMarkPercent, bool Blended, int? RefresherMonths,
    IReadOnlyList<ModuleOutlineDto> Modules);

/// <summary>One enrolment (attempt) with progress, the pre-test score and the best post-test score, completion and certificate.</summary>
public sealed record EnrolmentDto(
    string CourseSlug, string CourseTitle, int Attempt, int CourseVersion, DateTimeOffset EnrolledAt, int PercentDone,
    int? PreTestPercent, int? PostTestPercent, bool PostTestPassed, DateTimeOffset? CompletedAt, decimal CpdHours, string? CertificateNumber);

/// <summary>A learner's training record: every enrolment and the CPD hours of the completed ones.</summary>
public sealed record TrainingRecordDto(Guid UserId, string Name, IReadOnlyList<EnrolmentDto> Enrolments, decimal CompletedCpdHours);

public sealed record CertificateDto(
    string Number, string CourseTitle, int CourseVersion, string CompletedOn, string? ValidUntil, decimal CpdHours, bool Valid, string Validity);

/// <summary>What the public verification page shows, and nothing more.</summary>
public sealed record CertificateVerificationDto(string Number, string Name, string Course, string CompletedOn, string? ValidUntil, bool Valid, string Validity);

public static class TrainingEndpoints
{
    private const string OwnTraining = "the signed-in person's own training; no case data";

    public static RouteGroupBuilder MapTrainingEndpoints(this RouteGroupBuilder api)
    {
        var t = api.MapGroup("/training").WithTags("Training");
        t.MapGet("/courses", ListCoursesAsync).WithMetadata(new NotAuditedAttribute("published course outlines, no personal data"))
            .WithSummary("List published courses with their current version");
        t.MapGet("/courses/{slug}", GetCourseAsync).WithMetadata(new NotAuditedAttribute("a published course outline, no personal data"))
            .WithSummary("Get one course's published structure: modules and lesson titles");
        t.MapGet("/enrolments", ListEnrolmentsAsync).WithMetadata(new NotAuditedAttribute(OwnTraining))
            .WithSummary("The caller's enrolments with progress, scores and completion");
        t.MapPost("/courses/{slug}/enrolment", EnrolAsync).Audited(AuditActions.Training.Enrol)
            .WithSummary("Enrol the caller on a course: 201 with a new enrolment, or 200 with the one already in progress");
        t.MapGet("/results", ResultsAsync).Audited(AuditActions.Training.RecordRead)
            .WithSummary("A learner's training record (?user=id): one's own, or anyone's for training coordinators");
        t.MapGet("/certificates", ListCertificatesAsync).WithMetadata(new NotAuditedAttribute(OwnTraining))
            .WithSummary("The caller's certificates");
        t.MapGet("/certificates/{number}/verify", VerifyAsync).Audited(AuditActions.Training.CertificateVerify).AllowAnonymous()
            .RequireRateLimiting(Certificates.Verify.VerifyRateLimit.Policy)
            .WithSummary("Check a certificate number: the name, course, completion date and validity, as the public page shows");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<CourseSummaryDto>>> ListCoursesAsync(PathwayDbContext db, CancellationToken ct)
    {
        var rows = await db.Courses.AsNoTracking().Where(c => c.CurrentVersionId != null)
            .Join(db.CourseVersions, c => c.CurrentVersionId, v => v.Id, (c, v) => new { Course = c, v.Number, v.ContentJson })
            .ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<CourseSummaryDto>>(rows.Select(r =>
        {
            var content = CourseDocument.Deserialize(r.ContentJson);
            return new CourseSummaryDto(r.Course.Slug, content.Title, r.Number, content.Modules.Count, content.Lessons.Count(),
                content.CpdHours, r.Course.RequiresSession, r.Course.RefresherMonths);
        }).OrderBy(c => c.Title, StringComparer.Ordinal).ToList());
    }

    private static async Task<Results<Ok<CourseDto>, NotFound>> GetCourseAsync(string slug, PathwayDbContext db, CancellationToken ct)
    {
        var row = await db.Courses.AsNoTracking().Where(c => c.Slug == slug && c.CurrentVersionId != null)
            .Join(db.CourseVersions, c => c.CurrentVersionId, v => v.Id, (c, v) => new { Course = c, v.Number, v.ContentJson })
            .FirstOrDefaultAsync(ct);
        if (row is null) return TypedResults.NotFound();
        var content = CourseDocument.Deserialize(row.ContentJson);
        return TypedResults.Ok(new CourseDto(row.Course.Slug, content.Title, content.Summary, row.Number, content.CpdHours,
            content.PassMarkPercent, row.Course.RequiresSession, row.Course.RefresherMonths,
            content.Modules.Select(m => new ModuleOutlineDto(m.Key, m.Title,
                m.Lessons.Select(l => new LessonOutlineDto(l.Key, l.Title, l.Minutes)).ToList(), m.KnowledgeCheck.Count)).ToList()));
    }

    private static async Task<Ok<IReadOnlyList<EnrolmentDto>>> ListEnrolmentsAsync(HttpContext http, PathwayDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await EnrolmentsOfAsync(db, http.User.ToStaffContext().UserId, ct));

    private static async Task<Results<Created<EnrolmentDto>, Ok<EnrolmentDto>, NotFound>> EnrolAsync(
        string slug, HttpContext http, PathwayDbContext db, EnrolOnCourse enrol, CancellationToken ct)
    {
        var userId = http.User.ToStaffContext().UserId;
        if (await enrol.HandleAsync(userId, slug, ct) is not Outcome<Enrolled>.Done { Value: var enrolled }) return TypedResults.NotFound();
        var dto = await EnrolmentAsync(db, userId, enrolled.EnrolmentId, ct);
        return enrolled.Created ? TypedResults.Created("/api/v1/training/enrolments", dto) : TypedResults.Ok(dto);
    }

    private static async Task<Results<Ok<TrainingRecordDto>, NotFound>> ResultsAsync(
        Guid? user, HttpContext http, PathwayDbContext db, AuditLog audit, CancellationToken ct)
    {
        var who = http.User.ToStaffContext();
        var userId = user ?? who.UserId;
        var isOwn = userId == who.UserId;
        if (!isOwn && !who.IsIn(StaffRole.TrainingCoordinator))
        {
            await audit.DeniedAsync("TrainingRecord", userId, null, ct);
            return TypedResults.NotFound();
        }
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        if (name is null) return TypedResults.NotFound();
        var enrolments = await EnrolmentsOfAsync(db, userId, ct);
        if (!isOwn) await audit.ReadAsync("TrainingRecord", userId, null, ct);
        return TypedResults.Ok(new TrainingRecordDto(userId, name, enrolments,
            enrolments.Where(e => e.CompletedAt is not null).Sum(e => e.CpdHours)));
    }

    private static async Task<Ok<IReadOnlyList<CertificateDto>>> ListCertificatesAsync(
        HttpContext http, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var userId = http.User.ToStaffContext().UserId;
        var today = Today(clock);
        var rows = await db.TrainingCertificates.AsNoTracking().Where(c => c.UserId == userId).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<CertificateDto>>(rows.OrderByDescending(c => c.CompletedOn).ThenBy(c => c.CourseTitle, StringComparer.Ordinal)
            .Select(c =>
            {
                var (validity, valid) = Certificates.Certificates.Validity(c, today);
                return new CertificateDto(c.Number, c.CourseTitle, c.CourseVersionNumber, Api.Date(c.CompletedOn), OptionalDate(c.ValidUntil),
                    c.CpdHours, valid, validity);
            }).ToList());
    }

    /// <summary>Anonymous like the public page, audited the same way: allowed with the certificate id, or denied "not found".</summary>
    private static async Task<Results<Ok<CertificateVerificationDto>, NotFound, ValidationProblem>> VerifyAsync(
        string number, HttpContext http, PathwayDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        var normalised = CertificateNumber.Normalise(number);
        if (normalised is null)
            return TypedResults.ValidationProblem(new List<FieldError>
            {
                new("Number", "Enter a certificate number in the form PWT-XXXX-XXXX-XXXX-XXXX-XXXX"),
            }.ToProblemErrors());
        var c = await db.TrainingCertificates.AsNoTracking().FirstOrDefaultAsync(x => x.Number == normalised, ct);
        if (c is null)
        {
            await audit.WriteAsync(null, "TrainingCertificate", null, null, AuditOutcome.Denied, "not found", ct: ct);
            return TypedResults.NotFound();
        }
        await audit.WriteAsync(null, "TrainingCertificate", c.Id, null, ct: ct);
        var (validity, valid) = Certificates.Certificates.Validity(c, Today(clock));
        return TypedResults.Ok(new CertificateVerificationDto(c.Number, c.LearnerName, c.CourseTitle, Api.Date(c.CompletedOn),
            OptionalDate(c.ValidUntil), valid, validity));
    }

    private static async Task<EnrolmentDto> EnrolmentAsync(PathwayDbContext db, Guid userId, Guid enrolmentId, CancellationToken ct) =>
        (await EnrolmentsWithIdsAsync(db, userId, ct)).First(e => e.Id == enrolmentId).Dto;

    private static async Task<IReadOnlyList<EnrolmentDto>> EnrolmentsOfAsync(PathwayDbContext db, Guid userId, CancellationToken ct) =>
        (await EnrolmentsWithIdsAsync(db, userId, ct)).Select(e => e.Dto).ToList();

    private static async Task<IReadOnlyList<(Guid Id, EnrolmentDto Dto)>> EnrolmentsWithIdsAsync(PathwayDbContext db, Guid userId, CancellationToken ct)
    {
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.UserId == userId)
            .Join(db.Courses, e => e.CourseId, c => c.Id, (e, c) => new { e, c.Slug })
            .Join(db.CourseVersions, x => x.e.CourseVersionId, v => v.Id, (x, v) => new { x.e, x.Slug, v.Number, v.ContentJson })
            .ToListAsync(ct);
        var ids = enrolments.Select(x => x.e.Id).ToList();
        var attempts = await db.KnowledgeTestAttempts.AsNoTracking().Where(a => ids.Contains(a.EnrolmentId))
            .Select(a => new { a.EnrolmentId, a.Phase, a.Percent, a.Passed }).ToListAsync(ct);
        var certificates = await db.TrainingCertificates.AsNoTracking().Where(c => ids.Contains(c.EnrolmentId))
            .ToDictionaryAsync(c => c.EnrolmentId, c => c.Number, ct);
        var rows = new List<(Guid, EnrolmentDto)>();
        foreach (var x in enrolments.OrderByDescending(x => x.e.EnrolledAt))
        {
            var content = CourseDocument.Deserialize(x.ContentJson);
            var percent = 0;
            if (x.e.CompletedAt is not null) percent = 100;
            else if (await LearnerCourse.LoadAsync(db, userId, x.Slug, ct) is { } lc && lc.Enrolment?.Id == x.e.Id)
                percent = CompletionRules.PercentDone(lc.Content, lc.Progress);
            var mine = attempts.Where(a => a.EnrolmentId == x.e.Id).ToList();
            var best = mine.Where(a => a.Phase == TestPhase.After).OrderByDescending(a => a.Percent).FirstOrDefault();
            rows.Add((x.e.Id, new EnrolmentDto(x.Slug, content.Title, x.e.Attempt, x.Number, x.e.EnrolledAt, percent,
                mine.FirstOrDefault(a => a.Phase == TestPhase.Before)?.Percent, best?.Percent, best?.Passed == true,
                x.e.CompletedAt, content.CpdHours, certificates.GetValueOrDefault(x.e.Id))));
        }
        return rows;
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static string? OptionalDate(DateOnly? d) => d is { } v ? Api.Date(v) : null;
}
