using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Signposting;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Compliance;
using Pathway.Web.Features.Signposting.Matching;
using Pathway.Web.Features.Signposting.Partner;
using Pathway.Web.Features.Signposting.Referrals;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Signposting;

public sealed record MatchReasonDto(string Kind, string Text);
public sealed record ServiceMatchDto(Guid ServiceId, string Service, string Organisation, bool Eligible, IReadOnlyList<MatchReasonDto> Reasons);
public sealed record NeedMatchesDto(string Need, bool Unmet, IReadOnlyList<ServiceMatchDto> Eligible, IReadOnlyList<ServiceMatchDto> NotEligible);

public sealed record SignpostingEventDto(string? From, string To, string On, string? Reason, bool ByPartner);

public sealed record SignpostingReferralDto(
    Guid Id, Guid CaseId, Guid ServiceId, string Service, string Need, string ReasonForReferral, string? StaffSafetySummary,
    string ContactRoute, bool PersonConsented, string Status, string StatusOn, string? ReferredOn, string? FirstAttendedOn,
    bool ResponseOverdue, IReadOnlyList<SignpostingEventDto> History, int Version)
{
    public static SignpostingReferralDto From(SignpostingReferral r, bool overdue) => new(
        r.Id, r.CaseId, r.ServiceId, r.Service?.Name ?? "", Api.Name(r.Need), r.ReasonForReferral, r.StaffSafetySummary, r.ContactRoute,
        r.PersonConsented, Api.Name(r.Status), Api.Date(r.StatusOn), r.ReferredOn is { } d ? Api.Date(d) : null,
        r.FirstAttendedOn is { } f ? Api.Date(f) : null, overdue,
        r.Events.OrderBy(e => e.RecordedAt).Select(e => new SignpostingEventDto(e.From is { } x ? Api.Name(x) : null, Api.Name(e.To), Api.Date(e.On), e.Reason, e.ByPartner)).ToList(),
        r.Version);
}

/// <summary>The partner's narrowed view: the minimum needed to act, nothing else.</summary>
public sealed record PartnerReferralDto(
    Guid Id, string PersonName, string DateOfBirth, string ContactRoute, string ReasonForReferral, string? StaffSafetySummary,
    string Service, string Need, string Status, string StatusOn, string? ReferredOn, IReadOnlyList<SignpostingEventDto> History, int Version)
{
    public static PartnerReferralDto From(PartnerReferralView v) => new(
        v.Id, v.PersonName, Api.Date(v.DateOfBirth), v.ContactRoute, v.ReasonForReferral, v.StaffSafetySummary, v.ServiceName, Api.Name(v.Need),
        Api.Name(v.Status), Api.Date(v.StatusOn), v.ReferredOn is { } d ? Api.Date(d) : null,
        v.History.Select(e => new SignpostingEventDto(null, Api.Name(e.To), Api.Date(e.On), e.Reason, e.ByPartner)).ToList(), v.Version);
}

/// <summary>A referral to make: <c>sendNow</c> false saves a suggestion; sending needs <c>personConsented</c>.</summary>
public sealed record SignpostingCreateRequest(Guid? ServiceId, string? Need, string? ReasonForReferral, string? StaffSafetySummary, string? ContactRoute, bool? PersonConsented, bool? SendNow);

/// <summary>A move: <c>to</c> the new status, <c>on</c> the date it happened (yyyy-MM-dd), <c>reason</c> where needed, and the version read.</summary>
public sealed record SignpostingMoveWriteRequest(string? To, string? On, string? Reason, int? Version)
{
    public SignpostingMoveRequest Parse(List<FieldError> errors) =>
        new(Api.ParseEnum<SignpostingReferralStatus>(To, "To", errors), Api.ParseDate(On, "On", errors), Reason, Version);
}

