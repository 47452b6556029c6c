using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Referrals;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.Consultations;

public sealed record AttendeeDto(Guid? StaffUserId, string Name, string Role, string? Details);

public sealed record ActionDto(Guid Id, string Description, Guid OwnerId, string? Owner, string DueOn, DateTimeOffset? CompletedAt, bool Overdue, int Version);

public sealed record ConsultationDto(
    Guid Id, Guid CaseId, Guid ReferralId, string HeldOn, IReadOnlyList<AttendeeDto> Attendees, string? Questions, string Advice,
    string? NextConsultationOn, IReadOnlyList<ActionDto> Actions, string? RecordedBy, int Version)
{
    /// <summary>Needs the consultation loaded <see cref="ConsultationWork.WithPeople"/>.</summary>
    public static ConsultationDto From(Consultation c, DateOnly today) => new(
        c.Id, c.CaseId, c.ReferralId, Api.Date(c.HeldOn),
        c.Attendees.Select(a => new AttendeeDto(a.StaffUserId, a.StaffUser?.DisplayName ?? a.Name ?? "", Api.Name(a.Role), a.Details)).ToList(),
        c.Questions, c.Advice, c.NextConsultationOn is { } n ? Api.Date(n) : null,
        c.Actions.OrderBy(a => a.DueOn).Select(a => ActionFrom(a, today)).ToList(), c.RecordedBy?.DisplayName, c.Version);

    public static ActionDto ActionFrom(ConsultationAction a, DateOnly today) => new(
        a.Id, a.Description, a.OwnerId, a.Owner?.DisplayName, Api.Date(a.DueOn), a.CompletedAt,
        ConsultationRules.IsOverdue(a.DueOn, a.CompletedAt is not null, today), a.Version);
}

public sealed record OtherAttendeeWrite(string? Name, string? Details);

public sealed record ActionWriteRequest(string? Id, string? Description, string? OwnerId, string? DueOn);

/// <summary>A consultation as a client sends it. On update, send every action you want to keep changing with its id.</summary>
public sealed record ConsultationWriteRequest(
    string? HeldOn, IReadOnlyList<string>? StaffAttendeeIds, IReadOnlyList<OtherAttendeeWrite>? OtherAttendees, string? Questions, string? Advice,
    string? NextConsultationOn, IReadOnlyList<ActionWriteRequest>? Actions, int? Version)
{
    public (ConsultationDetails Details, IReadOnlyList<Guid?> ActionIds) Parse(List<FieldError> errors)
    {
        var staff = new List<Guid>();
        foreach (var s in StaffAttendeeIds ?? [])
            if (Api.ParseGuid(s, nameof(StaffAttendeeIds), errors) is { } g) staff.Add(g);
        var others = new List<OtherAttendee>();
        foreach (var o in OtherAttendees ?? [])
        {
            if (string.IsNullOrWhiteSpace(o.Name)) { errors.Add(new(nameof(OtherAttendees), "Give a name for each other attendee")); continue; }
            others.AddRange(ConsultationRules.ParseOthers(string.IsNullOrWhiteSpace(o.Details) ? o.Name.Replace('\n', ' ') : $"{o.Name.Replace('\n', ' ')}, {o.Details.Replace('\n', ' ')}"));
        }
        var actions = new List<ActionDetails>();
        var ids = new List<Guid?>();
        var list = Actions ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var a = list[i];
            var p = $"Actions[{i}].";
            ids.Add(Api.ParseGuid(a.Id, p + "Id", errors));
            actions.Add(new ActionDetails(a.Description, Api.ParseGuid(a.OwnerId, p + "OwnerId", errors), Api.ParseDate(a.DueOn, p + "DueOn", errors)));
        }
        return (new ConsultationDetails(
            Api.ParseDate(HeldOn, nameof(HeldOn), errors), staff, others, Questions, Advice,
            Api.ParseDate(NextConsultationOn, nameof(NextConsultationOn), errors), actions), ids);
    }
}

public sealed record CompleteActionRequest(int? Version);

