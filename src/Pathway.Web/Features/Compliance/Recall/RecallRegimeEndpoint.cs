using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Domain.Rules;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Cases;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Recall;

public sealed record RegimeVersionDto(string VersionId, string Name, string? EffectiveFrom, string? EffectiveTo, string SourceTitle, string Citation, bool Confirmed)
{
    public static RegimeVersionDto From(RuleSetVersion v) => new(
        v.VersionId, v.Name, v.EffectiveFrom is { } f ? Api.Date(f) : null,
        RecallRegimes.Register.LastDayOf(v) is { } t ? Api.Date(t) : null, v.Source.Title, v.Source.Citation, v.ConfirmedByClinicalLead);
}

public sealed record RegimeTestDto(string Test, bool Met, string Reason, string Citation);

/// <summary>A recall regime applied to the facts: which version, each test, and what follows a recall.</summary>
public sealed record RecallRegimeDto(
    RegimeVersionDto Regime, string Route, int? FixedTermDays, bool FixedTermAvailable, bool FixedTermRequired, IReadOnlyList<RegimeTestDto> Tests)
{
    public static RecallRegimeDto? From(RecallRegimeAssessment? a) => a is null ? null : new(
        RegimeVersionDto.From(a.Regime), Api.Name(a.Route), a.FixedTermDays, a.FixedTermAvailable, a.FixedTermRequired,
        a.Tests.Select(t => new RegimeTestDto(t.Test, t.Met, t.Reason, t.Citation)).ToList());
}

/// <summary>The regime as recorded with a decision, which later assessments never change.</summary>
public sealed record RecordedRegimeDto(RegimeVersionDto? Regime, string? AssessedOn, string? Route, int? FixedTermDays, string? Tests)
{
    public static RecordedRegimeDto? From(RecallConsideration r) => r.DecidedAt is null ? null : new(
        RecallText.RegimeOf(r.RegimeVersionId) is { } v ? RegimeVersionDto.From(v) : null, r.RegimeAssessedOn is { } d ? Api.Date(d) : null,
        r.RegimeRoute is { } route ? Api.Name(route) : null, r.FixedTermDays, r.FixedTermAssessment);
}

/// <summary>The person's licence standing on a day and the recall regime that applied then (null when none had begun).</summary>
public sealed record RecallRegimeOnDateDto(string On, string LicenceStatus, string LicenceDescription, bool CanBeRecalled, RecallRegimeDto? Assessment);

public static class RecallRegimeEndpoint
{
    public static RouteGroupBuilder MapRecallRegimeEndpoint(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/{id:guid}/recall-regime", GetAsync).WithTags("Recall").Audited(AuditActions.Recall.RegimeRead).ForCase(AccessNeed.Read, "RecallRegime")
            .WithSummary("The recall regime that applied on a day (default today) to the person's facts: its version and source, each test, what follows a recall, and the licence standing that day");
        return api;
    }

    private static async Task<Results<Ok<RecallRegimeOnDateDto>, NotFound, ValidationProblem>> GetAsync(
        Guid id, string? on, CurrentCase current, PathwayDbContext db, TimeProvider clock, CancellationToken ct)
    {
        // .ForCase has loaded, checked and audited the case before the day is read (an unreadable day on a case out of
        // scope is a 404, as every case route answers).
        var errors = new List<FieldError>();
        var day = string.IsNullOrWhiteSpace(on) ? ComplianceEndpoints.Today(clock) : Api.ParseDate(on, "On", errors);
        if (errors.Count > 0 || day is null) return TypedResults.ValidationProblem(errors.ToProblemErrors());
        var c = current.Context.Case;

        var standing = await RecallFacts.LicenceOnAsync(db, c.Id, day.Value, ct);
        var licence = standing.LicenceId is { } lid ? await db.Licences.AsNoTracking().FirstOrDefaultAsync(l => l.Id == lid, ct) : null;
        // The offence and charge facts live on the consideration being worked on; without one they are taken as not recorded.
        var open = await db.RecallConsiderations.AsNoTracking().Where(r => r.CaseId == c.Id && r.Status != RecallConsiderationStatus.Decided)
            .OrderByDescending(r => r.CreatedAt).FirstOrDefaultAsync(ct);
        var assessment = RecallRegimeAssessor.Assess(RecallFacts.RegimeFactsFor(c, licence, open, day.Value));
        return TypedResults.Ok(new RecallRegimeOnDateDto(
            Api.Date(day.Value), Api.Name(standing.Status), standing.Description, standing.CanBeRecalled, RecallRegimeDto.From(assessment)));
    }
}
