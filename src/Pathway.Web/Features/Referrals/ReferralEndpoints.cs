using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Referrals.Allocate;
using Pathway.Web.Features.Referrals.Create;
using Pathway.Web.Features.Referrals.MoveStage;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.UseCases;

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
    /// <summary>Needs the referral loaded <see cref="ReferralQueries.WithPeople"/>.</summary>
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
        api.MapGet("/referrals", QueueAsync).WithTags("Referrals").Audited(AuditActions.Referral.QueueRead).RequireAuthorization(Policies.PdService)
            .WithSummary("The referral queue: open referrals on cases you can see. view = unallocated (default), mine, allocated or all; urgency; sort = priority, oldest or newest");
        var one = api.MapGroup("/cases/{id:guid}").WithTags("Referrals");
        one.MapGet("/referrals", ListAsync).Audited(AuditActions.Referral.List).ForCase(AccessNeed.Read, "ReferralList").WithSummary("A case's referrals to the PD service, newest first");
        one.MapGet("/referral", GetAsync).Audited(AuditActions.Referral.Read).ForCase(AccessNeed.Read, "Referral").WithSummary("The case's newest referral, with its pathway stages and time in each");
        one.MapPost("/referrals", CreateAsync).Audited(AuditActions.Referral.Create).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.Referrer)
            .WithSummary("Refer the case to the PD service (one open referral at a time)");
        one.MapPost("/referral/allocation", AllocateAsync).Audited(AuditActions.Referral.Allocate).ForCase(AccessNeed.Edit, "Referral").RequireAuthorization(Policies.PdService)
            .WithSummary("Allocate the open referral to a psychologist (the clinical lead), or take it yourself (a psychologist)");
        one.MapPost("/referral/stage", MoveAsync).Audited(AuditActions.Referral.StageUpdate).ForCase(AccessNeed.Edit, "Referral").RequireAuthorization(Policies.CaseEditor)
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

    // The case in the route is loaded, checked and audited by .ForCase before any of these run (see CurrentCase).
    // `Guid id` stays in the signatures for the OpenAPI document.

    private static async Task<Results<Ok<IReadOnlyList<ReferralDto>>, NotFound>> ListAsync(
        Guid id, CurrentCase current, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var list = await db.Referrals.AsNoTracking().WithPeople().Where(r => r.CaseId == current.Context.Id).OrderByDescending(r => r.ReferredAt).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<ReferralDto>>(list.Select(r => ReferralDto.From(r, now)).ToList());
    }

    private static async Task<Results<Ok<ReferralDto>, NotFound>> GetAsync(Guid id, CurrentCase current, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var r = await ReferralQueries.LatestAsync(db.Referrals.AsNoTracking().WithPeople(), current.Context.Id, ct);
        return r is null ? TypedResults.NotFound() : TypedResults.Ok(ReferralDto.From(r, clock.GetUtcNow()));
    }

    private static async Task<Results<Created<ReferralDto>, NotFound, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid id, ReferralWriteRequest body, CurrentCase current, MakeReferral make, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var outcome = await make.HandleAsync(current.Context, body.Parse(unreadable), unreadable, ct);
        return outcome switch
        {
            Outcome<Referral>.Done d => TypedResults.Created($"/api/v1/cases/{d.Value.CaseId}/referral", ReferralDto.From(await ReferralQueries.ReadAsync(db, d.Value.Id, ct), clock.GetUtcNow())),
            Outcome<Referral>.Invalid i => TypedResults.ValidationProblem(i.Errors.ToProblemErrors()),
            Outcome<Referral>.Conflict => TypedResults.Problem(MakeReferral.AlreadyOpen, statusCode: 409, title: "The case already has an open referral"),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<ReferralDto>, NotFound, ValidationProblem, ProblemHttpResult, Conflict<ConflictProblem<ReferralDto>>>> AllocateAsync(
        Guid id, AllocateRequest body, CurrentCase current, AllocateReferral allocate, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var psychologist = Api.ParseGuid(body.PsychologistId, nameof(body.PsychologistId), unreadable);
        if (body.PsychologistId is null) unreadable.Add(new(nameof(body.PsychologistId), "Send the id of the psychologist to allocate to"));
        if (body.Version is null) unreadable.Add(new(nameof(body.Version), "Send the version of the referral you are allocating (from a GET)"));
        return await PresentAsync(await allocate.HandleAsync(current.Context, psychologist, body.Version, unreadable, ct), db, clock, ct);
    }

    private static async Task<Results<Ok<ReferralDto>, NotFound, ValidationProblem, ProblemHttpResult, Conflict<ConflictProblem<ReferralDto>>>> MoveAsync(
        Guid id, MoveStageRequest body, CurrentCase current, MoveReferralStage move, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var to = Api.ParseEnum<PathwayStage>(body.To, nameof(body.To), unreadable);
        if (body.To is null) unreadable.Add(new(nameof(body.To), "Send the stage to move to"));
        if (body.Version is null) unreadable.Add(new(nameof(body.Version), "Send the version of the referral you are moving (from a GET)"));
        return await PresentAsync(await move.HandleAsync(current.Context, to, body.Reason, body.Version, unreadable, ct), db, clock, ct);
    }

    /// <summary>A change to the open referral: 200 with it as saved, 400, 403 with the rule (allowed to see the case but not to do this), 409 with it as saved now, or 404.</summary>
    private static async Task<Results<Ok<ReferralDto>, NotFound, ValidationProblem, ProblemHttpResult, Conflict<ConflictProblem<ReferralDto>>>> PresentAsync(
        Outcome<Referral> outcome, PathwayDbContext db, TimeProvider clock, CancellationToken ct) => outcome switch
    {
        Outcome<Referral>.Done d => TypedResults.Ok(ReferralDto.From(await ReferralQueries.ReadAsync(db, d.Value.Id, ct), clock.GetUtcNow())),
        Outcome<Referral>.Invalid i => TypedResults.ValidationProblem(i.Errors.ToProblemErrors()),
        Outcome<Referral>.Forbidden f => TypedResults.Problem(f.Reason, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed"),
        Outcome<Referral>.Conflict c => Api.Conflict("referral", c.Current.Version, ReferralDto.From(c.Current, clock.GetUtcNow())),
        _ => TypedResults.NotFound(),
    };
}
