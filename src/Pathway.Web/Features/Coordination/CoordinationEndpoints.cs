using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Coordination;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Coordination.Actions;
using Pathway.Web.Features.Coordination.Items;
using Pathway.Web.Features.Coordination.Meetings;
using Pathway.Web.Features.Coordination.Members;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Coordination;

public sealed record RepresentativeDto(Guid Id, Guid MemberId, string Name, string Title, string? Email, Guid? StaffUserId, string ActiveFrom, string? LeftOn, bool Active, int Version)
{
    public static RepresentativeDto From(RepresentativeView r) =>
        new(r.Id, r.MemberId, r.Name, r.Title, r.Email, r.StaffUserId, Api.Date(r.ActiveFrom), r.LeftOn is { } l ? Api.Date(l) : null, r.Active, r.Version);
}

public sealed record MemberDto(Guid Id, Guid? OrganisationId, string Name, string Sector, string JoinedOn, string? LeftOn, bool Active, IReadOnlyList<RepresentativeDto> Representatives, int Version)
{
    public static MemberDto From(MemberView m) => new(m.Id, m.OrganisationId, m.Name, m.Sector, Api.Date(m.JoinedOn), m.LeftOn is { } l ? Api.Date(l) : null,
        m.Active, m.Representatives.Select(RepresentativeDto.From).ToList(), m.Version);
}

public sealed record MeetingSummaryDto(Guid Id, string MeetingOn, string Status, int Items, int OpenActions, int OverdueActions);

/// <summary>An agenda item as the caller may see it: <c>restricted</c> items carry no case id, name, CRN, basis, minutes or decisions.</summary>
public sealed record ItemDto(Guid Id, Guid MeetingId, int Number, string Kind, bool Restricted, string Title, Guid? CaseId, string? Person, string? Crn,
    string? Basis, string? Minutes, string? Decisions, int Version)
{
    public static ItemDto From(ItemView i) => new(i.Id, i.MeetingId, i.Number, Api.Name(i.Kind), i.Restricted, i.Title, i.CaseId, i.Person, i.Crn, i.Basis, i.Minutes, i.Decisions, i.Version);
}

public sealed record ActionDto(Guid Id, Guid MeetingId, Guid? AgendaItemId, bool Restricted, string Description, string Owner, Guid? OwnerStaffUserId,
    string DueOn, string Status, bool Overdue, int Version)
{
    public static ActionDto From(ActionView a) => new(a.Id, a.MeetingId, a.AgendaItemId, a.Restricted, a.Description, a.Owner, a.OwnerStaffUserId,
        Api.Date(a.DueOn), Api.Name(a.Status), a.Overdue, a.Version);
}

public sealed record PersonRef(Guid Id, string Name);

public sealed record MeetingDto(Guid Id, string MeetingOn, string Status, Guid? ChairId, string? Chair, IReadOnlyList<PersonRef> Attended, IReadOnlyList<PersonRef> Apologies,
    IReadOnlyList<ItemDto> Items, IReadOnlyList<ActionDto> Actions, int Version)
{
    public static MeetingDto From(MeetingView m) => new(m.Id, Api.Date(m.MeetingOn), Api.Name(m.Status), m.ChairId, m.Chair,
        m.Attended.Select(a => new PersonRef(a.Id, a.Name)).ToList(), m.Apologies.Select(a => new PersonRef(a.Id, a.Name)).ToList(),
        m.Items.Select(ItemDto.From).ToList(), m.Actions.Select(ActionDto.From).ToList(), m.Version);
}

