using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Risk;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Assessments.Ogrs3Page;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Assessments;

/// <summary>
/// OGRS3 inputs as a client sends them. <c>sex</c> is <c>male</c> or <c>female</c>; dates are <c>yyyy-MM-dd</c>;
/// <c>offenceCategory</c> is one of: violence, robbery, public-order, sexual-not-against-child, sexual-against-child,
/// soliciting-prostitution, burglary-domestic, burglary-other, theft-non-motor, handling-stolen-goods, fraud-and-forgery,
/// absconding-bail, taking-and-driving-away, theft-from-vehicles, drink-driving, other-motoring, criminal-damage,
/// drug-import-export-production, drug-possession-supply, other.
/// </summary>
public sealed record Ogrs3Request(
    string? Sex, string? DateOfBirth, string? ConvictionDate, string? FirstSanctionDate, int? PreviousSanctions,
    string? OffenceCategory, string? AssessmentDate)
{
    public Ogrs3Inputs Parse(List<FieldError> errors)
    {
        Ogrs3Sex? sex = null;
        if (!string.IsNullOrWhiteSpace(Sex))
        {
            if (Enum.TryParse<Ogrs3Sex>(Sex.Trim(), true, out var s) && Enum.IsDefined(s) && !int.TryParse(Sex, out _)) sex = s;
            else errors.Add(new(nameof(Sex), $"'{Echo.Of(Sex)}' is not allowed. Use male or female"));
        }
        Ogrs3OffenceCategory? category = null;
        if (!string.IsNullOrWhiteSpace(OffenceCategory))
        {
            if (Ogrs3.TryParseApiName(OffenceCategory, out var c)) category = c;
            else errors.Add(new(nameof(OffenceCategory), $"'{Echo.Of(OffenceCategory)}' is not an OGRS3 offence category. Use one of: {string.Join(", ", Enum.GetValues<Ogrs3OffenceCategory>().Select(Ogrs3.ApiName))}"));
        }
        return new Ogrs3Inputs(sex, Api.ParseDate(DateOfBirth, nameof(DateOfBirth), errors), Api.ParseDate(ConvictionDate, nameof(ConvictionDate), errors),
            Api.ParseDate(FirstSanctionDate, nameof(FirstSanctionDate), errors), PreviousSanctions, category, Api.ParseDate(AssessmentDate, nameof(AssessmentDate), errors));
    }

    /// <summary>Parses and validates; the errors of both steps, without repeating a field that failed to parse.</summary>
    public Ogrs3Inputs ParseAndValidate(List<FieldError> errors)
    {
        var inputs = Parse(errors);
        var parsed = errors.Select(e => e.Field).ToHashSet();
        errors.AddRange(Ogrs3.Validate(inputs).Where(e => !parsed.Contains(e.Field)));
        return inputs;
    }
}

/// <summary>The calculator's answer: probabilities as fractions at full precision, and the band on the two-year one.</summary>
public sealed record Ogrs3ResultDto(double OneYear, double TwoYear, string Band);

/// <summary>An OGRS3 calculation stored on a case, with the inputs it used.</summary>
public sealed record Ogrs3ScoreDto(
    Guid Id, Guid CaseId, string Sex, string DateOfBirth, string ConvictionDate, string FirstSanctionDate, int PreviousSanctions,
    string OffenceCategory, string AssessmentDate, double OneYear, double TwoYear, string Band, Guid CalculatedById, DateTimeOffset CalculatedAt)
{
    public static Ogrs3ScoreDto From(Ogrs3Score s) => new(
        s.Id, s.CaseId, Api.Name(s.Sex), Api.Date(s.DateOfBirth), Api.Date(s.ConvictionDate), Api.Date(s.FirstSanctionDate), s.PreviousSanctions,
        Ogrs3.ApiName(s.OffenceCategory), Api.Date(s.AssessmentDate), s.OneYear, s.TwoYear, Ogrs3.ApiName(s.Band), s.CalculatedById, s.CalculatedAt);
}

public static class Ogrs3Endpoints
{
    public static RouteGroupBuilder MapOgrs3Endpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/calculators/ogrs3", Calculate).WithTags("Calculators").Audited(AuditActions.Ogrs3.Calculate).RequireAuthorization(Policies.CaseData)
            .WithSummary("Calculate OGRS3 without saving it")
            .WithDescription("Offender Group Reconviction Scale 3 (DOMAIN.md section 5). Body: sex (male|female), dateOfBirth, convictionDate, " +
                "firstSanctionDate, assessmentDate (yyyy-MM-dd), previousSanctions (0 or more; capped at 50 in the formula) and offenceCategory, one of: " +
                string.Join(", ", Enum.GetValues<Ogrs3OffenceCategory>().Select(Ogrs3.ApiName)) +
                ". Answers oneYear and twoYear as fractions at full precision and band (low, medium, high, very-high) on the two-year figure. " +
                "Impossible inputs are 400 with a message per field.");
        var scores = api.MapGroup("/cases/{id:guid}/ogrs3").WithTags("Assessments");
        scores.MapGet("/", ListAsync).Audited(AuditActions.Ogrs3.List).ForCase(AccessNeed.Read, "Ogrs3List").WithSummary("List a case's OGRS3 calculations with their inputs, newest first");
        scores.MapPost("/", CreateAsync).Audited(AuditActions.Ogrs3.Create).ForCase(AccessNeed.Edit).RequireAuthorization(Policies.CaseEditor)
            .WithSummary("Calculate OGRS3 for a case and store it with its inputs (same body as the calculator)");
        return api;
    }

    private static async Task<Results<Ok<Ogrs3ResultDto>, ValidationProblem>> Calculate(Ogrs3Request body, AuditLog audit, CancellationToken ct)
    {
        // The audit row records that the calculator was used, not the inputs: they are personal data with no case to file them under.
        await audit.WriteAsync(null, "Ogrs3Calculator", null, null, ct: ct);
        var errors = new List<FieldError>();
        var inputs = body.ParseAndValidate(errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        var r = Ogrs3.Calculate(inputs);
        return TypedResults.Ok(new Ogrs3ResultDto(r.OneYear, r.TwoYear, Ogrs3.ApiName(r.Band)));
    }

    private static async Task<Results<Ok<IReadOnlyList<Ogrs3ScoreDto>>, NotFound>> ListAsync(Guid id, CurrentCase current, PathwayDbContext db, CancellationToken ct)
    {
        var caseId = current.Context.Id;
        var rows = await db.Ogrs3Scores.AsNoTracking().Where(s => s.CaseId == caseId).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<Ogrs3ScoreDto>>(rows.OrderByDescending(s => s.CalculatedAt).Select(Ogrs3ScoreDto.From).ToList());
    }

    private static async Task<Results<Created<Ogrs3ScoreDto>, NotFound, ValidationProblem>> CreateAsync(
        Guid id, Ogrs3Request body, CurrentCase current, RecordOgrs3Score record, CancellationToken ct)
    {
        var unreadable = new List<FieldError>();
        var inputs = body.Parse(unreadable);
        return (await record.HandleAsync(current.Context, inputs, unreadable, ct)).ToCreated(s => $"/api/v1/cases/{s.CaseId}/ogrs3", Ogrs3ScoreDto.From);
    }
}
