using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Consultations.Detail;
using Pathway.Web.Features.Consultations.Edit;
using Pathway.Web.Features.Consultations.Record;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Consultations;

public sealed record AttendeeDto(Guid? StaffUserId, string Name, string Role, string? Details);

public sealed record ActionDto(Guid Id, string Description, Guid OwnerId, string? Owner, string DueOn, DateTimeOffset? CompletedAt, bool Overdue, int Version);

public sealed record ConsultationDto(
    Guid Id, Guid CaseId, Guid ReferralId, string HeldOn, IReadOnlyList<AttendeeDto> Attendees, string? Questions, string Advice,
    string? NextConsultationOn, IReadOnlyList<ActionDto> Actions, string? RecordedBy, int Version)
{
    /// <summary>Needs the consultation loaded <see cref="ConsultationPeople.WithPeople"/>.</summary>
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
        g.MapGet("/", ListAsync).Audited(AuditActions.Consultation.List).ForCase(AccessNeed.Read, "ConsultationList")
            .WithSummary("A case's consultations, newest first, with their agreed actions");
        g.MapGet("/{consultationId:guid}", GetAsync).Audited(AuditActions.Consultation.Read).ForCase(AccessNeed.Read, "Consultation", "consultationId").WithSummary("One consultation");
        g.MapPost("/", CreateAsync).Audited(AuditActions.Consultation.Create).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Record a consultation on the case's open referral (the first one moves a new referral to the consultation stage)");
        g.MapPut("/{consultationId:guid}", UpdateAsync).Audited(AuditActions.Consultation.Update).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Change a consultation; send the version you read, or get 409 if someone else changed it");
        // Read access: an action's owner may be police or AP staff who cannot edit the case (the handler checks the rest).
        g.MapPost("/{consultationId:guid}/actions/{actionId:guid}/complete", CompleteAsync).Audited(AuditActions.Consultation.ActionComplete)
            .ForCase(AccessNeed.Read, "ConsultationAction", "actionId")
            .WithSummary("Mark an agreed action done (its owner, or anyone who can edit the case)");
        return api;
    }

    // The case in the route is loaded, checked and audited by .ForCase before any of these run (see CurrentCase).
    // `Guid id` stays in the signatures for the OpenAPI document.

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static async Task<Results<Ok<IReadOnlyList<ConsultationDto>>, NotFound>> ListAsync(
        Guid id, CurrentCase current, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var list = await db.Consultations.AsNoTracking().WithPeople().Where(x => x.CaseId == current.Context.Id).OrderByDescending(x => x.HeldOn).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ConsultationDto>>(list.Select(x => ConsultationDto.From(x, Today(clock))).ToList());
    }

    private static async Task<Results<Ok<ConsultationDto>, NotFound>> GetAsync(
        Guid id, Guid consultationId, CurrentCase current, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var con = await db.Consultations.AsNoTracking().WithPeople().FirstOrDefaultAsync(x => x.Id == consultationId && x.CaseId == current.Context.Id, ct);
        return con is null ? TypedResults.NotFound() : TypedResults.Ok(ConsultationDto.From(con, Today(clock)));
    }

    private static async Task<Results<Created<ConsultationDto>, NotFound, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid id, ConsultationWriteRequest body, CurrentCase current, RecordConsultation record, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var (details, _) = body.Parse(unreadable);
        return await record.HandleAsync(current.Context, details, unreadable, ct) switch
        {
            Outcome<Consultation>.Done d => TypedResults.Created($"/api/v1/cases/{d.Value.CaseId}/consultations/{d.Value.Id}",
                ConsultationDto.From(await ConsultationPeople.ReadAsync(db, d.Value.Id, ct), Today(clock))),
            Outcome<Consultation>.Invalid i => TypedResults.ValidationProblem(i.Errors.ToProblemErrors()),
            // The case was found; what is missing is an open referral to record the consultation on.
            _ => TypedResults.Problem(RecordConsultation.NoOpenReferral, statusCode: 409, title: "No open referral"),
        };
    }

    private static async Task<Results<Ok<ConsultationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<ConsultationDto>>>> UpdateAsync(
        Guid id, Guid consultationId, ConsultationWriteRequest body, CurrentCase current, UpdateConsultation update, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var (details, ids) = body.Parse(unreadable);
        var outcome = await update.HandleAsync(current.Context, consultationId, details, ids, body.Version, unreadable, ct);
        var saved = outcome is Outcome<Consultation>.Done d ? await ConsultationPeople.ReadAsync(db, d.Value.Id, ct) : null;
        return outcome.ToOk(x => ConsultationDto.From(saved ?? x, Today(clock)), "consultation", x => x.Version);
    }

    private static async Task<Results<Ok<ActionDto>, NotFound, ValidationProblem, ProblemHttpResult, Conflict<ConflictProblem<ActionDto>>>> CompleteAsync(
        Guid id, Guid consultationId, Guid actionId, CompleteActionRequest body, CurrentCase current, CompleteConsultationAction complete,
        TimeProvider clock, CancellationToken ct) =>
        await complete.HandleAsync(current.Context, consultationId, actionId, body.Version, ct) switch
        {
            Outcome<ConsultationAction>.Done d => TypedResults.Ok(ConsultationDto.ActionFrom(d.Value, Today(clock))),
            Outcome<ConsultationAction>.Invalid i => TypedResults.ValidationProblem(i.Errors.ToProblemErrors()),
            Outcome<ConsultationAction>.Forbidden f => TypedResults.Problem(f.Reason, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed"),
            Outcome<ConsultationAction>.Conflict c => Api.Conflict("action", c.Current.Version, ConsultationDto.ActionFrom(c.Current, Today(clock))),
            _ => TypedResults.NotFound(),
        };
}
