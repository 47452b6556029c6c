using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Compliance;

namespace Pathway.Web.Features.Compliance.Signals;

/// <summary>The cases a person can see that have an active early-warning signal, for the team and service lists.</summary>
public static class SignalList
{
    public sealed record Row(Guid CaseId, string Crn, string Name, Guid TeamId, string? TeamName, IReadOnlyList<FiredRule> Fired);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, IReadOnlyList<(Guid Id, string Name)> Teams);

    public static async Task<Result> RunAsync(PathwayDbContext db, IQueryable<CaseRecord> visible, Guid? team, DateOnly today, int limit, CancellationToken ct)
    {
        var rules = await CaseSignals.RulesAsync(db, ct);
        var from = CaseSignals.LookbackStart(rules, today);
        var candidates = await CaseSignals.Candidates(db, visible, from, today)
            .Select(c => new { c.Id, c.Crn, c.GivenName, c.FamilyName, c.TeamId, TeamName = c.Team!.Name })
            .ToListAsync(ct);
        var fired = await CaseSignals.ForCasesAsync(db, candidates.Select(c => c.Id).ToList(), rules, today, ct);
        var rows = candidates.Where(c => fired.ContainsKey(c.Id))
            .Select(c => new Row(c.Id, c.Crn, $"{c.FamilyName}, {c.GivenName}", c.TeamId, c.TeamName, fired[c.Id]))
            .ToList();
        var teams = rows.GroupBy(r => r.TeamId).Select(g => (g.Key, g.First().TeamName ?? "")).OrderBy(t => t.Item2).ToList();
        var shown = rows.Where(r => team is null || r.TeamId == team)
            .OrderByDescending(r => r.Fired.Count).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        return new Result(shown.Take(limit).ToList(), shown.Count, teams);
    }
}