/// <summary>A member organisation: <c>organisationId</c> from the directory, or <c>thisService: true</c> for the PD service itself.</summary>
public sealed record MemberWriteRequest(Guid? OrganisationId, bool? ThisService, string? JoinedOn, string? LeftOn, int? Version);
public sealed record RepresentativeWriteRequest(string? Name, string? Title, string? Email, Guid? StaffUserId, string? ActiveFrom, string? LeftOn, int? Version);
public sealed record MeetingWriteRequest(string? MeetingOn, Guid? ChairId, IReadOnlyList<Guid>? Attended, IReadOnlyList<Guid>? Apologies, int? Version);
/// <summary><c>status</c>: <c>held</c> or <c>minutesApproved</c>.</summary>
public sealed record MeetingStatusRequest(string? Status, int? Version);
/// <summary>
/// An agenda item. <c>kind</c>: <c>caseDiscussion</c> (then <c>caseId</c> and <c>sharingBasis</c> are required:
/// <c>agreedToSharing</c> with <c>consentOn</c>, or <c>sharedWithoutAgreement</c> with a <c>lawfulBasisNote</c> saying why; <c>lawfulBasis</c> defaults to <c>publicTaskHealthAndCare</c>) or
/// <c>serviceDevelopment</c>. The kind and case cannot change once saved.
/// </summary>
public sealed record ItemWriteRequest(string? Kind, string? Title, Guid? CaseId, string? SharingBasis, string? LawfulBasis, string? LawfulBasisNote,
    string? ConsentOn, string? Minutes, string? Decisions, int? Version);
/// <summary>An action: exactly one owner (<c>ownerRepresentativeId</c> or <c>ownerStaffUserId</c>) and a due date.</summary>
public sealed record ActionWriteRequest(string? Description, Guid? AgendaItemId, Guid? OwnerRepresentativeId, Guid? OwnerStaffUserId, string? DueOn);
/// <summary><c>status</c>: <c>open</c>, <c>done</c> or <c>dropped</c>.</summary>
public sealed record ActionStatusRequest(string? Status, int? Version);

