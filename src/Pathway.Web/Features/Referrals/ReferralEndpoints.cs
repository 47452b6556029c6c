using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.Referrals;

public sealed record StageChangeDto(string? From, string To, DateTimeOffset At, string? By, string? Reason);

public sealed record StagePeriodDto(string Stage, DateTimeOffset EnteredAt, DateTimeOffset? LeftAt, double Days);

/// <summary>A referral with its pathway history and the time spent in each stage.</summary>
public sealed record ReferralDto(
    Guid Id, Guid CaseId, DateTimeOffset ReferredAt, Guid ReferredById, string? ReferredBy, string Reason, string Questions,
    string? ConcernsBehaviour, string? ConcernsEmotions, string? ConcernsThinking, string? ConcernsRelationships, string Urgency,
    string SharingBasis, string? LawfulBasis, string? LawfulBasisNote, Guid? AllocatedPsychologistId, string? AllocatedPsychologist,
    DateTimeOffset? AllocatedAt, string Stage, DateTimeOffset StageEnteredAt, bool IsOpen, IReadOnlyList<string> NextStages,
    IReadOnlyList<StageChangeDto> History, IReadOnlyList<StagePeriodDto> Periods, int Version)
{
    /// <summary>Needs the referral loaded <see cref="ReferralWork.WithPeople"/>.</summary>
    public static ReferralDto From(Referral r, DateTimeOffset now)
    {
        var changes = r.StageChanges.OrderBy(c => c.At).ToList();
        return new(
            r.Id, r.CaseId, r.ReferredAt, r.ReferredById, r.ReferredBy?.DisplayName, r.Reason, r.Questions, r.ConcernsBehaviour,
            r.ConcernsEmotions, r.ConcernsThinking, r.ConcernsRelationships, Api.Name(r.Urgency), Api.Name(r.SharingBasis),
            r.LawfulBasis is { } b ? Api.Name(b) : null, r.LawfulBasisNote, r.AllocatedPsychologistId, r.AllocatedPsychologist?.DisplayName,
            r.AllocatedAt, Api.Name(r.Stage), r.StageEnteredAt, r.Stage.IsOpen(),
            PathwayStateMachine.Next(r.Stage).Select(n => Api.Name(n.Stage)).ToList(),
            changes.Select(c => new StageChangeDto(c.From is { } f ? Api.Name(f) : null, Api.Name(c.To), c.At, c.By?.DisplayName, c.Reason)).ToList(),
            StageTimeline.Periods(changes.Select(c => (c.To, c.At)), now)
                .Select(p => new StagePeriodDto(Api.Name(p.Stage), p.EnteredAt, p.LeftAt, Math.Round(p.Duration.TotalDays, 1))).ToList(),
            r.Version);
    }
}

public sealed record QueueItemDto(
    Guid ReferralId, Guid CaseId, string Crn, string Name, string Urgency, string Stage, DateTimeOffset ReferredAt, int WaitingDays,
    string? ReferredBy, string? Team, Guid? AllocatedPsychologistId, string? AllocatedPsychologist, int Version);

public sealed record QueueDto(int Total, int Page, int PageSize, IReadOnlyList<QueueItemDto> Items);

public sealed record ReferralWriteRequest(
    string? Reason, string? Questions, string? ConcernsBehaviour, string? ConcernsEmotions, string? ConcernsThinking,
    string? ConcernsRelationships, string? Urgency, string? SharingBasis, string? LawfulBasis, string? LawfulBasisNote)
{
    public ReferralDetails Parse(List<FieldError> errors) => new(
        Reason, Questions, ConcernsBehaviour, ConcernsEmotions, ConcernsThinking, ConcernsRelationships,
        Api.ParseEnum<ReferralUrgency>(Urgency, nameof(Urgency), errors),
        Api.ParseEnum<SharingBasis>(SharingBasis, nameof(SharingBasis), errors),
        Api.ParseEnum<LawfulBasis>(LawfulBasis, nameof(LawfulBasis), errors),
        LawfulBasisNote);
}

public sealed record AllocateRequest(string? PsychologistId, int? Version);

public sealed record MoveStageRequest(string? To, string? Reason, int? Version);

