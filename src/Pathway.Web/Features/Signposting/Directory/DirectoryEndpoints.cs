using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Auditing;
using Pathway.Domain.Cases;
using Pathway.Domain.Licences;
using Pathway.Domain.Signposting;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Signposting.Directory;

public sealed record DirectoryOrganisationDto(Guid Id, string Name, string Sector, string? Website, Guid? PartnerTeamId, int Version)
{
    public static DirectoryOrganisationDto From(DirectoryOrganisation o) => new(o.Id, o.Name, Api.Name(o.Sector), o.Website, o.PartnerTeamId, o.Version);
}

public sealed record DirectoryServiceDto(
    Guid Id, Guid OrganisationId, string OrganisationName, string Name, string? Description, IReadOnlyList<string> NeedsMet,
    IReadOnlyList<string> Genders, int? MinimumAge, int? MaximumAge, IReadOnlyList<string> AreasServed, IReadOnlyList<string> AreasExcluded,
    string? RoshCeiling, IReadOnlyList<string> Exclusions, bool RequiresGpRegistration, string? OtherEligibility,
    string ReferralRoute, string? Contact, int? WaitingWeeks, bool OpenToReferrals, string? LastVerifiedOn, bool VerificationDue, int Version)
{
    public static DirectoryServiceDto From(DirectoryService s, DateOnly today) => new(
        s.Id, s.OrganisationId, s.Organisation?.Name ?? "", s.Name, s.Description, s.NeedsMet.Select(Api.Name).ToList(),
        s.Genders.Select(Api.Name).ToList(), s.MinimumAge, s.MaximumAge, s.AreasServed, s.AreasExcluded,
        s.RoshCeiling is { } r ? Api.Name(r) : null, RiskFlags.Split(s.Exclusions).Select(RiskFlags.ApiName).ToList(),
        s.RequiresGpRegistration, s.OtherEligibility, s.ReferralRoute, s.Contact, s.WaitingWeeks, s.OpenToReferrals,
        s.LastVerifiedOn is { } v ? Api.Date(v) : null, DirectoryVerification.IsStale(s.LastVerifiedOn, today), s.Version);
}

/// <summary>
/// A directory service to add or change. Lists hold API names (<c>accommodation</c>, <c>female</c>, <c>arson</c>);
/// <c>roshCeiling</c> null means no limit; <c>openToReferrals</c> defaults to true. Send <c>version</c> when changing.
/// </summary>
public sealed record DirectoryServiceWriteRequest(
    Guid? OrganisationId, string? Name, string? Description, IReadOnlyList<string>? NeedsMet, IReadOnlyList<string>? Genders,
    int? MinimumAge, int? MaximumAge, IReadOnlyList<string>? AreasServed, IReadOnlyList<string>? AreasExcluded, string? RoshCeiling,
    IReadOnlyList<string>? Exclusions, bool? RequiresGpRegistration, string? OtherEligibility, string? ReferralRoute, string? Contact,
    int? WaitingWeeks, bool? OpenToReferrals, int? Version)
{
    public ServiceDetails Parse(List<FieldError> errors)
    {
        List<T> Enums<T>(IEnumerable<string>? values, string field) where T : struct, Enum =>
            (values ?? []).Select(v => Api.ParseEnum<T>(v, field, errors)).OfType<T>().ToList();
        var flags = new List<RiskFlag>();
        foreach (var f in Exclusions ?? [])
        {
            if (RiskFlags.TryParseApiName(f, out var flag)) flags.Add(flag);
            else errors.Add(new(nameof(Exclusions), $"'{Echo.Of(f)}' is not a risk flag. Use one of: {string.Join(", ", RiskFlags.All.Select(RiskFlags.ApiName))}"));
        }
        return new ServiceDetails(
            OrganisationId, Name, Description, Enums<NeedArea>(NeedsMet, nameof(NeedsMet)), Enums<Gender>(Genders, nameof(Genders)),
            MinimumAge, MaximumAge, AreasServed ?? [], AreasExcluded ?? [], Api.ParseEnum<RoshLevel>(RoshCeiling, nameof(RoshCeiling), errors),
            RiskFlags.Combine(flags), RequiresGpRegistration ?? false, OtherEligibility, ReferralRoute, Contact, WaitingWeeks, OpenToReferrals ?? true);
    }
}

public sealed record DirectoryOrganisationWriteRequest(string? Name, string? Sector, string? Website, Guid? PartnerTeamId, int? Version);

public sealed record VerifyRequest(int? Version);