/// <summary>
/// The service co-ordination group over the API: the same rules, access and audit as the pages. Readers outside the
/// group (a partner or probation user who is not an active representative) get 404 and a denied row; case items and
/// their actions are filtered exactly as on the pages.
/// </summary>
public static class CoordinationEndpoints
{
    public static RouteGroupBuilder MapCoordinationEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/coordination-group").WithTags("Co-ordination group");
        g.MapGet("/members", ListMembersAsync).RequireAuthorization(Policies.CoordinationReader).Audited(AuditActions.Coordination.Read)
            .WithSummary("Member organisations and their representatives");
        g.MapPost("/members", CreateMemberAsync).RequireAuthorization(Policies.CoordinationAdmin).Audited(AuditActions.Coordination.MemberUpdate)
            .WithSummary("Add a member organisation");
        g.MapPut("/members/{memberId:guid}", UpdateMemberAsync).RequireAuthorization(Policies.CoordinationAdmin).Audited(AuditActions.Coordination.MemberUpdate)
            .WithSummary("Change a member (for example the date it left); send the version you read, or get 409");
        g.MapPost("/members/{memberId:guid}/representatives", CreateRepresentativeAsync).RequireAuthorization(Policies.CoordinationAdmin)
            .Audited(AuditActions.Coordination.RepresentativeUpdate).WithSummary("Add a representative to a member organisation");
        g.MapPut("/representatives/{representativeId:guid}", UpdateRepresentativeAsync).RequireAuthorization(Policies.CoordinationAdmin)
            .Audited(AuditActions.Coordination.RepresentativeUpdate).WithSummary("Change a representative; send the version you read, or get 409");
        g.MapGet("/meetings", ListMeetingsAsync).RequireAuthorization(Policies.CoordinationReader).Audited(AuditActions.Coordination.Read)
            .WithSummary("The group's meetings, newest first");
        g.MapPost("/meetings", CreateMeetingAsync).RequireAuthorization(Policies.CoordinationAdmin).Audited(AuditActions.Coordination.MeetingUpdate)
            .WithSummary("Plan a meeting (date, chair, attendees, apologies)");
        g.MapGet("/meetings/{meetingId:guid}", GetMeetingAsync).RequireAuthorization(Policies.CoordinationReader).Audited(AuditActions.Coordination.MeetingRead)
            .WithSummary("A meeting with its agenda, minutes and actions; case items you may not read are restricted");
        g.MapPut("/meetings/{meetingId:guid}", UpdateMeetingAsync).RequireAuthorization(Policies.CoordinationAdmin).Audited(AuditActions.Coordination.MeetingUpdate)
            .WithSummary("Change a meeting's date, chair and attendance; refused once the minutes are approved");
        g.MapPost("/meetings/{meetingId:guid}/status", MoveMeetingAsync).RequireAuthorization(Policies.CoordinationAdmin).Audited(AuditActions.Coordination.MeetingStatusUpdate)
            .WithSummary("Record the meeting as held, or approve its minutes (then read-only)");
        g.MapGet("/meetings/{meetingId:guid}/minutes.pdf", MinutesPdfAsync).RequireAuthorization(Policies.CoordinationReader).Audited(AuditActions.Coordination.MinutesDownload)
            .WithSummary("The minutes as PDF, with case items you may not read redacted");
        g.MapPost("/meetings/{meetingId:guid}/items", CreateItemAsync).RequireAuthorization(Policies.CoordinationAdmin).Audited(AuditActions.Coordination.ItemCreate)
            .WithSummary("Add an agenda item: a case discussion (with its basis for sharing) or a service-development item");
        g.MapGet("/items/{agendaItemId:guid}", GetItemAsync).RequireAuthorization(Policies.CoordinationReader).Audited(AuditActions.Coordination.ItemRead)
            .WithSummary("One agenda item; restricted if it discusses a case you may not read");
        g.MapPut("/items/{agendaItemId:guid}", UpdateItemAsync).RequireAuthorization(Policies.CoordinationAdmin).Audited(AuditActions.Coordination.ItemUpdate)
            .WithSummary("Record an item's minutes and decisions; send the version you read, or get 409");
        g.MapGet("/actions", ListActionsAsync).RequireAuthorization(Policies.CoordinationReader).Audited(AuditActions.Coordination.ActionList)
            .WithSummary("The group's actions, soonest due first (?open=true for open ones, ?mine=true for your own)");
        g.MapPost("/meetings/{meetingId:guid}/actions", CreateActionAsync).RequireAuthorization(Policies.CoordinationAdmin).Audited(AuditActions.Coordination.ActionCreate)
            .WithSummary("Record an action agreed at the meeting, with one owner and a due date");
        g.MapPut("/actions/{groupActionId:guid}/status", SetActionStatusAsync).RequireAuthorization(Policies.CoordinationReader).Audited(AuditActions.Coordination.ActionStatusUpdate)
            .WithSummary("Mark an action open, done or dropped (the group's administrators, or the action's owner); send the version you read, or get 409");
        return api;
    }

    private static async Task<bool> DeniedAsync(CoordinationGroup group, AuditLog audit, CancellationToken ct)
    {
        if (await group.CanReadAsync(ct)) return false;
        await audit.DeniedAsync("CoordinationGroup", null, null, ct);
        return true;
    }

    private static async Task<Results<Ok<IReadOnlyList<MemberDto>>, NotFound>> ListMembersAsync(CoordinationGroup group, AuditLog audit, CancellationToken ct)
    {
        if (await DeniedAsync(group, audit, ct)) return TypedResults.NotFound();
        var members = await group.MembersAsync(ct);
        await audit.ReadAsync("CoordinationGroup", null, null, ct);
        return TypedResults.Ok<IReadOnlyList<MemberDto>>(members.Select(MemberDto.From).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<MeetingSummaryDto>>, NotFound>> ListMeetingsAsync(CoordinationGroup group, AuditLog audit, CancellationToken ct)
    {
        if (await DeniedAsync(group, audit, ct)) return TypedResults.NotFound();
        var meetings = await group.MeetingsAsync(ct);
        await audit.ReadAsync("CoordinationGroup", null, null, ct);
        return TypedResults.Ok<IReadOnlyList<MeetingSummaryDto>>(meetings
            .Select(m => new MeetingSummaryDto(m.Id, Api.Date(m.MeetingOn), Api.Name(m.Status), m.Items, m.OpenActions, m.OverdueActions)).ToList());
    }

    private static async Task<Results<Ok<MeetingDto>, NotFound>> GetMeetingAsync(Guid meetingId, CoordinationGroup group, AuditLog audit, CancellationToken ct)
    {
        if (await DeniedAsync(group, audit, ct)) return TypedResults.NotFound();
        var m = await group.MeetingAsync(meetingId, ct);
        return m is null ? TypedResults.NotFound() : TypedResults.Ok(MeetingDto.From(m));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> MinutesPdfAsync(Guid meetingId, CoordinationGroup group, AuditLog audit, CancellationToken ct)
    {
        if (await DeniedAsync(group, audit, ct)) return TypedResults.NotFound();
        var m = await group.MeetingAsync(meetingId, ct);
        return m is null ? TypedResults.NotFound() : TypedResults.File(MinutesPdf.Render(m), "application/pdf", MinutesPdf.FileName(m));
    }

    private static async Task<Results<Ok<ItemDto>, NotFound>> GetItemAsync(Guid agendaItemId, CoordinationGroup group, AuditLog audit, CancellationToken ct)
    {
        if (await DeniedAsync(group, audit, ct)) return TypedResults.NotFound();
        var i = await group.ItemAsync(agendaItemId, ct);
        return i is null ? TypedResults.NotFound() : TypedResults.Ok(ItemDto.From(i));
    }

    private static async Task<Results<Ok<IReadOnlyList<ActionDto>>, NotFound>> ListActionsAsync(bool? open, bool? mine, CoordinationGroup group, AuditLog audit,
        PathwayDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await DeniedAsync(group, audit, ct)) return TypedResults.NotFound();
        var actions = await group.ActionsAsync(open == true, mine == true ? http.User.ToStaffContext().UserId : null, ct);
        await audit.ReadAsync("GroupActionList", null, null, ct);
        return TypedResults.Ok<IReadOnlyList<ActionDto>>(actions.Select(ActionDto.From).ToList());
    }

    private static Task<Results<Created<MemberDto>, Ok<MemberDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<MemberDto>>>> CreateMemberAsync(
        MemberWriteRequest body, SaveGroupMember save, CoordinationGroup group, CancellationToken ct) => SaveMemberAsync(null, body, save, group, ct);

    private static Task<Results<Created<MemberDto>, Ok<MemberDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<MemberDto>>>> UpdateMemberAsync(
        Guid memberId, MemberWriteRequest body, SaveGroupMember save, CoordinationGroup group, CancellationToken ct) => SaveMemberAsync(memberId, body, save, group, ct);

    private static async Task<Results<Created<MemberDto>, Ok<MemberDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<MemberDto>>>> SaveMemberAsync(
        Guid? id, MemberWriteRequest body, SaveGroupMember save, CoordinationGroup group, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var details = new MemberDetails(body.OrganisationId, body.ThisService ?? false, Api.ParseDate(body.JoinedOn, "JoinedOn", unreadable), Api.ParseDate(body.LeftOn, "LeftOn", unreadable));
        var outcome = await save.HandleAsync(id, details, body.Version, unreadable, ct);
        async Task<MemberDto> Read(Guid mid) => (await group.MembersAsync(ct)).Where(m => m.Id == mid).Select(MemberDto.From).First();
        return await PresentAsync(outcome, created: id is null, Read, m => m.Version, "/api/v1/coordination-group/members");
    }

    private static Task<Results<Created<RepresentativeDto>, Ok<RepresentativeDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RepresentativeDto>>>> CreateRepresentativeAsync(
        Guid memberId, RepresentativeWriteRequest body, SaveGroupRepresentative save, PathwayDbContext db, TimeProvider clock, CancellationToken ct) =>
        SaveRepresentativeAsync(null, memberId, body, save, db, clock, ct);

    private static Task<Results<Created<RepresentativeDto>, Ok<RepresentativeDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RepresentativeDto>>>> UpdateRepresentativeAsync(
        Guid representativeId, RepresentativeWriteRequest body, SaveGroupRepresentative save, PathwayDbContext db, TimeProvider clock, CancellationToken ct) =>
        SaveRepresentativeAsync(representativeId, Guid.Empty, body, save, db, clock, ct);

    private static async Task<Results<Created<RepresentativeDto>, Ok<RepresentativeDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<RepresentativeDto>>>> SaveRepresentativeAsync(
        Guid? id, Guid memberId, RepresentativeWriteRequest body, SaveGroupRepresentative save, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var details = new RepresentativeDetails(body.Name, body.Title, body.Email, body.StaffUserId,
            Api.ParseDate(body.ActiveFrom, "ActiveFrom", unreadable), Api.ParseDate(body.LeftOn, "LeftOn", unreadable));
        var outcome = await save.HandleAsync(id, memberId, details, body.Version, unreadable, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        async Task<RepresentativeDto> Read(Guid rid) =>
            RepresentativeDto.From(CoordinationGroup.ToView(await db.GroupRepresentatives.AsNoTracking().FirstAsync(r => r.Id == rid, ct), null, today));
        return await PresentAsync(outcome, created: id is null, Read, r => r.Version, "/api/v1/coordination-group/representatives");
    }

    private static Task<Results<Created<MeetingDto>, Ok<MeetingDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<MeetingDto>>>> CreateMeetingAsync(
        MeetingWriteRequest body, SaveGroupMeeting save, CoordinationGroup group, CancellationToken ct) =>
        SaveMeetingAsync(null, body, save, group, ct);

    private static Task<Results<Created<MeetingDto>, Ok<MeetingDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<MeetingDto>>>> UpdateMeetingAsync(
        Guid meetingId, MeetingWriteRequest body, SaveGroupMeeting save, CoordinationGroup group, CancellationToken ct) =>
        SaveMeetingAsync(meetingId, body, save, group, ct);

    private static async Task<Results<Created<MeetingDto>, Ok<MeetingDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<MeetingDto>>>> SaveMeetingAsync(
        Guid? id, MeetingWriteRequest body, SaveGroupMeeting save, CoordinationGroup group, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var details = new MeetingDetails(Api.ParseDate(body.MeetingOn, "MeetingOn", unreadable), body.ChairId, body.Attended ?? [], body.Apologies ?? []);
        var outcome = await save.HandleAsync(id, details, body.Version, unreadable, ct);
        // The answer shows the meeting's case items, so it is read like one.
        return await PresentAsync(outcome, created: id is null, async mid => MeetingDto.From((await group.MeetingAsync(mid, ct))!), m => m.Version,
            "/api/v1/coordination-group/meetings");
    }

    private static async Task<Results<Ok<MeetingDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<MeetingDto>>>> MoveMeetingAsync(
        Guid meetingId, MeetingStatusRequest body, ChangeMeetingStatus change, CoordinationGroup group, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var to = Api.ParseEnum<MeetingStatus>(body.Status, "Status", unreadable);
        var outcome = await change.HandleAsync(meetingId, unreadable.Count > 0 ? null : to, body.Version, unreadable, ct);
        return await PresentAsync(outcome, async mid => MeetingDto.From((await group.MeetingAsync(mid, ct))!), m => m.Version);
    }

    private static async Task<Results<Created<ItemDto>, Ok<ItemDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<ItemDto>>>> CreateItemAsync(
        Guid meetingId, ItemWriteRequest body, SaveAgendaItem save, CoordinationGroup group, CancellationToken ct) =>
        await SaveItemAsync(meetingId, null, body, save, group, ct);

    private static async Task<Results<Created<ItemDto>, Ok<ItemDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<ItemDto>>>> UpdateItemAsync(
        Guid agendaItemId, ItemWriteRequest body, SaveAgendaItem save, CoordinationGroup group, PathwayDbContext db, CancellationToken ct)
    {
        var meetingId = await db.GroupAgendaItems.AsNoTracking().Where(i => i.Id == agendaItemId).Select(i => (Guid?)i.MeetingId).FirstOrDefaultAsync(ct);
        if (meetingId is null) return TypedResults.NotFound();
        return await SaveItemAsync(meetingId.Value, agendaItemId, body, save, group, ct);
    }

    private static async Task<Results<Created<ItemDto>, Ok<ItemDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<ItemDto>>>> SaveItemAsync(
        Guid meetingId, Guid? itemId, ItemWriteRequest body, SaveAgendaItem save, CoordinationGroup group, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var details = new ItemDetails(Api.ParseEnum<AgendaItemKind>(body.Kind, "Kind", unreadable), body.Title, body.CaseId,
            Api.ParseEnum<SharingBasis>(body.SharingBasis, "SharingBasis", unreadable), Api.ParseEnum<LawfulBasis>(body.LawfulBasis, "LawfulBasis", unreadable),
            body.LawfulBasisNote, Api.ParseDate(body.ConsentOn, "ConsentOn", unreadable), body.Minutes, body.Decisions);
        var outcome = await save.HandleAsync(meetingId, itemId, details, body.Version, unreadable, ct);
        return await PresentAsync(outcome, created: itemId is null, async iid => ItemDto.From((await group.ItemAsync(iid, ct))!), i => i.Version,
            "/api/v1/coordination-group/items");
    }

    private static async Task<Results<Created<ActionDto>, NotFound, ValidationProblem>> CreateActionAsync(
        Guid meetingId, ActionWriteRequest body, AddGroupAction add, CoordinationGroup group, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var details = new GroupActionDetails(body.Description, body.AgendaItemId, body.OwnerRepresentativeId, body.OwnerStaffUserId, Api.ParseDate(body.DueOn, "DueOn", unreadable));
        switch (await add.HandleAsync(meetingId, details, unreadable, ct))
        {
            case Outcome<Guid>.Done d:
                var saved = (await group.ActionsAsync(false, null, ct)).First(a => a.Id == d.Value);
                return TypedResults.Created($"/api/v1/coordination-group/actions/{saved.Id}", ActionDto.From(saved));
            case Outcome<Guid>.Invalid i:
                return TypedResults.ValidationProblem(i.Errors.ToProblemErrors());
            default:
                return TypedResults.NotFound();
        }
    }

    private static async Task<Results<Ok<ActionDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<ActionDto>>>> SetActionStatusAsync(
        Guid groupActionId, ActionStatusRequest body, SetGroupActionStatus set, CoordinationGroup group, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var status = Api.ParseEnum<GroupActionStatus>(body.Status, "Status", unreadable);
        var outcome = await set.HandleAsync(groupActionId, status, body.Version, unreadable, ct);
        return await PresentAsync(outcome, async aid => ActionDto.From((await group.ActionsAsync(false, null, ct)).First(a => a.Id == aid)), a => a.Version);
    }

    // The handlers answer the changed record's id; the answer is that record read back through CoordinationGroup, so a
    // case item or action is filtered (and its read audited) for the caller exactly as on every other read.

    private static async Task<Results<Created<T>, Ok<T>, NotFound, ValidationProblem, Conflict<ConflictProblem<T>>>> PresentAsync<T>(
        Outcome<Guid> outcome, bool created, Func<Guid, Task<T>> read, Func<T, int> version, string collection) =>
        outcome switch
        {
            Outcome<Guid>.Done d when created => TypedResults.Created($"{collection}/{d.Value}", await read(d.Value)),
            Outcome<Guid>.Done d => TypedResults.Ok(await read(d.Value)),
            Outcome<Guid>.Invalid i => TypedResults.ValidationProblem(i.Errors.ToProblemErrors()),
            Outcome<Guid>.Conflict c => TypedResults.Conflict(Stale(await read(c.Current), version)),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<Ok<T>, NotFound, ValidationProblem, Conflict<ConflictProblem<T>>>> PresentAsync<T>(
        Outcome<Guid> outcome, Func<Guid, Task<T>> read, Func<T, int> version) =>
        outcome switch
        {
            Outcome<Guid>.Done d => TypedResults.Ok(await read(d.Value)),
            Outcome<Guid>.Invalid i => TypedResults.ValidationProblem(i.Errors.ToProblemErrors()),
            Outcome<Guid>.Conflict c => TypedResults.Conflict(Stale(await read(c.Current), version)),
            _ => TypedResults.NotFound(),
        };

    private static ConflictProblem<T> Stale<T>(T current, Func<T, int> version) => Api.Stale("record", version(current), current);
}