public static class ReferralEndpoints
{
    public static RouteGroupBuilder MapReferralEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/referrals", QueueAsync).WithTags("Referrals").Audited("referral.queue").RequireAuthorization(Policies.PdService)
            .WithSummary("The referral queue: open referrals on cases you can see. view = unallocated (default), mine, allocated or all; urgency; sort = priority, oldest or newest");
        var one = api.MapGroup("/cases/{id:guid}").WithTags("Referrals");
        one.MapGet("/referrals", ListAsync).Audited("referral.list").WithSummary("A case's referrals to the PD service, newest first");
        one.MapGet("/referral", GetAsync).Audited("referral.read").WithSummary("The case's newest referral, with its pathway stages and time in each");
        one.MapPost("/referrals", CreateAsync).Audited("referral.create").RequireAuthorization(Policies.Referrer)
            .WithSummary("Refer the case to the PD service (one open referral at a time)");
        one.MapPost("/referral/allocation", AllocateAsync).Audited("referral.allocate").RequireAuthorization(Policies.PdService)
            .WithSummary("Allocate the open referral to a psychologist (the clinical lead), or take it yourself (a psychologist)");
        one.MapPost("/referral/stage", MoveAsync).Audited("referral.stage.change").RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Move the open referral on the pathway; skipping a stage, not suitable and withdrawn need a reason");
        return api;
    }

    private static async Task<Ok<QueueDto>> QueueAsync(
        CaseAccess access, PathwayDbContext db, AuditLog audit, HttpContext http, TimeProvider clock, CancellationToken ct,
        string? view = null, string? urgency = null, string? sort = null, int page = 1)
    {
        var visible = await access.VisibleAsync(ct);
        var v = Enum.TryParse<QueueView>(view, true, out var pv) ? pv : QueueView.Unallocated;
        var u = Enum.TryParse<ReferralUrgency>(urgency, true, out var pu) && Enum.IsDefined(pu) ? pu : (ReferralUrgency?)null;
        var s = Enum.TryParse<QueueSort>(sort, true, out var ps) ? ps : QueueSort.Priority;
        var (rows, total) = await ReferralQueueQuery.RunAsync(db, visible, http.User.ToStaffContext().UserId, v, u, s, page, ct);
        await audit.ReadAsync("ReferralQueue", null, null, ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new QueueDto(total, Math.Max(page, 1), ReferralQueueQuery.PageSize, rows.Select(r => new QueueItemDto(
            r.ReferralId, r.CaseId, r.Crn, r.Name, Api.Name(r.Urgency), Api.Name(r.Stage), r.ReferredAt, Math.Max(0, (int)(now - r.ReferredAt).TotalDays),
            r.ReferredBy, r.TeamName, r.AllocatedToId, r.AllocatedTo, r.Version)).ToList()));
    }

    private static async Task<Results<Ok<IReadOnlyList<ReferralDto>>, NotFound>> ListAsync(
        Guid id, CaseAccess access, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "ReferralList");
        if (c is null) return TypedResults.NotFound();
        var list = await db.Referrals.AsNoTracking().WithPeople().Where(r => r.CaseId == id).OrderByDescending(r => r.ReferredAt).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<ReferralDto>>(list.Select(r => ReferralDto.From(r, now)).ToList());
    }

    private static async Task<Results<Ok<ReferralDto>, NotFound>> GetAsync(
        Guid id, CaseAccess access, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "Referral");
        if (c is null) return TypedResults.NotFound();
        var r = await ReferralWork.LatestAsync(db.Referrals.AsNoTracking().WithPeople(), id, ct);
        return r is null ? TypedResults.NotFound() : TypedResults.Ok(ReferralDto.From(r, clock.GetUtcNow()));
    }

    private static async Task<Results<Created<ReferralDto>, NotFound, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid id, ReferralWriteRequest body, CaseAccess access, PathwayDbContext db, AuditLog audit, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return TypedResults.NotFound();
        var errors = new List<FieldError>();
        var details = body.Parse(errors);
        errors.AddRange(ReferralRules.Validate(details, errors.Select(e => e.Field).ToHashSet()));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        if (await ReferralWork.OpenAsync(db.Referrals, id, ct) is not null)
            return TypedResults.Problem(ReferralWork.AlreadyOpen, statusCode: 409, title: "The case already has an open referral");

        var now = clock.GetUtcNow();
        var r = ReferralWork.Create(c, details, http.User.ToStaffContext().UserId, now);
        db.Referrals.Add(r);
        audit.Add(null, "Referral", r.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/cases/{c.Id}/referral", ReferralDto.From(await ReadAsync(db, r.Id, ct), now));
    }

    private static async Task<Results<Ok<ReferralDto>, NotFound, ValidationProblem, ProblemHttpResult, Conflict<ConflictProblem<ReferralDto>>>> AllocateAsync(
        Guid id, AllocateRequest body, CaseAccess access, PathwayDbContext db, AuditLog audit, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct, "Referral");
        if (c is null) return TypedResults.NotFound();
        var errors = new List<FieldError>();
        var psychologist = Api.ParseGuid(body.PsychologistId, nameof(body.PsychologistId), errors);
        if (body.PsychologistId is null) errors.Add(new(nameof(body.PsychologistId), "Send the id of the psychologist to allocate to"));
        if (body.Version is null) errors.Add(new(nameof(body.Version), "Send the version of the referral you are allocating (from a GET)"));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        var r = await ReferralWork.OpenAsync(db.Referrals, id, ct);
        if (r is null) return TypedResults.NotFound();
        var who = http.User.ToStaffContext();
        if (!ReferralAccessRules.CanAllocateTo(who, psychologist!.Value))
            return await RefusedAsync(audit, c, r, "A psychologist may take a referral for themselves only; the clinical lead allocates to others", ct);
        if ((await ReferralWork.PsychologistsAsync(db, ct)).All(p => p.Id != psychologist))
            return TypedResults.ValidationProblem(new[] { new FieldError(nameof(body.PsychologistId), "Choose a psychologist in the PD service") }.ToProblemErrors());
        if (body.Version != r.Version) return Conflict(await ReadAsync(db, r.Id, ct), clock);

        var now = clock.GetUtcNow();
        ReferralWork.Allocate(r, c, psychologist.Value, now);
        return await SaveAsync(db, audit, c, r, body.Version.Value, clock, ct);
    }

    private static async Task<Results<Ok<ReferralDto>, NotFound, ValidationProblem, ProblemHttpResult, Conflict<ConflictProblem<ReferralDto>>>> MoveAsync(
        Guid id, MoveStageRequest body, CaseAccess access, PathwayDbContext db, AuditLog audit, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct, "Referral");
        if (c is null) return TypedResults.NotFound();
        var errors = new List<FieldError>();
        var to = Api.ParseEnum<PathwayStage>(body.To, nameof(body.To), errors);
        if (body.To is null) errors.Add(new(nameof(body.To), "Send the stage to move to"));
        if (body.Version is null) errors.Add(new(nameof(body.Version), "Send the version of the referral you are moving (from a GET)"));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        var r = await ReferralWork.OpenAsync(db.Referrals.Include(x => x.StageChanges), id, ct);
        if (r is null) return TypedResults.NotFound();
        if (!ReferralAccessRules.CanMoveTo(http.User.ToStaffContext(), to!.Value))
            return await RefusedAsync(audit, c, r, "Only the PD service moves a referral along the pathway; probation staff may withdraw it", ct);
        if (body.Version != r.Version) return Conflict(await ReadAsync(db, r.Id, ct), clock);
        var problem = ReferralWork.Move(r, to.Value, body.Reason, http.User.ToStaffContext().UserId, clock.GetUtcNow());
        if (problem is not null)
            return TypedResults.ValidationProblem(new[] { new FieldError(problem.StartsWith("Enter", StringComparison.Ordinal) || problem.StartsWith("Reason", StringComparison.Ordinal) ? "Reason" : "To", problem) }.ToProblemErrors());
        return await SaveAsync(db, audit, c, r, body.Version.Value, clock, ct);
    }

    private static async Task<Results<Ok<ReferralDto>, NotFound, ValidationProblem, ProblemHttpResult, Conflict<ConflictProblem<ReferralDto>>>> SaveAsync(
        PathwayDbContext db, AuditLog audit, CaseRecord c, Referral r, int version, TimeProvider clock, CancellationToken ct)
    {
        db.Entry(r).Property(x => x.Version).OriginalValue = version;
        audit.Add(null, "Referral", r.Id, c.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Conflict(await ReadAsync(db, r.Id, ct), clock);
        }
        return TypedResults.Ok(ReferralDto.From(await ReadAsync(db, r.Id, ct), clock.GetUtcNow()));
    }

    /// <summary>Allowed to see the case but not to do this: 403 with the rule, and a denied audit row.</summary>
    internal static async Task<ProblemHttpResult> RefusedAsync(AuditLog audit, CaseRecord c, Referral r, string why, CancellationToken ct)
    {
        await audit.WriteAsync(null, "Referral", r.Id, c.Id, AuditOutcome.Denied, why, ct: ct);
        return TypedResults.Problem(why, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
    }

    private static Conflict<ConflictProblem<ReferralDto>> Conflict(Referral current, TimeProvider clock) =>
        Api.Conflict("referral", current.Version, ReferralDto.From(current, clock.GetUtcNow()));

    internal static Task<Referral> ReadAsync(PathwayDbContext db, Guid referralId, CancellationToken ct) =>
        db.Referrals.AsNoTracking().WithPeople().FirstAsync(r => r.Id == referralId, ct);
}
