using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Compliance;

/// <summary>
/// The recall figures: the team view (<c>/recall</c>) counts exactly what its reader may see, per team; the service view
/// (<c>/recall/service</c>) counts every case, names nobody, and hides small cells so that none can be worked back out.
/// </summary>
public abstract partial class RecallFiguresTests(AppFixture app)
{
    [Fact]
    public async Task TheTeamView_CountsDecisionsAlternativesAndReasons_ForVisibleCasesOnly_AndTheServiceView_IsSuppressedCountsOnly()
    {
        var now = DateTimeOffset.UtcNow;
        var (team, other) = await app.Factory.WithDbAsync(async db =>
        {
            Team T(string name) => new() { Name = name + " " + Guid.NewGuid().ToString("N")[..6], Kind = TeamKind.Probation, CreatedAt = now };
            var t = T("Figures north");
            var o = T("Figures south");
            db.Teams.AddRange(t, o);
            await db.SaveChangesAsync();
            return (t, o);
        });
        var spo = await app.NewStaffAsync(StaffRole.SeniorProbationOfficer, team.Id);
        var mine = await app.NewCaseAsync(team.Id);
        var theirs = await app.NewCaseAsync(other.Id);
        await app.Factory.WithDbAsync(async db =>
        {
            Licence L(CaseRecord c) => new()
            {
                CaseId = c.Id, SentenceType = SentenceType.StandardDeterminate, SentenceLengthMonths = 30, ReleaseDate = new DateOnly(2026, 1, 5),
                LicenceExpiryDate = new DateOnly(2028, 1, 5), SentenceExpiryDate = new DateOnly(2028, 1, 5), StandardConditionSetCode = StandardConditionSets.Lco2015.Code,
                CreatedAt = now,
            };
            var myLicence = L(mine);
            var theirLicence = L(theirs);
            db.Licences.AddRange(myLicence, theirLicence);
            RecallConsideration R(CaseRecord c, Licence l, RecallDecisionKind? decision, RecallConcern concern, DateTimeOffset at, params AlternativeToRecall[] tried) => new()
            {
                CaseId = c.Id, LicenceId = l.Id, Status = decision is null ? RecallConsiderationStatus.AwaitingDecision : RecallConsiderationStatus.Decided,
                Concern = concern, Circumstances = "Figures test", Decision = decision, DecidedAt = decision is null ? null : at, DecidedById = decision is null ? null : spo.Id,
                AlternativesTried = tried.Select(a => new RecallAlternativeTried { Alternative = a, Outcome = AlternativeOutcome.DidNotHelp }).ToList(),
                StartedById = spo.Id, CreatedAt = at,
            };
            var recent = now.AddDays(-20);
            for (var i = 0; i < 6; i++)
                db.RecallConsiderations.Add(R(mine, myLicence, RecallDecisionKind.FixedTermRecall, RecallConcern.RiskIncreased, recent,
                    i == 0 ? [AlternativeToRecall.WarningLetter, AlternativeToRecall.DrugTesting] : [AlternativeToRecall.WarningLetter]));
            for (var i = 0; i < 5; i++) db.RecallConsiderations.Add(R(mine, myLicence, RecallDecisionKind.StandardRecall, RecallConcern.ContactStopped, recent));
            db.RecallConsiderations.Add(R(mine, myLicence, RecallDecisionKind.NoRecall, RecallConcern.Both, recent, AlternativeToRecall.IncreasedReporting));
            db.RecallConsiderations.Add(R(mine, myLicence, null, RecallConcern.ContactStopped, recent)); // open: listed, not counted as a decision
            db.RecallConsiderations.Add(R(mine, myLicence, RecallDecisionKind.StandardRecall, RecallConcern.RiskIncreased, now.AddYears(-2))); // outside the 12 months
            for (var i = 0; i < 2; i++) db.RecallConsiderations.Add(R(theirs, theirLicence, RecallDecisionKind.StandardRecall, RecallConcern.ContactStopped, recent));
            await db.SaveChangesAsync();
        });

        // The team view: the senior probation officer's own team only, exact counts.
        var pages = await app.SignedInAsync(spo);
        var html = await AppFixture.TextAsync(await pages.GetAsync("/recall"));
        Assert.Contains(mine.FamilyName, Table(html, "open-considerations").Single().Cells["Person"]);
        var decisions = Table(html, "decisions");
        Assert.DoesNotContain(decisions, r => r.Label == other.Name);
        var row = decisions.Single(r => r.Label == team.Name).Cells;
        Assert.Equal(("6", "5", "1", "12"), (row["Fixed-term recall"], row["Standard recall"], row["No recall"], row["Total"]));
        var alternatives = Table(html, "alternatives").Single(r => r.Label == team.Name).Cells;
        Assert.Equal(("6", "1", "1", "8"), (alternatives["Warning letter"], alternatives["Drug testing"], alternatives["Increased reporting"], alternatives["Total"]));
        var reasons = Table(html, "recall-reasons").Single(r => r.Label == team.Name).Cells;
        Assert.Equal(("6", "5", "11"), (reasons["Risk has increased"], reasons["Contact has stopped"], reasons["Total"]));
        Assert.False(reasons.ContainsKey("Risk has increased and contact has stopped")); // a no-recall decision is not a recall reason
        Assert.DoesNotContain(theirs.Crn, html);

        // The service view: every team, counts only, nobody named, nothing under 5 published, nothing recoverable.
        var manager = await app.PagesAsync(StaffRole.ServiceManager);
        var service = await AppFixture.TextAsync(await manager.GetAsync("/recall/service"));
        Assert.DoesNotContain(mine.Crn, service);
        Assert.DoesNotContain(mine.FamilyName, service);
        var truth = await app.Factory.WithDbAsync(db => db.RecallConsiderations.Where(r => r.Decision != null && r.DecidedAt >= now.AddYears(-1))
            .Select(r => new { Team = db.Cases.Where(c => c.Id == r.CaseId).Select(c => c.Team!.Name).First(), r.Decision }).ToListAsync());
        var published = Table(service, "decisions");
        Assert.Contains(published, r => r.Cells.Values.Any(v => v is not "[c]" and not "0")); // suppression leaves something to read
        Assert.Equal("[c]", published.Single(r => r.Label == other.Name).Cells["Standard recall"]); // 2 people
        AssertSafe(published, (label, column) => label == "All"
            ? column == "Total" ? truth.Count : truth.Count(t => Name(t.Decision) == column)
            : truth.Count(t => t.Team == label && (column == "Total" || Name(t.Decision) == column)));
        Assert.NotEmpty(Table(service, "alternatives"));
        Assert.NotEmpty(Table(service, "recall-reasons"));
        Assert.NotEmpty(Table(service, "open"));

        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.UserId == spo.Id && e.Action == "recall.overview.read")));
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "recall.service.read" && e.UserId == app.World.Users[StaffRole.ServiceManager].Id)));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await pages.GetAsync("/recall/service")).StatusCode); // not for a senior probation officer
    }

    private static string Name(RecallDecisionKind? d) => d switch
    {
        RecallDecisionKind.NoRecall => "No recall",
        RecallDecisionKind.FixedTermRecall => "Fixed-term recall",
        _ => "Standard recall",
    };

    /// <summary>Each published number is the true count and at least 5 (or 0); no row or column hides exactly one entry.</summary>
    private static void AssertSafe(IReadOnlyList<Row> table, Func<string, string, int> truth)
    {
        foreach (var r in table)
            foreach (var (column, value) in r.Cells)
            {
                var n = truth(r.Label, column);
                if (value == "[c]") continue;
                Assert.True(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) == n, $"{r.Label}, {column}: published {value}, true {n}");
                Assert.True(n is 0 or >= 5, $"{r.Label}, {column}: {n} published");
            }
        foreach (var r in table) Assert.NotEqual(1, r.Cells.Values.Count(v => v == "[c]"));
        foreach (var column in table[0].Cells.Keys) Assert.NotEqual(1, table.Count(r => r.Cells[column] == "[c]"));
    }

    public sealed record Row(string Label, IReadOnlyDictionary<string, string> Cells);

    /// <summary>The rows of the table with <paramref name="testId"/>: the row header and each cell by its column header.</summary>
    public static IReadOnlyList<Row> Table(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {testId}");
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        var heads = HeaderCell().Matches(table[..table.IndexOf("</thead>", StringComparison.Ordinal)]).Select(m => Text(m.Groups[1].Value)).ToList();
        var body = table[table.IndexOf("<tbody", StringComparison.Ordinal)..];
        return RowPattern().Matches(body).Select(m =>
        {
            var label = Text(RowHeader().Match(m.Groups[1].Value).Groups[1].Value);
            var cells = DataCell().Matches(m.Groups[1].Value).Select(c => Text(c.Groups[1].Value)).ToList();
            var offset = RowHeader().IsMatch(m.Groups[1].Value) ? 1 : 0;
            return new Row(label, cells.Select((c, i) => (Head: heads[i + offset], c)).ToDictionary(x => x.Head, x => x.c));
        }).ToList();
    }

    private static string Text(string inner) => Regex.Replace(Regex.Replace(inner, "<[^>]+>", " "), @"\s+", " ").Trim();

    [GeneratedRegex(@"<th[^>]*>(.*?)</th>", RegexOptions.Singleline)]
    private static partial Regex HeaderCell();

    [GeneratedRegex(@"<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"<th scope=""row""[^>]*>(.*?)</th>", RegexOptions.Singleline)]
    private static partial Regex RowHeader();

    [GeneratedRegex(@"<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex DataCell();
}

public sealed class RecallFiguresTestsSqlite(SqliteApp app) : RecallFiguresTests(app), IClassFixture<SqliteApp>;

public sealed class RecallFiguresTestsPostgres(PostgresApp app) : RecallFiguresTests(app), IClassFixture<PostgresApp>;
