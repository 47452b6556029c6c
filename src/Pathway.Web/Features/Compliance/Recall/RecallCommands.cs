using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Access;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Licences;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using DomainRecallType = Pathway.Domain.Licences.RecallType;

namespace Pathway.Web.Features.Compliance.Recall;

public sealed record CircumstancesInput(
    RecallConcern? Concern, string? Circumstances, string? RiskSummary, bool RecalledBecauseOfCharge, bool Schedule19AAOffence,
    bool TerroristOffence, IReadOnlyList<string> Conditions, bool ChargedWithSeriousOffence = false);

public sealed record AlternativeInput(AlternativeToRecall Alternative, AlternativeOutcome Outcome, string? Details);

public sealed record AlternativesInput(IReadOnlyList<AlternativeInput> Tried, string? NoAlternativesReason, IReadOnlyList<AlternativeToRecall> InContingencyPlan);

public sealed record DecisionInput(RecallDecisionKind? Decision, string? Rationale);

public enum RecallOutcome
{
    Done,
    Invalid,
    /// <summary>Someone else saved a newer version first; nothing was saved.</summary>
    Conflict,
}

public sealed record RecallResult(RecallOutcome Outcome, IReadOnlyList<FieldError> Errors)
{
    public static readonly RecallResult Done = new(RecallOutcome.Done, []);
    public static RecallResult Invalid(IReadOnlyList<FieldError> errors) => new(RecallOutcome.Invalid, errors);
    public static RecallResult Invalid(string field, string message) => new(RecallOutcome.Invalid, [new(field, message)]);
    public static readonly RecallResult Conflict = new(RecallOutcome.Conflict,
        [new("Version", "Someone else changed this recall consideration while you were working on it. Nothing has been saved: check the latest version, then make your change again")]);
}

/// <summary>
/// The recall consideration's changes, shared by the pages and the API. Each checks the version the person read and
/// the workflow (<see cref="RecallWorkflow"/>), stages its audit row, and saves once: both commit or neither does.
/// </summary>
public sealed class RecallCommands(PathwayDbContext db, AuditLog audit, TimeProvider clock, Microsoft.Extensions.Options.IOptions<RecallOptions> options)
{
    public const int TextMax = 4000;
    public const int ReasonMax = 2000;
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The record with its conditions and alternatives, tracked for a change.</summary>
    public Task<RecallConsideration?> FindAsync(Guid caseId, Guid id, CancellationToken ct) =>
        Compliance.CaseRecordLookup.FindAsync(db.RecallConsiderations, audit, caseId, id, ct);