public static class SignpostingEndpoints
{
    public static RouteGroupBuilder MapSignpostingEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{id:guid}/signposting").WithTags("Signposting");
        cases.MapGet("/matches", MatchesAsync).RequireAuthorization(Policies.CaseEditor).Audited(AuditActions.Signposting.Match).ForCase(AccessNeed.Edit, "SignpostingMatch")
            .WithSummary("Services for each assessed need (or ?need=… when there is no countersigned assessment), with reasons");
        cases.MapGet("/referrals", ListAsync).RequireAuthorization(Policies.CaseData).Audited(AuditActions.Signposting.List).ForCase(AccessNeed.Read, "SignpostingList")
            .WithSummary("A case's signposting referrals");
        cases.MapGet("/referrals/{signpostingId:guid}", GetAsync).RequireAuthorization(Policies.CaseData).Audited(AuditActions.Signposting.Read)
            .ForCase(AccessNeed.Read, "SignpostingReferral", "signpostingId").WithSummary("One signposting referral with its history");
        cases.MapPost("/referrals", CreateAsync).RequireAuthorization(Policies.CaseEditor).Audited(AuditActions.Signposting.Create).ForCase(AccessNeed.Edit, "SignpostingReferral")
            .WithSummary("Refer the person to a directory service; closed services and services that exclude the person are refused with the reason");
        cases.MapPost("/referrals/{signpostingId:guid}/moves", MoveAsync).RequireAuthorization(Policies.CaseEditor).Audited(AuditActions.Signposting.Move)
            .ForCase(AccessNeed.Edit, "SignpostingReferral", "signpostingId").WithSummary("Record what happened next; moves out of order are refused");

