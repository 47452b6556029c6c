using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Instruments;
using Pathway.Domain.Access;
using Pathway.Domain.Instruments;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.Screening;

/// <summary>
/// The screening use cases shared by the pages and the API: start a draft, save answers, complete. Each stages its
/// change; the caller adds the audit row and saves once.
/// </summary>
public static class ScreeningResponses
{
    /// <summary>Psychologists and the clinical lead record screening; other readers of the case see results.</summary>
    public static bool MayRecord(StaffContext who) => who.IsInAny(RoleSets.Clinicians);

    public static ResponseAnswers AnswersOf(InstrumentResponse r) => new(
        JsonSerializer.Deserialize<Dictionary<string, string>>(r.AnswersJson) ?? [],
        JsonSerializer.Deserialize<Dictionary<string, bool>>(r.GateAnswersJson) ?? [],
        r.Override, r.OverrideReason,
        r.ReasonsJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(r.ReasonsJson));

    public static InstrumentResult? ResultOf(InstrumentResponse r) =>
        r.ResultJson is null ? null : JsonSerializer.Deserialize<InstrumentResult>(r.ResultJson, InstrumentJson.Options);

    public static InstrumentDefinition DefinitionOf(InstrumentResponse r) => InstrumentCatalogue.Definition(r.Definition!);

    public static async Task<CaseFacts> FactsAsync(PathwayDbContext db, CaseRecord c, CancellationToken ct)
    {
        // Everyone on licence served a custodial sentence; without a licence on record the case does not say.
        var onLicence = await db.Licences.AnyAsync(l => l.CaseId == c.Id, ct);
        return new CaseFacts(c.Gender, c.RoshLevel, c.MappaCategory, onLicence ? true : null);
    }

    /// <summary>
    /// The newest version of each instrument that applies to this case, with its gates prefilled from the case. A
    /// guidance-only newest version (the women's OPD screen until the clinical lead configures it) is not offered for
    /// scoring; <see cref="GuidanceAsync"/> lists it instead.
    /// </summary>
    public static async Task<List<(InstrumentDefinitionRecord Record, InstrumentDefinition Definition)>> OfferedAsync(
        PathwayDbContext db, CaseRecord c, CancellationToken ct) =>
        (await ApplicableAsync(db, c, ct)).Where(x => !x.Definition.GuidanceOnly).ToList();

    /// <summary>Guidance-only instruments that would apply to this case: shown as criteria, never scored.</summary>
    public static async Task<List<InstrumentDefinition>> GuidanceAsync(PathwayDbContext db, CaseRecord c, CancellationToken ct) =>
        (await ApplicableAsync(db, c, ct)).Where(x => x.Definition.GuidanceOnly).Select(x => x.Definition).ToList();

    private static async Task<List<(InstrumentDefinitionRecord Record, InstrumentDefinition Definition)>> ApplicableAsync(
        PathwayDbContext db, CaseRecord c, CancellationToken ct)
    {
        var facts = await FactsAsync(db, c, ct);
        return (await InstrumentCatalogue.LatestAsync(db, ct))
            .Select(r => (r, InstrumentCatalogue.Definition(r)))
            .Where(x => InstrumentEngine.IsOffered(x.Item2, facts))
            .ToList();
    }

    /// <summary>
    /// The refusal to complete a draft whose version was withdrawn from scoring: a later version of the same instrument
    /// is guidance only (the women's OPD screen's version 2 withdrew version 1, which copied the men's items). It stays
    /// withdrawn even after a scored version is configured, so nothing is ever scored on it again; completed screenings
    /// keep their result.
    /// </summary>
    public static async Task<FieldError?> WithdrawnAsync(PathwayDbContext db, InstrumentResponse r, CancellationToken ct)
    {
        var later = await db.InstrumentDefinitions.AsNoTracking()
            .Where(d => d.Key == r.InstrumentKey && d.Version > r.DefinitionVersion && d.Status == DefinitionStatus.Published).ToListAsync(ct);
        var withdrawnBy = later.Select(InstrumentCatalogue.Definition).Where(d => d.GuidanceOnly).MinBy(d => d.Version);
        return withdrawnBy is null ? null : new FieldError("InstrumentKey",
            $"Version {r.DefinitionVersion} of {withdrawnBy.Title} was withdrawn from scoring by version {withdrawnBy.Version}, which is guidance only: this draft cannot be completed. Its answers stay on the record; start a new screening once the clinical lead has configured a scored version.");
    }

    public static Task<InstrumentResponse?> FindAsync(IQueryable<InstrumentResponse> source, Guid caseId, Guid responseId, CancellationToken ct) =>
        source.Include(r => r.Definition).FirstOrDefaultAsync(r => r.Id == responseId && r.CaseId == caseId, ct);

