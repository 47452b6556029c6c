using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Licences.Conditions;
using Pathway.Web.Features.Licences.Create;
using Pathway.Web.Features.Licences.Edit;
using Pathway.Web.Features.Licences.Recalls;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Licences;

/// <summary>A licence period in a list: key dates and how many conditions and recalls it has.</summary>
public sealed record LicenceSummaryDto(
    Guid Id, string SentenceType, int? SentenceLengthMonths, string? IndexOffence, string ReleaseDate, string LicenceExpiryDate,
    string? SentenceExpiryDate, string? TopUpSupervisionEndDate, string StandardConditionSetCode,
    int AdditionalConditionCount, int RecallCount, int Version)
{
    public static LicenceSummaryDto From(Licence l, int additionalConditions, int recalls) => new(
        l.Id, Api.Name(l.SentenceType), l.SentenceLengthMonths, l.IndexOffence, Api.Date(l.ReleaseDate), Api.Date(l.LicenceExpiryDate),
        OptionalDate(l.SentenceExpiryDate), OptionalDate(l.TopUpSupervisionEndDate), l.StandardConditionSetCode,
        additionalConditions, recalls, l.Version);

    internal static string? OptionalDate(DateOnly? d) => d is { } v ? Api.Date(v) : null;
}

public sealed record StandardConditionDto(int Number, string Text);

/// <summary>An additional condition. A removed one keeps its text and says when it was removed.</summary>
public sealed record AdditionalConditionDto(Guid Id, string Category, string Text, DateTimeOffset CreatedAt, DateTimeOffset? RemovedAt)
{
    public static AdditionalConditionDto From(AdditionalCondition c) => new(c.Id, Api.Name(c.Category), c.Text, c.CreatedAt, c.RemovedAt);
}

public sealed record RecallDto(Guid Id, string RecallDate, string Type, string Reason, string? ReturnToCustodyDate, string? ReReleaseDate, int Version)
{
    public static RecallDto From(Recall r) => new(
        r.Id, Api.Date(r.RecallDate), Api.Name(r.Type), r.Reason,
        LicenceSummaryDto.OptionalDate(r.ReturnToCustodyDate), LicenceSummaryDto.OptionalDate(r.ReReleaseDate), r.Version);
}

/// <summary>One licence period with its standard conditions, additional conditions and recall history.</summary>
public sealed record LicenceDto(
    Guid Id, Guid CaseId, string SentenceType, int? SentenceLengthMonths, string? IndexOffence, string ReleaseDate,
    string LicenceExpiryDate, string? SentenceExpiryDate, string? TopUpSupervisionEndDate, string StandardConditionSetCode,
    IReadOnlyList<StandardConditionDto> StandardConditions, IReadOnlyList<AdditionalConditionDto> AdditionalConditions,
    IReadOnlyList<RecallDto> Recalls, int Version)
{
    /// <summary>Needs the licence loaded <see cref="LicenceLookup.WithConditionsAndRecalls"/>.</summary>
    public static LicenceDto From(Licence l) => new(
        l.Id, l.CaseId, Api.Name(l.SentenceType), l.SentenceLengthMonths, l.IndexOffence, Api.Date(l.ReleaseDate),
        Api.Date(l.LicenceExpiryDate), LicenceSummaryDto.OptionalDate(l.SentenceExpiryDate),
        LicenceSummaryDto.OptionalDate(l.TopUpSupervisionEndDate), l.StandardConditionSetCode,
        (l.StandardConditionSet?.Items ?? []).OrderBy(i => i.Number).Select(i => new StandardConditionDto(i.Number, i.Text)).ToList(),
        l.AdditionalConditions.OrderBy(c => c.CreatedAt).Select(AdditionalConditionDto.From).ToList(),
        l.Recalls.OrderByDescending(r => r.RecallDate).Select(RecallDto.From).ToList(),
        l.Version);
}

/// <summary>
/// What a client sends to create or update a licence. Values arrive as text so that a wrong one is reported against
/// its field. Without a standard condition set, a new licence gets the newest set that could apply on its release date and an update keeps its set.
/// </summary>
public sealed record LicenceWriteRequest(
    string? SentenceType, int? SentenceLengthMonths, string? IndexOffence, string? ReleaseDate, string? LicenceExpiryDate,
    string? SentenceExpiryDate, string? TopUpSupervisionEndDate, string? StandardConditionSetCode, int? Version)
{
    public LicenceDetails Parse(List<FieldError> errors, string? defaultConditionSet) => new()
    {
        SentenceType = Api.ParseEnum<SentenceType>(SentenceType, nameof(SentenceType), errors),
        SentenceLengthMonths = SentenceLengthMonths,
        IndexOffence = IndexOffence,
        ReleaseDate = Api.ParseDate(ReleaseDate, nameof(ReleaseDate), errors),
        LicenceExpiryDate = Api.ParseDate(LicenceExpiryDate, nameof(LicenceExpiryDate), errors),
        SentenceExpiryDate = Api.ParseDate(SentenceExpiryDate, nameof(SentenceExpiryDate), errors),
        TopUpSupervisionEndDate = Api.ParseDate(TopUpSupervisionEndDate, nameof(TopUpSupervisionEndDate), errors),
        StandardConditionSetCode = string.IsNullOrWhiteSpace(StandardConditionSetCode) ? defaultConditionSet : StandardConditionSetCode.Trim(),
    };
}

public sealed record ConditionWriteRequest(string? Category, string? Text)
{
    public NewCondition Parse(List<FieldError> errors) =>
        new(Api.ParseEnum<AdditionalConditionCategory>(Category, nameof(Category), errors), Text);
}

