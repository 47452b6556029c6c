using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Disclosure;
using Pathway.Domain.Recall;

namespace Pathway.Web.Features.Compliance.Recall.Overview;

/// <summary>One count of a recall figure: a team, what was counted (an outcome, an alternative, a reason) and how many.</summary>
public sealed record RecallCount(string Team, string Key, int N);

/// <summary>The recall figures over a set of cases, grouped in SQL: considerations open now, and over a period the decisions
/// by outcome, the alternatives tried before them, and the recalls by reason. The team view passes the cases a person may
/// see; the service view passes every case and publishes only <see cref="Suppress">suppressed</see> tables.</summary>
public sealed record RecallFigures(IReadOnlyList<RecallCount> Open, IReadOnlyList<RecallCount> Decisions, IReadOnlyList<RecallCount> Alternatives, IReadOnlyList<RecallCount> RecallReasons)
{
    public const string OpenKey = "Considering recall";

    public IReadOnlyList<string> Teams =>
        Open.Concat(Decisions).Concat(Alternatives).Concat(RecallReasons).Select(c => c.Team).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Counts decisions made from <paramref name="since"/> (and before <paramref name="before"/> when given, for a closed period).</summary>
    public static async Task<RecallFigures> CountAsync(PathwayDbContext db, IQueryable<CaseRecord> cases, DateTimeOffset since, CancellationToken ct, DateTimeOffset? before = null)
    {
        var considerations = db.RecallConsiderations.AsNoTracking().Join(cases, r => r.CaseId, c => c.Id, (r, c) => new { R = r, C = c });
        var open = (await considerations.Where(x => x.R.Status != RecallConsiderationStatus.Decided)
                .GroupBy(x => x.C.Team!.Name).Select(g => new { Team = g.Key, N = g.Count() }).ToListAsync(ct))
            .Select(x => new RecallCount(x.Team, OpenKey, x.N)).ToList();
        var decided = considerations.Where(x => x.R.Decision != null && x.R.DecidedAt >= since);
        if (before is { } b) decided = decided.Where(x => x.R.DecidedAt < b);
        var decisions = (await decided.GroupBy(x => new { Team = x.C.Team!.Name, x.R.Decision }).Select(g => new { g.Key.Team, g.Key.Decision, N = g.Count() }).ToListAsync(ct))
            .Select(x => new RecallCount(x.Team, RecallText.Decision(x.Decision!.Value), x.N)).ToList();
        var reasons = (await decided.Where(x => x.R.Decision != RecallDecisionKind.NoRecall && x.R.Concern != null)
                .GroupBy(x => new { Team = x.C.Team!.Name, x.R.Concern }).Select(g => new { g.Key.Team, g.Key.Concern, N = g.Count() }).ToListAsync(ct))
            .Select(x => new RecallCount(x.Team, RecallText.Concern(x.Concern!.Value), x.N)).ToList();
        var alternatives = (await decided.SelectMany(x => x.R.AlternativesTried, (x, a) => new { Team = x.C.Team!.Name, a.Alternative })
                .GroupBy(x => new { x.Team, x.Alternative }).Select(g => new { g.Key.Team, g.Key.Alternative, N = g.Count() }).ToListAsync(ct))
            .Select(x => new RecallCount(x.Team, RecallText.Alternative(x.Alternative), x.N)).ToList();
        return new RecallFigures(open, decisions, alternatives, reasons);
    }

    /// <summary>
    /// What followed each alternative to recall: for decisions made from <paramref name="since"/> (and before
    /// <paramref name="before"/>), each alternative tried counted against the decision that followed it. In the returned
    /// counts <see cref="RecallCount.Team"/> is the alternative and <see cref="RecallCount.Key"/> the decision, ready for
    /// <see cref="Suppress"/> with <see cref="AlternativeColumns"/> as rows and <see cref="DecisionColumns"/> as columns.
    /// </summary>
    public static async Task<IReadOnlyList<RecallCount>> AlternativesFollowedAsync(PathwayDbContext db, IQueryable<CaseRecord> cases, DateTimeOffset since, CancellationToken ct, DateTimeOffset? before = null)
    {
        var decided = db.RecallConsiderations.AsNoTracking().Where(r => cases.Any(c => c.Id == r.CaseId))
            .Where(r => r.Decision != null && r.DecidedAt >= since);
        if (before is { } b) decided = decided.Where(r => r.DecidedAt < b);
        return (await decided.SelectMany(r => r.AlternativesTried, (r, a) => new { a.Alternative, r.Decision })
                .GroupBy(x => new { x.Alternative, x.Decision }).Select(g => new { g.Key.Alternative, g.Key.Decision, N = g.Count() }).ToListAsync(ct))
            .Select(x => new RecallCount(RecallText.Alternative(x.Alternative), RecallText.Decision(x.Decision!.Value), x.N)).ToList();
    }

    /// <summary>Every outcome, reason and alternative as a column (in the order the workflow offers them, so a zero is shown
    /// as a zero), one row per team, small cells and anything that would reveal them hidden.</summary>
    public static SuppressedTable Suppress(IReadOnlyList<RecallCount> counts, IReadOnlyList<string> teams, IReadOnlyList<string> columns, DisclosurePolicy? policy = null)
    {
        var grid = new int[teams.Count, columns.Count];
        var row = teams.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var column = columns.Select((k, j) => (k, j)).ToDictionary(x => x.k, x => x.j, StringComparer.Ordinal);
        foreach (var c in counts)
            if (row.TryGetValue(c.Team, out var i) && column.TryGetValue(c.Key, out var j)) grid[i, j] += c.N;
        return SmallCellSuppression.Apply(teams, columns, grid, policy);
    }

    public static IReadOnlyList<string> DecisionColumns { get; } = Enum.GetValues<RecallDecisionKind>().Select(RecallText.Decision).ToList();
    public static IReadOnlyList<string> ReasonColumns { get; } = Enum.GetValues<RecallConcern>().Select(RecallText.Concern).ToList();
    public static IReadOnlyList<string> AlternativeColumns { get; } = Enum.GetValues<AlternativeToRecall>().Select(RecallText.Alternative).ToList();
}
