using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.Cases;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases.Create;
using Pathway.Web.Features.Cases.Edit;
using Pathway.Web.Features.Cases.Timeline;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Cases;

/// <summary>A person on licence as the API shows them.</summary>
public sealed record CaseDto(
    Guid Id, string Crn, string? PncNumber, string GivenName, string FamilyName, string DateOfBirth, string Gender, string Ethnicity,
    Guid TeamId, string RoshLevel, string MappaCategory, string MappaLevel, IReadOnlyList<string> Flags,
    Guid? OffenderManagerId, Guid? PsychologistId, Guid? ApprovedPremisesId, string? AddressLine1, string? AddressLine2,
    string? TownOrCity, string? Postcode, bool? RegisteredWithGp, string? ReferredToServiceOn, bool IsRestricted, int Version)
{
    public static CaseDto From(CaseRecord c) => new(
        c.Id, c.Crn, c.PncNumber, c.GivenName, c.FamilyName, Api.Date(c.DateOfBirth), Api.Name(c.Gender), Api.Name(c.Ethnicity),
        c.TeamId, Api.Name(c.RoshLevel), Api.Name(c.MappaCategory), Api.Name(c.MappaLevel),
        RiskFlags.Split(c.Flags).Select(RiskFlags.ApiName).ToList(), c.OffenderManagerId, c.PsychologistId, c.ApprovedPremisesId,
        c.AddressLine1, c.AddressLine2, c.TownOrCity, c.Postcode, c.RegisteredWithGp, c.ReferredToServiceOn is { } r ? Api.Date(r) : null, c.IsRestricted, c.Version);
}