        var partner = api.MapGroup("/partner/referrals").WithTags("Partner agencies").RequireAuthorization(Policies.PartnerAgency);
        partner.MapGet("/", PartnerListAsync).Audited(AuditActions.Partner.ReferralList).WithSummary("Referrals sent to the caller's organisation");
        partner.MapGet("/{signpostingId:guid}", PartnerGetAsync).Audited(AuditActions.Partner.ReferralRead).WithSummary("One referral: the minimum needed to act");
        partner.MapPost("/{signpostingId:guid}/moves", PartnerMoveAsync).Audited(AuditActions.Signposting.Move).WithSummary("Accept, decline, record attendance or the outcome");
        return api;
    }

    // The case in the route is loaded, checked and audited by .ForCase before the case endpoints run (see CurrentCase).
    // `Guid id` stays in their signatures for the OpenAPI document.

    private static async Task<Results<Ok<IReadOnlyList<NeedMatchesDto>>, NotFound, ValidationProblem>> MatchesAsync(
        Guid id, CurrentCase current, PathwayDbContext db, AuditLog audit, SignpostingCalendar calendar, CancellationToken ct, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? need = null)
    {
        var c = current.Context;
        var errors = new List<FieldError>();
        var chosen = (need ?? []).Select(n => Api.ParseEnum<NeedArea>(n, "need", errors)).OfType<NeedArea>().ToList();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        var (_, matches) = await CaseMatching.MatchAsync(db, c.Case, chosen, calendar.Today, ct);
        // The answer is made of case facts (needs, risk, where the person lives): a read of the case. Edit access was
        // checked, which writes no read row of its own.
        await audit.ReadAsync("SignpostingMatch", c.Id, c.Id, ct);
        static ServiceMatchDto M(ServiceMatch m) => new(m.Service.Id, m.Service.Name, m.Service.Organisation, m.Eligible,
            m.Reasons.Select(r => new MatchReasonDto(Api.Name(r.Kind), r.Text)).ToList());
        return TypedResults.Ok<IReadOnlyList<NeedMatchesDto>>(matches.Select(m =>
            new NeedMatchesDto(Api.Name(m.Need), m.Unmet, m.Eligible.Select(M).ToList(), m.NotEligible.Select(M).ToList())).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<SignpostingReferralDto>>, NotFound>> ListAsync(
        Guid id, CurrentCase current, PathwayDbContext db, SignpostingCalendar calendar, CancellationToken ct)
    {
        var rows = await db.SignpostingReferrals.AsNoTracking().Include(r => r.Service).Include(r => r.Events)
            .Where(r => r.CaseId == current.Context.Id).OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<SignpostingReferralDto>>(rows.Select(r => SignpostingReferralDto.From(r, calendar.ResponseOverdue(r))).ToList());
    }

    private static async Task<Results<Ok<SignpostingReferralDto>, NotFound>> GetAsync(
        Guid id, Guid signpostingId, CurrentCase current, PathwayDbContext db, AuditLog audit, SignpostingCalendar calendar, CancellationToken ct)
    {
        var r = await CaseRecordLookup.FindAsync(db.SignpostingReferrals.AsNoTracking().Include(x => x.Service).Include(x => x.Events), audit,
            current.Context.Id, signpostingId, ct);
        return r is null ? TypedResults.NotFound() : TypedResults.Ok(SignpostingReferralDto.From(r, calendar.ResponseOverdue(r)));
    }

    private static async Task<Results<Created<SignpostingReferralDto>, NotFound, ValidationProblem>> CreateAsync(
        Guid id, SignpostingCreateRequest body, CurrentCase current, ReferToService refer, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var need = Api.ParseEnum<NeedArea>(body.Need, "Need", unreadable);
        if (body.ServiceId is null) unreadable.Add(new("ServiceId", "Choose a service from the directory"));
        var request = new NewSignpostingReferral(body.ServiceId, need, body.ReasonForReferral, body.StaffSafetySummary, body.ContactRoute,
            body.PersonConsented ?? false, body.SendNow ?? true);
        return (await refer.HandleAsync(current.Context, request, unreadable, ct))
            .ToCreated(r => $"/api/v1/cases/{r.CaseId}/signposting/referrals/{r.Id}", r => SignpostingReferralDto.From(r, false));
    }

    private static async Task<Results<Ok<SignpostingReferralDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<SignpostingReferralDto>>>> MoveAsync(
        Guid id, Guid signpostingId, SignpostingMoveWriteRequest body, CurrentCase current, RecordSignpostingMove record, PathwayDbContext db,
        SignpostingCalendar calendar, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var outcome = await record.ByStaffAsync(current.Context, signpostingId, body.Parse(unreadable), unreadable, ct);
        if (outcome is Outcome<SignpostingReferral>.Done or Outcome<SignpostingReferral>.Conflict)
        {
            // The answer is the referral as saved, with its history and service, read afresh.
            db.ChangeTracker.Clear();
            var fresh = await db.SignpostingReferrals.AsNoTracking().Include(x => x.Service).Include(x => x.Events).FirstAsync(x => x.Id == signpostingId, ct);
            outcome = outcome is Outcome<SignpostingReferral>.Done ? fresh : Outcome.Conflict(fresh);
        }
        return outcome.ToOk(r => SignpostingReferralDto.From(r, calendar.ResponseOverdue(r)), "referral", r => r.Version);
    }

    private static async Task<Ok<IReadOnlyList<PartnerReferralDto>>> PartnerListAsync(PathwayDbContext db, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        var list = await PartnerReferrals.ListAsync(db, http.User.ToStaffContext().TeamId, ct);
        await audit.ReadAsync("SignpostingReferralList", null, null, ct);
        return TypedResults.Ok<IReadOnlyList<PartnerReferralDto>>(list.Select(PartnerReferralDto.From).ToList());
    }

    private static async Task<Results<Ok<PartnerReferralDto>, NotFound>> PartnerGetAsync(Guid signpostingId, PathwayDbContext db, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        var found = await PartnerReferrals.FindAsync(db, audit, http.User.ToStaffContext().TeamId, signpostingId, ct);
        if (found is not { } f) return TypedResults.NotFound();
        await audit.ReadAsync("SignpostingReferral", signpostingId, f.CaseId, ct);
        return TypedResults.Ok(PartnerReferralDto.From(f.View));
    }

    private static async Task<Results<Ok<PartnerReferralDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<PartnerReferralDto>>>> PartnerMoveAsync(
        Guid signpostingId, SignpostingMoveWriteRequest body, PathwayDbContext db, AuditLog audit, RecordSignpostingMove record, HttpContext http, CancellationToken ct)
    {
        var who = http.User.ToStaffContext();
        var unreadable = new List<FieldError>();
        var outcome = await record.ByPartnerAsync(who, signpostingId, body.Parse(unreadable), unreadable, ct);
        switch (outcome)
        {
            case Outcome<SignpostingReferral>.NotFound: return TypedResults.NotFound();
            case Outcome<SignpostingReferral>.Invalid i: return TypedResults.ValidationProblem(i.Errors.ToProblemErrors());
        }
        // The partner's answer is their narrowed view of the referral as it now stands.
        db.ChangeTracker.Clear();
        var view = (await PartnerReferrals.FindAsync(db, audit, who.TeamId, signpostingId, ct))!.Value.View;
        if (outcome is Outcome<SignpostingReferral>.Conflict) return TypedResults.Conflict(Api.Stale("referral", view.Version, PartnerReferralDto.From(view)));
        return TypedResults.Ok(PartnerReferralDto.From(view));
    }
}
