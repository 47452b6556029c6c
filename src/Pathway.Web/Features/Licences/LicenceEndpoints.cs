using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Licences.Conditions;
using Pathway.Web.Features.Licences.Recalls;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;

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
        licences.MapGet("/", ListAsync).Audited("licence.list").WithSummary("List a case's licence periods, newest first");
        licences.MapGet("/{licenceId:guid}", GetAsync).Audited("licence.read").WithSummary("Get one licence with its conditions and recalls");
        licences.MapPost("/", CreateAsync).Audited("licence.create").RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Add a licence period to a case");
        licences.MapPut("/{licenceId:guid}", UpdateAsync).Audited("licence.update").RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Change a licence's sentence and dates; send the version you read, or get 409 if someone else changed it");
        licences.MapPost("/{licenceId:guid}/conditions", AddConditionAsync).Audited("licence.condition.add").RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Add an additional condition to a licence");
        licences.MapPost("/{licenceId:guid}/recalls", AddRecallAsync).Audited("licence.recall.add").RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Record a recall on a licence");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<LicenceSummaryDto>>, NotFound>> ListAsync(
        Guid id, CaseAccess access, PathwayDbContext db, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "LicenceList");
        if (c is null) return TypedResults.NotFound();
        var rows = await LicenceListQuery.RunAsync(db, id, ct);
        return TypedResults.Ok<IReadOnlyList<LicenceSummaryDto>>(
            rows.Select(r => LicenceSummaryDto.From(r.Licence, r.AdditionalConditions, r.Recalls)).ToList());
    }

    private static async Task<Results<Ok<LicenceDto>, NotFound>> GetAsync(
        Guid id, Guid licenceId, CaseAccess access, PathwayDbContext db, AuditLog audit, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Read, ct, "Licence", licenceId);
        if (c is null) return TypedResults.NotFound();
        var l = await LicenceLookup.FindAsync(db.Licences.AsNoTracking().WithConditionsAndRecalls(), audit, id, licenceId, ct);
        return l is null ? TypedResults.NotFound() : TypedResults.Ok(LicenceDto.From(l));
    }

    private static async Task<Results<Created<LicenceDto>, NotFound, ValidationProblem>> CreateAsync(
        Guid id, LicenceWriteRequest body, CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return TypedResults.NotFound();
        var errors = new List<FieldError>();
        var details = body.Parse(errors, null);
        if (details.StandardConditionSetCode is null)
            details = details with { StandardConditionSetCode = LicenceDetailsRules.NewestSet(details.ReleaseDate, Today(clock)) };
        errors.AddRange(await LicenceDetailsRules.ValidateAsync(details, c.DateOfBirth, db, errors.Fields(), ct));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());

        var licence = new Licence { CaseId = c.Id, StandardConditionSetCode = "", CreatedAt = clock.GetUtcNow() };
        LicenceDetailsRules.Apply(details, licence);
        db.Licences.Add(licence);
        audit.Add(null, "Licence", licence.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/cases/{c.Id}/licences/{licence.Id}", LicenceDto.From(await ReadAsync(db, licence.Id, ct)));
    }

    private static async Task<Results<Ok<LicenceDto>, NotFound, ValidationProblem, Conflict<ConflictProblem<LicenceDto>>>> UpdateAsync(
        Guid id, Guid licenceId, LicenceWriteRequest body, CaseAccess access, PathwayDbContext db, AuditLog audit, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return TypedResults.NotFound();
        var l = await LicenceLookup.FindAsync(db.Licences, audit, id, licenceId, ct);
        if (l is null) return TypedResults.NotFound();
        var errors = new List<FieldError>();
        if (body.Version is null) errors.Add(new("Version", "Send the version of the licence you are changing (from a GET)"));
        var details = body.Parse(errors, l.StandardConditionSetCode);
        errors.AddRange(await LicenceDetailsRules.ValidateAsync(details, c.DateOfBirth, db, errors.Fields(), ct, l.StandardConditionSetCode));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        if (body.Version != l.Version) return Conflict(await ReadAsync(db, licenceId, ct));

        LicenceDetailsRules.Apply(details, l);
        db.Entry(l).Property(x => x.Version).OriginalValue = body.Version!.Value;
        audit.Add(null, "Licence", l.Id, c.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Conflict(await ReadAsync(db, licenceId, ct));
        }
        return TypedResults.Ok(LicenceDto.From(await ReadAsync(db, licenceId, ct)));
    }

    private static async Task<Results<Created<AdditionalConditionDto>, NotFound, ValidationProblem>> AddConditionAsync(
        Guid id, Guid licenceId, ConditionWriteRequest body, CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return TypedResults.NotFound();
        var l = await LicenceLookup.FindAsync(db.Licences, audit, id, licenceId, ct);
        if (l is null) return TypedResults.NotFound();
        var errors = new List<FieldError>();
        var condition = body.Parse(errors);
        errors.AddRange(condition.Validate().Where(e => !errors.Fields().Contains(e.Field)));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());

        var added = condition.ToCondition(l.Id, clock.GetUtcNow());
        db.AdditionalConditions.Add(added);
        audit.Add(null, "AdditionalCondition", added.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/cases/{c.Id}/licences/{l.Id}", AdditionalConditionDto.From(added));
    }

    private static async Task<Results<Created<RecallDto>, NotFound, ValidationProblem>> AddRecallAsync(
        Guid id, Guid licenceId, RecallWriteRequest body, CaseAccess access, PathwayDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var c = await access.LoadAsync(id, AccessNeed.Edit, ct);
        if (c is null) return TypedResults.NotFound();
        var l = await LicenceLookup.FindAsync(db.Licences, audit, id, licenceId, ct);
        if (l is null) return TypedResults.NotFound();
        var errors = new List<FieldError>();
        var recall = body.Parse(errors);
        errors.AddRange(recall.Validate(l, errors.Fields()));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());

        var added = recall.ToRecall(l, clock.GetUtcNow());
        db.Recalls.Add(added);
        audit.Add(null, "Recall", added.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/cases/{c.Id}/licences/{l.Id}", RecallDto.From(added));
    }

    private static Conflict<ConflictProblem<LicenceDto>> Conflict(Licence current) =>
        Api.Conflict("licence", current.Version, LicenceDto.From(current));

    private static Task<Licence> ReadAsync(PathwayDbContext db, Guid licenceId, CancellationToken ct) =>
        db.Licences.AsNoTracking().WithConditionsAndRecalls().FirstAsync(l => l.Id == licenceId, ct);

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