/// <summary>
/// What a client sends to create or update a case. Values arrive as text so that a wrong one is reported against
/// its field, like every other validation problem, instead of failing the whole body. <c>referredToServiceOn</c> is
/// read-only (the referral workflow sets it): leave it out, or send back the value you read; any other value is refused.
/// </summary>
public sealed record CaseWriteRequest(
    string? Crn, string? PncNumber, string? GivenName, string? FamilyName, string? DateOfBirth, string? Gender, string? Ethnicity,
    string? TeamId, string? RoshLevel, string? MappaCategory, string? MappaLevel, IReadOnlyList<string>? Flags,
    string? OffenderManagerId, string? PsychologistId, string? ApprovedPremisesId, string? AddressLine1, string? AddressLine2,
    string? TownOrCity, string? Postcode, string? ReferredToServiceOn, bool? IsRestricted, int? Version, bool? RegisteredWithGp = null)
{
    public CaseDetails Parse(List<FieldError> errors, Guid? defaultTeam)
    {
        var flags = RiskFlag.None;
        foreach (var f in Flags ?? [])
        {
            if (RiskFlags.TryParseApiName(f, out var flag)) flags |= flag;
            else errors.Add(new("Flags", $"'{Echo.Of(f)}' is not a risk flag. Use: {string.Join(", ", RiskFlags.All.Select(RiskFlags.ApiName))}"));
        }
        return new CaseDetails
        {
            Crn = Crn, PncNumber = PncNumber, GivenName = GivenName, FamilyName = FamilyName,
            DateOfBirth = Api.ParseDate(DateOfBirth, nameof(DateOfBirth), errors),
            Gender = Api.ParseEnum<Gender>(Gender, nameof(Gender), errors),
            Ethnicity = Api.ParseEnum<Ethnicity>(Ethnicity, nameof(Ethnicity), errors),
            TeamId = Api.ParseGuid(TeamId, nameof(TeamId), errors) ?? defaultTeam,
            RoshLevel = Api.ParseEnum<RoshLevel>(RoshLevel, nameof(RoshLevel), errors),
            MappaCategory = Api.ParseEnum<MappaCategory>(MappaCategory, nameof(MappaCategory), errors) ?? Domain.Cases.MappaCategory.None,
            MappaLevel = Api.ParseEnum<MappaLevel>(MappaLevel, nameof(MappaLevel), errors) ?? Domain.Cases.MappaLevel.None,
            Flags = flags,
            OffenderManagerId = Api.ParseGuid(OffenderManagerId, nameof(OffenderManagerId), errors),
            PsychologistId = Api.ParseGuid(PsychologistId, nameof(PsychologistId), errors),
            ApprovedPremisesId = Api.ParseGuid(ApprovedPremisesId, nameof(ApprovedPremisesId), errors),
            AddressLine1 = AddressLine1, AddressLine2 = AddressLine2, TownOrCity = TownOrCity, Postcode = Postcode, RegisteredWithGp = RegisteredWithGp,
            IsRestricted = IsRestricted ?? false,
        };
    }
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public static class CaseEndpoints
{
    public static RouteGroupBuilder MapCaseEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");
        cases.MapGet("/", ListAsync).Audited(AuditActions.Case.List).WithSummary("Search and list the cases you can see");
        cases.MapGet("/{id:guid}", GetAsync).Audited(AuditActions.Case.Read).ForCase(AccessNeed.Read).WithSummary("Get one case");
        cases.MapGet("/{id:guid}/timeline", GetTimelineAsync).Audited(AuditActions.Case.TimelineRead).ForCase(AccessNeed.Read, "Timeline")
            .WithSummary("The case's whole timeline from every area, newest first (optionally only some kinds: ?kind=licence&kind=contact)");
        cases.MapPost("/", CreateAsync).Audited(AuditActions.Case.Create).RequireAuthorization(Policies.CaseEditor).WithSummary("Add a person on licence");
        cases.MapPut("/{id:guid}", UpdateAsync).Audited(AuditActions.Case.Update).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Change a person's details; send the version you read, or get 409 if someone else changed it");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<TimelineEntryDto>>, NotFound>> GetTimelineAsync(
        Guid id, CurrentCase current, PathwayDbContext db, TimeProvider clock, CancellationToken ct, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? kind = null) =>
        TypedResults.Ok(await TimelineEntryDto.LoadAsync(db, current.Context, kind, TimelineScope.Whole,
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct));

    private static async Task<Ok<PagedResult<CaseDto>>> ListAsync(
        string? search, int? page, int? pageSize, CaseAccess access, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        var who = http.User.ToStaffContext();
        var visible = await access.VisibleAsync(ct);
        var result = await new CaseListQuery(search, CaseListView.All, Page: page ?? 1, PageSize: pageSize ?? 25).RunAsync(visible, who, ct);
        var ids = result.Items.Select(i => i.Id).ToArray();
        var records = await visible.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        await audit.ReadAsync("CaseList", null, null, ct);
        return TypedResults.Ok(new PagedResult<CaseDto>(ids.Select(id => CaseDto.From(records[id])).ToList(), result.Total, result.Page, result.PageSize));
    }

    // The case in the route is loaded, checked and audited by .ForCase before these run (see CurrentCase): a missing or
    // out-of-scope case never reaches them. `Guid id` stays in the signatures for the OpenAPI document.

    private static Results<Ok<CaseDto>, NotFound> GetAsync(Guid id, CurrentCase current) => TypedResults.Ok(CaseDto.From(current.Context.Case));

    private static async Task<Results<Created<CaseDto>, ValidationProblem>> CreateAsync(
        CaseWriteRequest body, CreateCase create, HttpContext http, CancellationToken ct)
    {
        var who = http.User.ToStaffContext();
        var unreadable = new List<FieldError>();
        var details = body.Parse(unreadable, who.TeamId);
        var referred = Api.ParseDate(body.ReferredToServiceOn, nameof(body.ReferredToServiceOn), unreadable);
        return await create.HandleAsync(who, details, referred, unreadable, ct) switch
        {
            Outcome<CaseRecord>.Done d => TypedResults.Created($"/api/v1/cases/{d.Value.Id}", CaseDto.From(d.Value)),
            Outcome<CaseRecord>.Invalid i => TypedResults.ValidationProblem(i.Errors.ToProblemErrors()),
            var other => throw new InvalidOperationException($"Creating a case cannot answer {other.GetType().Name}."),
        };
    }

    private static async Task<Results<Ok<CaseDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CaseDto>>>> UpdateAsync(
        Guid id, CaseWriteRequest body, CurrentCase current, UpdateCase update, CancellationToken ct)
    {
        var c = current.Context.Case;
        var unreadable = new List<FieldError>();
        if (body.Version is null) unreadable.Add(new("Version", "Send the version of the case you are changing (from a GET)"));
        var details = body.Parse(unreadable, c.TeamId);
        // Left out means unchanged: the field is read-only, and a client may send back the case as it read it.
        var referred = body.ReferredToServiceOn is null ? c.ReferredToServiceOn : Api.ParseDate(body.ReferredToServiceOn, nameof(body.ReferredToServiceOn), unreadable);
        var outcome = await update.HandleAsync(current.Context, details, referred, body.Version ?? 0, unreadable, ct);
        return outcome.ToOk(CaseDto.From, "case", x => x.Version);
    }
}