public sealed record RecallWriteRequest(string? RecallDate, string? Type, string? Reason, string? ReturnToCustodyDate, string? ReReleaseDate)
{
    public NewRecall Parse(List<FieldError> errors) => new(
        Api.ParseDate(RecallDate, nameof(RecallDate), errors),
        Api.ParseEnum<RecallType>(Type, nameof(Type), errors),
        Reason,
        Api.ParseDate(ReturnToCustodyDate, nameof(ReturnToCustodyDate), errors),
        Api.ParseDate(ReReleaseDate, nameof(ReReleaseDate), errors));
}

public static class LicenceEndpoints
{
    public static RouteGroupBuilder MapLicenceEndpoints(this RouteGroupBuilder api)
    {
        var licences = api.MapGroup("/cases/{id:guid}/licences").WithTags("Licences");
        licences.MapGet("/", ListAsync).Audited(AuditActions.Licence.List).ForCase(AccessNeed.Read, "LicenceList")
            .WithSummary("List a case's licence periods, newest first");
        licences.MapGet("/{licenceId:guid}", GetAsync).Audited(AuditActions.Licence.Read).ForCase(AccessNeed.Read, "Licence", "licenceId")
            .WithSummary("Get one licence with its conditions and recalls");
        licences.MapPost("/", CreateAsync).Audited(AuditActions.Licence.Create).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Add a licence period to a case");
        licences.MapPut("/{licenceId:guid}", UpdateAsync).Audited(AuditActions.Licence.Update).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Change a licence's sentence and dates; send the version you read, or get 409 if someone else changed it");
        licences.MapPost("/{licenceId:guid}/conditions", AddConditionAsync).Audited(AuditActions.Licence.ConditionAdd).ForCase(AccessNeed.Edit)
            .RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Add an additional condition to a licence");
        licences.MapPost("/{licenceId:guid}/recalls", AddRecallAsync).Audited(AuditActions.Licence.RecallAdd).ForCase(AccessNeed.Edit)
            .RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Record a recall on a licence");
        return api;
    }

    // The case in the route is loaded, checked and audited by .ForCase before any of these run (see CurrentCase): a
    // missing or out-of-scope case never reaches them. `Guid id` stays in the signatures for the OpenAPI document.

    private static async Task<Results<Ok<IReadOnlyList<LicenceSummaryDto>>, NotFound>> ListAsync(
        Guid id, CurrentCase current, PathwayDbContext db, CancellationToken ct)
    {
        var rows = await LicenceListQuery.RunAsync(db, current.Context.Id, ct);
        return TypedResults.Ok<IReadOnlyList<LicenceSummaryDto>>(
            rows.Select(r => LicenceSummaryDto.From(r.Licence, r.AdditionalConditions, r.Recalls)).ToList());
    }

    private static async Task<Results<Ok<LicenceDto>, NotFound>> GetAsync(
        Guid id, Guid licenceId, CurrentCase current, PathwayDbContext db, AuditLog audit, CancellationToken ct)
    {
        var l = await LicenceLookup.FindAsync(db.Licences.AsNoTracking().WithConditionsAndRecalls(), audit, current.Context.Id, licenceId, ct);
        return l is null ? TypedResults.NotFound() : TypedResults.Ok(LicenceDto.From(l));
    }

    private static async Task<Results<Created<LicenceDto>, NotFound, ValidationProblem>> CreateAsync(
        Guid id, LicenceWriteRequest body, CurrentCase current, AddLicence add, TimeProvider clock, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var details = body.Parse(unreadable, null);
        // Left out, the set is the newest that could apply on the release date (the form always names one).
        if (details.StandardConditionSetCode is null)
            details = details with { StandardConditionSetCode = LicenceDetailsRules.NewestSet(details.ReleaseDate, Today(clock)) };
        return (await add.HandleAsync(current.Context, details, unreadable, ct))
            .ToCreated(x => $"/api/v1/cases/{x.CaseId}/licences/{x.Id}", LicenceDto.From);
    }

    private static async Task<Results<Ok<LicenceDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<LicenceDto>>>> UpdateAsync(
        Guid id, Guid licenceId, LicenceWriteRequest body, CurrentCase current, UpdateLicence update, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        if (body.Version is null) unreadable.Add(new("Version", "Send the version of the licence you are changing (from a GET)"));
        var outcome = await update.HandleAsync(current.Context, licenceId, body.Parse(unreadable, null), body.Version ?? 0, unreadable, ct, keepSetIfNone: true);
        return outcome.ToOk(LicenceDto.From, "licence", x => x.Version);
    }

    private static async Task<Results<Created<AdditionalConditionDto>, NotFound, ValidationProblem>> AddConditionAsync(
        Guid id, Guid licenceId, ConditionWriteRequest body, CurrentCase current, AddAdditionalCondition add, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var caseId = current.Context.Id;
        return (await add.HandleAsync(current.Context, licenceId, body.Parse(unreadable), unreadable, ct))
            .ToCreated(x => $"/api/v1/cases/{caseId}/licences/{x.LicenceId}", AdditionalConditionDto.From);
    }

    private static async Task<Results<Created<RecallDto>, NotFound, ValidationProblem>> AddRecallAsync(
        Guid id, Guid licenceId, RecallWriteRequest body, CurrentCase current, RecordRecallOnLicence record, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        return (await record.HandleAsync(current.Context, licenceId, body.Parse(unreadable), unreadable, ct))
            .ToCreated(x => $"/api/v1/cases/{x.CaseId}/licences/{x.LicenceId}", RecallDto.From);
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