    /// <summary>
    /// Starts a consideration with why it is being considered, on the licence the person is on today. Refused unless they
    /// are on licence today: a recall revokes a licence, so there is nothing to recall from before release, after the
    /// licence ends (top-up supervision included) or while already recalled. One open consideration per case.
    /// </summary>
    public async Task<(RecallResult Result, RecallConsideration? Record)> StartAsync(CaseRecord c, Guid userId, RecallConcern? concern, CancellationToken ct)
    {
        if (concern is null) return (RecallResult.Invalid("Concern", "Say why recall is being considered: risk increased, contact stopped, or both"), null);
        var standing = await RecallFacts.LicenceOnAsync(db, c.Id, Today, ct);
        if (standing.Status == LicenceStatus.NoLicenceRecorded)
            return (RecallResult.Invalid("Licence", "Record the person's licence before considering recall: breached conditions are chosen from it"), null);
        if (!standing.CanBeRecalled)
            return (RecallResult.Invalid("Licence", $"Recall is possible only while the person is on licence. {standing.Description}"), null);
        var licence = await db.Licences.AsNoTracking().FirstAsync(l => l.Id == standing.LicenceId, ct);
        var open = await db.RecallConsiderations.AsNoTracking().AnyAsync(r => r.CaseId == c.Id && r.Status != RecallConsiderationStatus.Decided, ct);
        if (open) return (RecallResult.Invalid("Status", "A recall consideration for this person is already open: continue that one"), null);
        var r = new RecallConsideration { CaseId = c.Id, LicenceId = licence.Id, Status = RecallConsiderationStatus.InProgress, Concern = concern, StartedById = userId, CreatedAt = clock.GetUtcNow() };
        db.RecallConsiderations.Add(r);
        audit.Add("recall.create", nameof(RecallConsideration), r.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return (RecallResult.Done, r);
    }

    public async Task<RecallResult> SaveCircumstancesAsync(CaseRecord c, RecallConsideration r, CircumstancesInput input, int? version, CancellationToken ct)
    {
        if (Guard(r, version) is { } refused) return refused;
        var errors = new List<FieldError>();
        if (input.Concern is null) errors.Add(new("Concern", "Say why recall is being considered: risk increased, contact stopped, or both"));
        Text(input.Circumstances, "Circumstances", "Describe what has happened", TextMax, errors);
        Text(input.RiskSummary, "RiskSummary", "Describe the current risk", TextMax, errors);
        var conditions = await CurrentLicenceConditions.LoadAsync(db, c.Id, Today, ct);
        var linked = conditions.Resolve(input.Conditions, "Conditions", errors);
        if (linked.Count == 0 && !errors.Any(e => e.Field == "Conditions")) errors.Add(new("Conditions", "Choose the licence conditions that were breached"));
        if (errors.Count > 0) return RecallResult.Invalid(errors);

        r.Concern = input.Concern;
        r.Circumstances = input.Circumstances!.Trim();
        r.RiskSummary = input.RiskSummary!.Trim();
        r.RecalledBecauseOfCharge = input.RecalledBecauseOfCharge;
        r.Schedule19AAOffence = input.Schedule19AAOffence;
        r.TerroristOffence = input.TerroristOffence;
        r.ChargedWithSeriousOffence = input.RecalledBecauseOfCharge && input.ChargedWithSeriousOffence;
        r.BreachedConditions.Clear();
        r.BreachedConditions.AddRange(linked);
        return await SaveAsync(c, r, version!.Value, "recall.update", "circumstances", ct);
    }

    public async Task<RecallResult> SaveAlternativesAsync(CaseRecord c, RecallConsideration r, AlternativesInput input, Guid? contingencyPlanId, int? version, CancellationToken ct)
    {
        if (Guard(r, version) is { } refused) return refused;
        var errors = new List<FieldError>();
        foreach (var dup in input.Tried.GroupBy(t => t.Alternative).Where(g => g.Count() > 1))
            errors.Add(new("Tried", $"{RecallText.Alternative(dup.Key)} is listed more than once"));
        foreach (var t in input.Tried.Where(t => (t.Details?.Trim().Length ?? 0) > ReasonMax))
            errors.Add(new("Tried", $"The details of {RecallText.Alternative(t.Alternative).ToLowerInvariant()} must be {ReasonMax} characters or fewer"));
        foreach (var t in input.Tried.Where(t => t.Alternative == AlternativeToRecall.Other && string.IsNullOrWhiteSpace(t.Details)))
            errors.Add(new("Tried", "Say what the other alternative was"));
        foreach (var t in input.Tried.Where(t => t.Alternative == AlternativeToRecall.None && string.IsNullOrWhiteSpace(t.Details)))
            errors.Add(new("Tried", "Say why no alternative to recall was tried"));
        errors.AddRange(RecallWorkflow.ValidateAlternatives(input.Tried.Select(t => t.Alternative).ToList()));
        if ((input.NoAlternativesReason?.Trim().Length ?? 0) > ReasonMax)
            errors.Add(new("NoAlternativesReason", $"The reason must be {ReasonMax} characters or fewer"));
        if (input.Tried.Count == 0 && string.IsNullOrWhiteSpace(input.NoAlternativesReason))
            errors.Add(new("Tried", "Record the alternatives to recall already tried, or say why none has been tried"));
        if (errors.Count > 0) return RecallResult.Invalid(errors);

        r.AlternativesTried.Clear();
        r.AlternativesTried.AddRange(input.Tried.Select(t => new RecallAlternativeTried
        {
            Alternative = t.Alternative, Outcome = t.Outcome, Details = string.IsNullOrWhiteSpace(t.Details) ? null : t.Details.Trim(),
        }));
        r.NoAlternativesReason = input.Tried.Count == 0 ? input.NoAlternativesReason!.Trim() : null;
        r.ContingencyAlternatives = RecallText.FormatList(input.InContingencyPlan);
        r.ContingencyPlanId = contingencyPlanId;
        return await SaveAsync(c, r, version!.Value, "recall.update", "alternatives", ct);
    }

    /// <summary>The psychologist's (or clinical lead's) advice.</summary>
    public async Task<RecallResult> SaveConsultationAsync(CaseRecord c, RecallConsideration r, StaffContext who, string? advice, int? version, CancellationToken ct)
    {
        if (!who.Roles.Overlaps(Pathway.Domain.Compliance.ComplianceRoles.RecallConsultants))
            return RecallResult.Invalid("Advice", "Only a psychologist or the clinical lead can record the psychologist's advice");
        if (Guard(r, version) is { } refused) return refused;
        var errors = new List<FieldError>();
        Text(advice, "Advice", "Enter your advice on the recall decision", TextMax, errors);
        if (errors.Count > 0) return RecallResult.Invalid(errors);
        r.ConsultationAdvice = advice!.Trim();
        r.ConsultedById = who.UserId;
        r.ConsultedAt = clock.GetUtcNow();
        r.ConsultationNotPossibleReason = null;
        return await SaveAsync(c, r, version!.Value, "recall.consult", "advice", ct);
    }

    /// <summary>Why the consultation could not happen in time (the officer records this; advice given later replaces it).</summary>
    public async Task<RecallResult> SaveConsultationNotPossibleAsync(CaseRecord c, RecallConsideration r, string? reason, int? version, CancellationToken ct)
    {
        if (Guard(r, version) is { } refused) return refused;
        if (!string.IsNullOrWhiteSpace(r.ConsultationAdvice))
            return RecallResult.Invalid("Reason", "The psychologist's advice is already recorded");
        var errors = new List<FieldError>();
        Text(reason, "Reason", "Say why the psychologist could not be consulted in time", ReasonMax, errors);
        if (errors.Count > 0) return RecallResult.Invalid(errors);
        r.ConsultationNotPossibleReason = reason!.Trim();
        return await SaveAsync(c, r, version!.Value, "recall.consult", "not-possible", ct);
    }

    public async Task<RecallResult> SubmitAsync(CaseRecord c, RecallConsideration r, RecallFacts facts, Guid userId, int? version, CancellationToken ct)
    {
        if (version is null) return RecallResult.Invalid("Version", "Send the version of the recall consideration you read");
        var errors = RecallWorkflow.CanSubmitForDecision(facts.WorkflowFacts(r));
        if (errors.Count > 0) return RecallResult.Invalid(errors);
        if (version != r.Version) return RecallResult.Conflict;
        r.Status = RecallConsiderationStatus.AwaitingDecision;
        r.SubmittedAt = clock.GetUtcNow();
        r.SubmittedById = userId;
        return await SaveAsync(c, r, version.Value, "recall.submit", null, ct);
    }

    public async Task<RecallResult> DecideAsync(CaseRecord c, RecallConsideration r, RecallFacts facts, StaffContext who, DecisionInput input, int? version, CancellationToken ct)
    {
        if (version is null) return RecallResult.Invalid("Version", "Send the version of the recall consideration you read");
        var rationale = input.Rationale?.Trim();
        var errors = RecallWorkflow.ValidateDecision(facts.WorkflowFacts(r, rationale), who.Roles, input.Decision, facts.Regime).ToList();
        if ((rationale?.Length ?? 0) > TextMax) errors.Add(new("OversightRationale", $"The rationale must be {TextMax} characters or fewer"));
        if (errors.Count > 0) return RecallResult.Invalid(errors);
        if (version != r.Version) return RecallResult.Conflict;
        r.OversightRationale = rationale;
        r.Decision = input.Decision;
        // The regime is kept with the decision: re-assessing later (new law, new facts) must never change what was decided.
        r.FixedTermAssessment = facts.Regime is { } regime ? RecallText.Describe(regime) : null;
        r.RegimeVersionId = facts.Regime?.Regime.VersionId;
        r.RegimeAssessedOn = facts.Regime is null ? null : Today;
        r.RegimeRoute = facts.Regime?.Route;
        r.FixedTermDays = input.Decision == RecallDecisionKind.FixedTermRecall ? facts.Regime?.FixedTermDays : null;
        r.DecidedById = who.UserId;
        r.DecidedAt = clock.GetUtcNow();
        r.Status = RecallWorkflow.After(input.Decision!.Value, options.Value.SeniorManagerCountersignature);
        return await SaveAsync(c, r, version.Value, "recall.decide", Api.Name(input.Decision.Value), ct);
    }

    public async Task<RecallResult> CountersignAsync(CaseRecord c, RecallConsideration r, StaffContext who, int? version, CancellationToken ct)
    {
        if (version is null) return RecallResult.Invalid("Version", "Send the version of the recall consideration you read");
        var errors = RecallWorkflow.ValidateCountersignature(r.Status, r.DecidedById ?? Guid.Empty, who.UserId, who.Roles);
        if (errors.Count > 0) return RecallResult.Invalid(errors);
        if (version != r.Version) return RecallResult.Conflict;
        r.CountersignedById = who.UserId;
        r.CountersignedAt = clock.GetUtcNow();
        r.Status = RecallConsiderationStatus.Decided;
        return await SaveAsync(c, r, version.Value, "recall.countersign", null, ct);
    }

    /// <summary>
    /// Records the recall on the licence's recall history (the licence's own <see cref="Data.Entities.Recall"/>, not a
    /// second record) from a countersigned fixed-term or standard recall decision.
    /// </summary>
    public async Task<RecallResult> RecordRecallAsync(CaseRecord c, RecallConsideration r, DateOnly? recallDate, DateOnly? returnToCustody, int? version, CancellationToken ct)
    {
        if (version is null) return RecallResult.Invalid("Version", "Send the version of the recall consideration you read");
        if (r.Status != RecallConsiderationStatus.Decided || r.Decision is null or RecallDecisionKind.NoRecall)
            return RecallResult.Invalid("Status", "A recall can be recorded only from a countersigned fixed-term or standard recall decision");
        if (r.RecallId is not null) return RecallResult.Invalid("Status", "The recall from this decision is already recorded on the licence");
        var licence = await db.Licences.FirstAsync(l => l.Id == r.LicenceId, ct);
        var errors = LicenceRules.ValidateRecall(recallDate, returnToCustody, null, LicenceDetails.From(licence).Dates).ToList();
        if (recallDate > Today) errors.Add(new("RecallDate", "The recall date cannot be in the future"));
        if (errors.Count > 0) return RecallResult.Invalid(errors);
        if (version != r.Version) return RecallResult.Conflict;

        DomainRecallType type;
        if (r.Decision == RecallDecisionKind.StandardRecall) type = DomainRecallType.Standard;
        else if (FixedTermType(r.FixedTermDays) is { } fixedTerm) type = fixedTerm;
        else return RecallResult.Invalid("Status",
            "This fixed-term recall decision was recorded before Pathway kept the recall regime and its fixed term: record the recall, with its length, on the licence's recall history");
        var recall = new Data.Entities.Recall
        {
            LicenceId = licence.Id, CaseId = c.Id, RecallDate = recallDate!.Value, Type = type, ReturnToCustodyDate = returnToCustody,
            Reason = ReasonFor(r), CreatedAt = clock.GetUtcNow(),
        };
        db.Recalls.Add(recall);
        r.RecallId = recall.Id;
        audit.Add("recall.record", nameof(Data.Entities.Recall), recall.Id, c.Id, reason: $"consideration {r.Id}");
        return await SaveAsync(c, r, version.Value, null, null, ct);
    }

    /// <summary>
    /// Re-release after a recall: the recall gets its re-release date and a new licence period starts on that day, with
    /// the sentence and the additional conditions still in force carried over (the officer reviews them).
    /// </summary>
    public async Task<(RecallResult Result, Licence? NewLicence)> ReReleaseAsync(
        CaseRecord c, RecallConsideration r, DateOnly? reRelease, DateOnly? returnToCustody, int? version, CancellationToken ct)
    {
        if (version is null) return (RecallResult.Invalid("Version", "Send the version of the recall consideration you read"), null);
        if (r.RecallId is null) return (RecallResult.Invalid("Status", "Record the recall on the licence before a re-release"), null);
        var recall = await db.Recalls.FirstAsync(x => x.Id == r.RecallId, ct);
        if (recall.ReReleaseDate is not null) return (RecallResult.Invalid("Status", "The re-release from this recall is already recorded"), null);
        var old = await db.Licences.Include(l => l.AdditionalConditions).FirstAsync(l => l.Id == recall.LicenceId, ct);
        var rtc = returnToCustody ?? recall.ReturnToCustodyDate;
        var errors = LicenceRules.ValidateRecall(recall.RecallDate, rtc, reRelease, LicenceDetails.From(old).Dates).ToList();
        if (reRelease is null) errors.Add(new("ReReleaseDate", "Enter the re-release date"));
        else if (reRelease > Today) errors.Add(new("ReReleaseDate", "The re-release date cannot be in the future"));
        else if (reRelease >= (old.SentenceExpiryDate ?? old.LicenceExpiryDate))
            errors.Add(new("ReReleaseDate", "Re-release must be before the licence expiry date: after that there is no licence to serve"));
        if (errors.Count > 0) return (RecallResult.Invalid(errors), null);
        if (version != r.Version) return (RecallResult.Conflict, null);

        var now = clock.GetUtcNow();
        recall.ReturnToCustodyDate = rtc;
        recall.ReReleaseDate = reRelease;
        var licence = new Licence
        {
            CaseId = c.Id, SentenceType = old.SentenceType, SentenceLengthMonths = old.SentenceLengthMonths, IndexOffence = old.IndexOffence,
            ReleaseDate = reRelease!.Value, LicenceExpiryDate = old.LicenceExpiryDate, SentenceExpiryDate = old.SentenceExpiryDate,
            TopUpSupervisionEndDate = old.TopUpSupervisionEndDate, StandardConditionSetCode = old.StandardConditionSetCode, CreatedAt = now,
        };
        licence.AdditionalConditions.AddRange(old.AdditionalConditions.Where(a => a.RemovedAt is null)
            .Select(a => new AdditionalCondition { LicenceId = licence.Id, Category = a.Category, Text = a.Text, CreatedAt = now }));
        db.Licences.Add(licence);
        audit.Add("recall.re-release", nameof(Licence), licence.Id, c.Id, reason: $"recall {recall.Id}");
        return (await SaveAsync(c, r, version.Value, null, null, ct), licence);
    }

    private static DomainRecallType? FixedTermType(int? days) => days switch
    {
        14 => DomainRecallType.FixedTerm14Day,
        28 => DomainRecallType.FixedTerm28Day,
        56 => DomainRecallType.FixedTerm56Day,
        _ => null,
    };

    private static string ReasonFor(RecallConsideration r)
    {
        var why = r.Concern is { } concern ? RecallText.Concern(concern) : "Recall";
        var conditions = string.Join("; ", r.BreachedConditions.Select(b => b.Text));
        var text = $"{why}. Conditions breached: {conditions}";
        return text.Length <= Licences.Recalls.NewRecall.ReasonMaxLength ? text : text[..(Licences.Recalls.NewRecall.ReasonMaxLength - 1)] + "…";
    }

    /// <summary>A step may change only while the record is undecided, and only from the version the person read.</summary>
    private static RecallResult? Guard(RecallConsideration r, int? version)
    {
        if (version is null) return RecallResult.Invalid("Version", "Send the version of the recall consideration you read");
        if (r.Status is RecallConsiderationStatus.AwaitingCountersignature or RecallConsiderationStatus.Decided)
            return RecallResult.Invalid("Status", "A decision has been recorded; the record is read-only");
        return version != r.Version ? RecallResult.Conflict : null;
    }

    private static void Text(string? value, string field, string missing, int max, List<FieldError> errors)
    {
        var v = value?.Trim() ?? "";
        if (v.Length == 0) errors.Add(new(field, missing));
        else if (v.Length > max) errors.Add(new(field, $"This must be {max} characters or fewer"));
    }

    private async Task<RecallResult> SaveAsync(CaseRecord c, RecallConsideration r, int version, string? action, string? reason, CancellationToken ct)
    {
        var entry = db.Entry(r);
        entry.Property(x => x.Version).OriginalValue = version;
        // Owned rows alone would not mark the record modified, and the version must move on every change.
        entry.Property(x => x.UpdatedAt).IsModified = true;
        if (action is not null) audit.Add(action, nameof(RecallConsideration), r.Id, c.Id, reason: reason);
        try
        {
            await db.SaveChangesAsync(ct);
            return RecallResult.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return RecallResult.Conflict;
        }
    }
}