    /// <summary>Starts a draft of the newest version of an instrument that applies to the case.</summary>
    public static async Task<(InstrumentResponse? Response, FieldError? Error)> StartAsync(
        PathwayDbContext db, CaseRecord c, string? instrumentKey, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(instrumentKey)) return (null, new("InstrumentKey", "Choose an instrument"));
        var applicable = await ApplicableAsync(db, c, ct);
        var offered = applicable.Where(x => !x.Definition.GuidanceOnly).ToList();
        var chosen = applicable.FirstOrDefault(o => o.Record.Key == instrumentKey.Trim());
        if (chosen.Definition is { GuidanceOnly: true }) return (null, new("InstrumentKey", InstrumentEngine.GuidanceOnlyMessage(chosen.Definition)));
        if (chosen.Record is null)
        {
            return (null, new("InstrumentKey", $"'{Echo.Of(instrumentKey)}' is not an instrument that applies to this case. Choose one of: {string.Join(", ", offered.Select(o => o.Record.Key))}"));
        }
        var facts = await FactsAsync(db, c, ct);
        var r = new InstrumentResponse
        {
            CaseId = c.Id, DefinitionId = chosen.Record.Id, InstrumentKey = chosen.Record.Key,
            DefinitionVersion = chosen.Record.Version, Status = ResponseStatus.Draft, StartedById = userId, StartedAt = now,
        };
        Store(r, new ResponseAnswers(new Dictionary<string, string>(), InstrumentEngine.PrefillGates(chosen.Definition, facts)));
        db.InstrumentResponses.Add(r);
        return (r, null);
    }

    /// <summary>Saves a draft's answers. Nothing is stored if any answer is not one the definition allows.</summary>
    public static IReadOnlyList<FieldError> SaveDraft(InstrumentResponse r, ResponseAnswers answers)
    {
        if (r.Status == ResponseStatus.Completed) return [new("Status", "This response is completed; its answers can no longer change")];
        var errors = InstrumentEngine.CheckDraft(DefinitionOf(r), answers);
        if (errors.Count == 0) Store(r, answers);
        return errors;
    }

    /// <summary>
    /// Completes a response with these answers, or refuses naming each missing item. Nothing is stored on refusal. Refused
    /// too for a draft on a version withdrawn from scoring (<see cref="WithdrawnAsync"/>).
    /// </summary>
    public static async Task<IReadOnlyList<FieldError>> CompleteAsync(
        PathwayDbContext db, InstrumentResponse r, ResponseAnswers answers, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        if (r.Status == ResponseStatus.Completed) return [new("Status", "This response is already completed")];
        if (await WithdrawnAsync(db, r, ct) is { } withdrawn) return [withdrawn];
        var completion = InstrumentEngine.Complete(DefinitionOf(r), answers);
        if (!completion.Succeeded) return completion.Errors;
        Store(r, answers);
        r.Status = ResponseStatus.Completed;
        r.ResultJson = JsonSerializer.Serialize(completion.Result, InstrumentJson.Options);
        r.Outcome = completion.Result!.Outcome.ToString();
        r.CompletedById = userId;
        r.CompletedAt = now;
        return [];
    }

    private static void Store(InstrumentResponse r, ResponseAnswers a)
    {
        r.AnswersJson = JsonSerializer.Serialize(a.Answers);
        r.GateAnswersJson = JsonSerializer.Serialize(a.Gates);
        r.Override = a.Override;
        r.OverrideReason = a.Override && !string.IsNullOrWhiteSpace(a.OverrideReason) ? a.OverrideReason.Trim() : null;
        var reasons = a.ReasonList.Where(x => !string.IsNullOrWhiteSpace(x.Value)).ToDictionary(x => x.Key, x => x.Value.Trim(), StringComparer.Ordinal);
        r.ReasonsJson = reasons.Count > 0 ? JsonSerializer.Serialize(reasons) : null;
    }

    public static string OutcomeText(string? outcome) => outcome switch
    {
        nameof(InstrumentOutcome.ScreenedIn) => "Screened in",
        nameof(InstrumentOutcome.ScreenedOut) => "Screened out",
        nameof(InstrumentOutcome.RequirementNotMet) => "Not screened in",
        nameof(InstrumentOutcome.NotApplicable) => "Not applicable",
        nameof(InstrumentOutcome.Scored) => "Scored",
        nameof(InstrumentOutcome.RatingsRecorded) => "Ratings recorded",
        null => "Draft",
        _ => outcome,
    };
}
