using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Cases;
using Pathway.Domain.Licences;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

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
        cases.MapGet("/", ListAsync).Audited("case.list").WithSummary("Search and list the cases you can see");
        cases.MapGet("/{id:guid}", GetAsync).Audited("case.read").WithSummary("Get one case");
        cases.MapPost("/", CreateAsync).Audited("case.create").RequireAuthorization(Policies.CaseEditor).WithSummary("Add a person on licence");
        cases.MapPut("/{id:guid}", UpdateAsync).Audited("case.update").RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Change a person's details; send the version you read, or get 409 if someone else changed it");
        return api;
    }

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

    private static async Task<Results<Ok<CaseDto>, NotFound>> GetAsync(Guid id, CaseAccess access, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct);
        return c is null ? TypedResults.NotFound() : TypedResults.Ok(CaseDto.From(c));
    }

    private static async Task<Results<Created<CaseDto>, ValidationProblem>> CreateAsync(
        CaseWriteRequest body, PathwayDbContext db, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var who = http.User.ToStaffContext();
        var errors = new List<FieldError>();
        var details = body.Parse(errors, who.TeamId);
        var referred = Api.ParseDate(body.ReferredToServiceOn, nameof(body.ReferredToServiceOn), errors);
        errors.AddRange(CaseWritePolicy.Check(who, new CaseVisibilityChange(null, details.TeamId, null, referred)));
        errors.AddRange(await CaseDetailsRules.ValidateAsync(details, db, null, Today(clock), ct));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        var record = new CaseRecord { Crn = "", GivenName = "", FamilyName = "", CreatedAt = clock.GetUtcNow() };
        CaseDetailsRules.Apply(details, record, who.UserId);
        db.Cases.Add(record);
        audit.Add(null, "Case", record.Id, record.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/cases/{record.Id}", CaseDto.From(record));
    }

    private static async Task<Results<Ok<CaseDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<CaseDto>>>> UpdateAsync(
        Guid id, CaseWriteRequest body, CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return TypedResults.NotFound();
        var who = http.User.ToStaffContext();
        var errors = new List<FieldError>();
        if (body.Version is null) errors.Add(new("Version", "Send the version of the case you are changing (from a GET)"));
        var details = body.Parse(errors, c.TeamId);
        // Left out means unchanged: the field is read-only, and a client may send back the case as it read it.
        var referred = body.ReferredToServiceOn is null ? c.ReferredToServiceOn : Api.ParseDate(body.ReferredToServiceOn, nameof(body.ReferredToServiceOn), errors);
        errors.AddRange(CaseWritePolicy.Check(who, new CaseVisibilityChange(c.TeamId, details.TeamId, c.ReferredToServiceOn, referred)));
        errors.AddRange(await CaseDetailsRules.ValidateAsync(details, db, c.Id, Today(clock), ct));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        if (body.Version != c.Version) return Conflict(c);

        CaseDetailsRules.Apply(details, c, who.UserId);
        db.Entry(c).Property(x => x.Version).OriginalValue = body.Version!.Value;
        audit.Add(null, "Case", c.Id, c.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Conflict(await db.Cases.AsNoTracking().FirstAsync(x => x.Id == id, ct));
        }
        return TypedResults.Ok(CaseDto.From(c));
    }

    private static Conflict<ConflictProblem<CaseDto>> Conflict(CaseRecord current) =>
        Api.Conflict("case", current.Version, CaseDto.From(current));

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

/// <summary>A 409 body: what the client needs to redo its change.</summary>
public sealed record ConflictProblem<T>(string Type, string Title, int Status, string Detail, int CurrentVersion, T Current);

/// <summary>Parsing helpers for API text fields; each failure names its field.</summary>
public static class Api
{
    /// <summary>The problem type that names an edit conflict in a 409 body.</summary>
    public const string EditConflictType = "https://pathway.example/problems/edit-conflict";

    /// <summary>
    /// The body of a 409 for a change sent with an older <c>version</c>: nothing was saved, and <paramref name="current"/>
    /// is the record as it now stands, to re-apply the change to. <paramref name="what"/> names it ("case", "licence").
    /// </summary>
    public static ConflictProblem<T> Stale<T>(string what, int currentVersion, T current) => new(
        EditConflictType, $"The {what} was changed by someone else", StatusCodes.Status409Conflict,
        $"You sent a change to an older version. The current version is {currentVersion}; nothing was saved. Re-apply your change to 'current' and send it with that version.",
        currentVersion, current);

    /// <summary>The 409 answer itself: <see cref="Stale{T}"/> as a typed result.</summary>
    public static Conflict<ConflictProblem<T>> Conflict<T>(string what, int currentVersion, T current) => TypedResults.Conflict(Stale(what, currentVersion, current));

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Name<T>(T value) where T : struct, Enum
    {
        var s = value.ToString();
        return char.ToLowerInvariant(s[0]) + s[1..];
    }

    public static DateOnly? ParseDate(string? s, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        if (DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add(new(field, $"'{Echo.Of(s)}' is not a date in the form yyyy-MM-dd"));
        return null;
    }

    public static T? ParseEnum<T>(string? s, string field, List<FieldError> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        if (Enum.TryParse<T>(s.Trim(), ignoreCase: true, out var v) && Enum.IsDefined(v) && !int.TryParse(s, out _)) return v;
        errors.Add(new(field, $"'{Echo.Of(s)}' is not allowed. Use one of: {string.Join(", ", Enum.GetValues<T>().Select(Name))}"));
        return null;
    }

    public static Guid? ParseGuid(string? s, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        if (Guid.TryParse(s.Trim(), out var g)) return g;
        errors.Add(new(field, $"'{Echo.Of(s)}' is not an id"));
        return null;
    }
}
