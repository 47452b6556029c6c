using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Web.Features.Tasks;

namespace Pathway.Web.Features.Compliance.Signals;

/// <summary>
/// Cases with an active early-warning signal, for their offender manager and psychologist: the same rules and facts as
/// the signals list (<see cref="CaseSignals"/>), asked in batches. The task goes when no rule fires any more.
/// </summary>
public sealed class SignalTasks(PathwayDbContext db) : ITaskSource
{
    public async Task<IReadOnlyList<WorkItem>> FindAsync(TaskScope s, CancellationToken ct)
    {
        var people = s.People;
        var mine = s.Anyone ? s.Visible : s.Visible.Where(c => (c.OffenderManagerId != null && people.Contains(c.OffenderManagerId.Value))
            || (c.PsychologistId != null && people.Contains(c.PsychologistId.Value)));
        var rules = await CaseSignals.RulesAsync(db, ct);
        var from = CaseSignals.LookbackStart(rules, s.Today);
        var candidates = await CaseSignals.Candidates(db, mine, from, s.Today)
            .Select(c => new { c.Id, c.GivenName, c.FamilyName, c.Crn, c.OffenderManagerId, c.PsychologistId }).Take(500).ToListAsync(ct);
        if (candidates.Count == 0) return [];
        var fired = await CaseSignals.ForCasesAsync(db, candidates.Select(c => c.Id).ToList(), rules, s.Today, ct);
        var items = new List<WorkItem>();
        foreach (var c in candidates.Where(c => fired.ContainsKey(c.Id)))
        {
            var rulesFired = fired[c.Id];
            var since = rulesFired.SelectMany(f => f.Dates).DefaultIfEmpty(s.Today).Min();
            var title = rulesFired.Count == 1 ? "Look at the early-warning signal" : $"Look at {rulesFired.Count} early-warning signals";
            foreach (var person in new[] { c.OffenderManagerId, c.PsychologistId }.OfType<Guid>().Distinct().Where(p => s.Has(p)))
                items.Add(new(TaskKind.EarlyWarningSignal, $"{c.Id}:{person}", title, $"/cases/{c.Id}/compliance",
                    TaskRows.Case(c.Id, c.GivenName, c.FamilyName, c.Crn), person, null, since, null, false));
        }
        return items;
    }
}