/// <summary>The service directory over the API: the same rules, permissions and audit as the pages.</summary>
public static class DirectoryEndpoints
{
    public static RouteGroupBuilder MapDirectoryEndpoints(this RouteGroupBuilder api)
    {
        var dir = api.MapGroup("/directory").WithTags("Directory");
        const string NoPersonalData = "the directory of organisations and their services; no personal or case data";
        dir.MapGet("/organisations", ListOrganisationsAsync).RequireAuthorization(Policies.DirectoryReader)
            .WithMetadata(new NotAuditedAttribute(NoPersonalData)).WithSummary("List the directory's organisations");
        dir.MapPost("/organisations", CreateOrganisationAsync).RequireAuthorization(Policies.DirectoryEditor)
            .Audited(AuditActions.Directory.OrganisationUpdate).WithSummary("Add an organisation");
        dir.MapPut("/organisations/{organisationId:guid}", UpdateOrganisationAsync).RequireAuthorization(Policies.DirectoryEditor)
            .Audited(AuditActions.Directory.OrganisationUpdate).WithSummary("Change an organisation; send the version you read, or get 409");
        dir.MapGet("/services", ListServicesAsync).RequireAuthorization(Policies.DirectoryReader)
            .WithMetadata(new NotAuditedAttribute(NoPersonalData)).WithSummary("List services, optionally for one need (?need=accommodation)");
        dir.MapGet("/services/{serviceId:guid}", GetServiceAsync).RequireAuthorization(Policies.DirectoryReader)
            .WithMetadata(new NotAuditedAttribute(NoPersonalData)).WithSummary("Get one service with its eligibility rules");
        dir.MapPost("/services", CreateServiceAsync).RequireAuthorization(Policies.DirectoryEditor)
            .Audited(AuditActions.Directory.ServiceUpdate).WithSummary("Add a service; contradictory eligibility rules are refused");
        dir.MapPut("/services/{serviceId:guid}", UpdateServiceAsync).RequireAuthorization(Policies.DirectoryEditor)
            .Audited(AuditActions.Directory.ServiceUpdate).WithSummary("Change a service; send the version you read, or get 409");
        dir.MapPost("/services/{serviceId:guid}/verify", VerifyServiceAsync).RequireAuthorization(Policies.DirectoryEditor)
            .Audited(AuditActions.Directory.ServiceVerify).WithSummary("Record that the entry was checked with the service today");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<DirectoryOrganisationDto>>> ListOrganisationsAsync(PathwayDbContext db, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<DirectoryOrganisationDto>>((await db.DirectoryOrganisations.AsNoTracking().ToListAsync(ct))
            .OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).Select(DirectoryOrganisationDto.From).ToList());

    private static async Task<Results<Ok<IReadOnlyList<DirectoryServiceDto>>, ValidationProblem>> ListServicesAsync(
        string? need, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var area = Api.ParseEnum<NeedArea>(need, "need", errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        var services = await DirectoryQueries.WithOrganisation(db.DirectoryServices.AsNoTracking()).ToListAsync(ct);
        var today = Today(clock);
        return TypedResults.Ok<IReadOnlyList<DirectoryServiceDto>>(services
            .Where(s => area is null || s.NeedsMet.Contains(area.Value))
            .OrderBy(s => s.Organisation!.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .Select(s => DirectoryServiceDto.From(s, today)).ToList());
    }

    private static async Task<Results<Ok<DirectoryServiceDto>, NotFound>> GetServiceAsync(Guid serviceId, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var s = await DirectoryQueries.WithOrganisation(db.DirectoryServices.AsNoTracking()).FirstOrDefaultAsync(x => x.Id == serviceId, ct);
        return s is null ? TypedResults.NotFound() : TypedResults.Ok(DirectoryServiceDto.From(s, Today(clock)));
    }

    private static async Task<Results<Created<DirectoryServiceDto>, ValidationProblem>> CreateServiceAsync(
        DirectoryServiceWriteRequest body, SaveDirectoryService save, TimeProvider clock, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var outcome = await save.HandleAsync(null, body.Parse(unreadable), null, unreadable, ct);
        return Created(outcome, s => $"/api/v1/directory/services/{s.Id}", s => DirectoryServiceDto.From(s, Today(clock)));
    }

    private static async Task<Results<Ok<DirectoryServiceDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<DirectoryServiceDto>>>> UpdateServiceAsync(
        Guid serviceId, DirectoryServiceWriteRequest body, SaveDirectoryService save, TimeProvider clock, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        return (await save.HandleAsync(serviceId, body.Parse(unreadable), body.Version, unreadable, ct))
            .ToOk(s => DirectoryServiceDto.From(s, Today(clock)), "service", s => s.Version);
    }

    private static async Task<Results<Ok<DirectoryServiceDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<DirectoryServiceDto>>>> VerifyServiceAsync(
        Guid serviceId, VerifyRequest body, VerifyDirectoryService verify, TimeProvider clock, CancellationToken ct) =>
        (await verify.HandleAsync(serviceId, body.Version, ct)).ToOk(s => DirectoryServiceDto.From(s, Today(clock)), "service", s => s.Version);

    private static async Task<Results<Created<DirectoryOrganisationDto>, ValidationProblem>> CreateOrganisationAsync(
        DirectoryOrganisationWriteRequest body, SaveDirectoryOrganisation save, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var outcome = await save.HandleAsync(null, ParseOrganisation(body, unreadable), null, unreadable, ct);
        return Created(outcome, o => $"/api/v1/directory/organisations/{o.Id}", DirectoryOrganisationDto.From);
    }

    private static async Task<Results<Ok<DirectoryOrganisationDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<DirectoryOrganisationDto>>>> UpdateOrganisationAsync(
        Guid organisationId, DirectoryOrganisationWriteRequest body, SaveDirectoryOrganisation save, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        return (await save.HandleAsync(organisationId, ParseOrganisation(body, unreadable), body.Version, unreadable, ct))
            .ToOk(DirectoryOrganisationDto.From, "organisation", o => o.Version);
    }

    private static OrganisationDetails ParseOrganisation(DirectoryOrganisationWriteRequest body, List<FieldError> errors) =>
        new(body.Name, Api.ParseEnum<Sector>(body.Sector, nameof(body.Sector), errors), body.Website, body.PartnerTeamId);

    // Adding to the directory is neither about a case nor a record that may be missing: only created or invalid.
    private static Results<Created<TDto>, ValidationProblem> Created<T, TDto>(Outcome<T> outcome, Func<T, string> location, Func<T, TDto> map) =>
        outcome switch
        {
            Outcome<T>.Done d => TypedResults.Created(location(d.Value), map(d.Value)),
            Outcome<T>.Invalid i => TypedResults.ValidationProblem(i.Errors.ToProblemErrors()),
            _ => throw new InvalidOperationException($"Adding to the directory cannot answer {outcome.GetType().Name}."),
        };

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
