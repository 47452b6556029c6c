using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Compliance;

namespace Pathway.Web.Features.Compliance.Signals;

/// <summary>
/// Early-warning signals, computed on read from the rules in the database and the recorded facts. Nothing is stored, so
/// a changed rule or a corrected contact shows at once. Lists work in batches: one query finds the cases that have any
/// fact a rule could fire on, then facts are loaded a batch of cases at a time — never one query per case.
/// </summary>
public static class CaseSignals
{
    private const int BatchSize = 500;

    public static async Task<IReadOnlyList<SignalRule>> RulesAsync(PathwayDbContext db, CancellationToken ct)
    {
        var json = await db.EarlyWarningRules.AsNoTracking().Where(r => r.Id == EarlyWarningRules.SingletonId).Select(r => r.Json).FirstOrDefaultAsync(ct);
        if (json is null) return EarlyWarningRuleSet.Default;
        var (rules, errors) = EarlyWarningRuleSet.Parse(json);
        // Saved rules were validated; if someone changed the row behind the app's back, keep warning rather than go quiet.
        return errors.Count == 0 ? rules : EarlyWarningRuleSet.Default;
    }

    /// <summary>The first day any rule looks at.</summary>
    public static DateOnly LookbackStart(IReadOnlyList<SignalRule> rules, DateOnly today) =>
        today.AddDays(-7 * (rules.Count == 0 ? 1 : rules.Max(r => r.WithinWeeks)) + 1);

    public static async Task<IReadOnlyList<FiredRule>> ForCaseAsync(PathwayDbContext db, Guid caseId, DateOnly today, CancellationToken ct)
    {
        var rules = await RulesAsync(db, ct);
        var facts = await ComplianceFacts.LoadAsync(db, [caseId], LookbackStart(rules, today), today, ct);
        return EarlyWarning.Evaluate(rules, facts[caseId], today);
    }

    /// <summary>
    /// The cases among <paramref name="cases"/> with an unacceptable absence, a concern or a warning letter in the
    /// lookback period: every rule kind needs at least one of these to fire, so no other case can have a signal.
    /// </summary>
    public static IQueryable<CaseRecord> Candidates(PathwayDbContext db, IQueryable<CaseRecord> cases, DateOnly from, DateOnly today) =>
        cases.Where(c =>
            db.Contacts.Any(x => x.CaseId == c.Id && x.Outcome == ContactOutcome.UnacceptableAbsence && x.Date >= from && x.Date <= today)
            || db.BehavioursOfConcern.Any(x => x.CaseId == c.Id && x.Date >= from && x.Date <= today)
            || db.WarningLetters.Any(x => x.CaseId == c.Id && x.IssuedOn >= from && x.IssuedOn <= today));

    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<FiredRule>>> ForCasesAsync(
        PathwayDbContext db, IReadOnlyList<Guid> caseIds, IReadOnlyList<SignalRule> rules, DateOnly today, CancellationToken ct)
    {
        var from = LookbackStart(rules, today);
        var result = new Dictionary<Guid, IReadOnlyList<FiredRule>>();
        foreach (var batch in caseIds.Chunk(BatchSize))
        {
            var facts = await ComplianceFacts.LoadAsync(db, batch, from, today, ct);
            foreach (var (id, f) in facts)
            {
                var fired = EarlyWarning.Evaluate(rules, f, today);
                if (fired.Count > 0) result[id] = fired;
            }
        }
        return result;
    }

    public static string PromptText(SignalPrompt p) => p switch
    {
        SignalPrompt.ConsultPsychologist => "Consult the psychologist",
        SignalPrompt.ReviewContingencyPlan => "Look at the contingency plan",
        SignalPrompt.ConsiderAlternatives => "Consider alternatives to recall",
        _ => p.ToString(),
    };
}