public static class ConsultationEndpoints
{
    public static RouteGroupBuilder MapConsultationEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/cases/{id:guid}/consultations").WithTags("Consultations");
        g.MapGet("/", ListAsync).Audited("consultation.list").WithSummary("A case's consultations, newest first, with their agreed actions");
        g.MapGet("/{consultationId:guid}", GetAsync).Audited("consultation.read").WithSummary("One consultation");
        g.MapPost("/", CreateAsync).Audited("consultation.create").RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Record a consultation on the case's open referral (the first one moves a new referral to the consultation stage)");
        g.MapPut("/{consultationId:guid}", UpdateAsync).Audited("consultation.update").RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Change a consultation; send the version you read, or get 409 if someone else changed it");
        g.MapPost("/{consultationId:guid}/actions/{actionId:guid}/complete", CompleteAsync).Audited("consultation.action.complete")
            .WithSummary("Mark an agreed action done (its owner, or anyone who can edit the case)");
        return api;
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static async Task<Results<Ok<IReadOnlyList<ConsultationDto>>, NotFound>> ListAsync(
        Guid id, CaseAccess access, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "ConsultationList");
        if (c is null) return TypedResults.NotFound();
        var list = await db.Consultations.AsNoTracking().WithPeople().Where(x => x.CaseId == id).OrderByDescending(x => x.HeldOn).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ConsultationDto>>(list.Select(x => ConsultationDto.From(x, Today(clock))).ToList());
    }

    private static async Task<Results<Ok<ConsultationDto>, NotFound>> GetAsync(
        Guid id, Guid consultationId, CaseAccess access, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "Consultation", consultationId);
        if (c is null) return TypedResults.NotFound();
        var con = await db.Consultations.AsNoTracking().WithPeople().FirstOrDefaultAsync(x => x.Id == consultationId && x.CaseId == id, ct);
        return con is null ? TypedResults.NotFound() : TypedResults.Ok(ConsultationDto.From(con, Today(clock)));
    }

    private static async Task<Results<Created<ConsultationDto>, NotFound, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid id, ConsultationWriteRequest body, CaseAccess access, PathwayDbContext db, AuditLog audit, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return TypedResults.NotFound();
        var errors = new List<FieldError>();
        var (details, ids) = body.Parse(errors);
        errors.AddRange(ConsultationRules.Validate(details, Today(clock), errors.Select(e => e.Field).ToHashSet()));
        var candidates = await ConsultationWork.CandidatesAsync(db, c, ct);
        errors.AddRange(ConsultationWork.CheckPeople(details, candidates));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        var referral = await ReferralWork.OpenAsync(db.Referrals.Include(r => r.StageChanges), id, ct);
        if (referral is null) return TypedResults.Problem(ConsultationWork.NoOpenReferral, statusCode: 409, title: "No open referral");

        var now = clock.GetUtcNow();
        var me = http.User.ToStaffContext().UserId;
        var con = new Consultation { CaseId = c.Id, ReferralId = referral.Id, Advice = "", RecordedById = me, CreatedAt = now };
        ConsultationWork.Apply(con, details, ids.Select(_ => (Guid?)null).ToList(), candidates, now);
        ConsultationWork.MoveReferralOn(referral, me, now);
        db.Consultations.Add(con);
        audit.Add(null, "Consultation", con.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/cases/{c.Id}/consultations/{con.Id}", ConsultationDto.From(await ReadAsync(db, con.Id, ct), Today(clock)));
    }

    private static async Task<Results<Ok<ConsultationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<ConsultationDto>>>> UpdateAsync(
        Guid id, Guid consultationId, ConsultationWriteRequest body, CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return TypedResults.NotFound();
        var con = await db.Consultations.Include(x => x.Attendees).Include(x => x.Actions).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == consultationId && x.CaseId == id, ct);
        if (con is null) return TypedResults.NotFound();
        var errors = new List<FieldError>();
        if (body.Version is null) errors.Add(new("Version", "Send the version of the consultation you are changing (from a GET)"));
        var (details, ids) = body.Parse(errors);
        errors.AddRange(ConsultationRules.Validate(details, Today(clock), errors.Select(e => e.Field).ToHashSet()));
        var candidates = await ConsultationWork.CandidatesAsync(db, c, ct);
        errors.AddRange(ConsultationWork.CheckPeople(details, candidates));
        for (var i = 0; i < ids.Count; i++)
            if (ids[i] is { } aid && con.Actions.All(a => a.Id != aid)) errors.Add(new($"Actions[{i}].Id", $"Action {i + 1} is not an action of this consultation"));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        if (body.Version != con.Version) return Conflict(await ReadAsync(db, consultationId, ct), clock);

        ConsultationWork.Apply(con, details, ids, candidates, clock.GetUtcNow());
        db.Entry(con).Property(x => x.Version).OriginalValue = body.Version!.Value;
        // The attendee list is replaced, which EF sees only as child rows; mark the consultation changed so its version moves.
        db.Entry(con).State = EntityState.Modified;
        audit.Add(null, "Consultation", con.Id, c.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Conflict(await ReadAsync(db, consultationId, ct), clock);
        }
        return TypedResults.Ok(ConsultationDto.From(await ReadAsync(db, consultationId, ct), Today(clock)));
    }

    private static async Task<Results<Ok<ActionDto>, NotFound, ValidationProblem, ProblemHttpResult, Conflict<ConflictProblem<ActionDto>>>> CompleteAsync(
        Guid id, Guid consultationId, Guid actionId, CompleteActionRequest body, CaseAccess access, PathwayDbContext db, AuditLog audit,
        HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        // Read access: an action's owner may be police or AP staff who cannot edit the case.
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "ConsultationAction", actionId);
        if (c is null) return TypedResults.NotFound();
        var action = await db.ConsultationActions.FirstOrDefaultAsync(a => a.Id == actionId && a.ConsultationId == consultationId && a.CaseId == id, ct);
        if (action is null) return TypedResults.NotFound();
        if (body.Version is null) return TypedResults.ValidationProblem(new[] { new FieldError("Version", "Send the version of the action you are completing (from a GET)") }.ToProblemErrors());
        var who = http.User.ToStaffContext();
        if (!ReferralAccessRules.CanCompleteAction(who, action.OwnerId, await access.CanEditAsync(c, ct)))
        {
            const string why = "Only the action's owner, or someone who can edit the case, may mark it done";
            await audit.WriteAsync(null, "ConsultationAction", action.Id, c.Id, AuditOutcome.Denied, why, ct: ct);
            return TypedResults.Problem(why, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
        }
        if (body.Version != action.Version) return Conflict(action, clock);
        if (action.CompletedAt is null)
        {
            var error = await MarkDoneAsync(db, audit, c, action, who.UserId, clock, ct);
            if (error is not null) return Conflict(error, clock);
        }
        return TypedResults.Ok(ConsultationDto.ActionFrom(await db.ConsultationActions.AsNoTracking().Include(a => a.Owner).FirstAsync(a => a.Id == actionId, ct), Today(clock)));
    }

    /// <summary>Marks the action done; returns the current action if someone else changed it first (nothing saved).</summary>
    internal static async Task<ConsultationAction?> MarkDoneAsync(
        PathwayDbContext db, AuditLog audit, CaseRecord c, ConsultationAction action, Guid by, TimeProvider clock, CancellationToken ct)
    {
        action.CompletedAt = clock.GetUtcNow();
        action.CompletedById = by;
        audit.Add("consultation.action.complete", "ConsultationAction", action.Id, c.Id);
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await db.ConsultationActions.AsNoTracking().Include(a => a.Owner).FirstAsync(a => a.Id == action.Id, ct);
        }
    }

    private static Conflict<ConflictProblem<ConsultationDto>> Conflict(Consultation current, TimeProvider clock) =>
        Api.Conflict("consultation", current.Version, ConsultationDto.From(current, Today(clock)));

    private static Conflict<ConflictProblem<ActionDto>> Conflict(ConsultationAction current, TimeProvider clock) =>
        Api.Conflict("action", current.Version, ConsultationDto.ActionFrom(current, Today(clock)));

    internal static Task<Consultation> ReadAsync(PathwayDbContext db, Guid consultationId, CancellationToken ct) =>
        db.Consultations.AsNoTracking().WithPeople().FirstAsync(x => x.Id == consultationId, ct);
}
