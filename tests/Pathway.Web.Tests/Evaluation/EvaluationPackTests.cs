using System.Net;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Evaluation;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Evaluation;

/// <summary>
/// The quarterly evaluation pack: a small known team (six licences released in the last completed quarter's 12 months,
/// three recalled) gives a PDF with the headline measures, the quarter, method notes and [c] where the three recalls
/// are hidden; the same suppressed file for a psychologist and a service manager; no person's name or CRN; audit rows;
/// a refusal for other roles and a validation message for a quarter not offered.
/// </summary>
public abstract class EvaluationPackTests(AppFixture app)
{
    private static readonly FinancialQuarter LastQuarter = FinancialQuarter.Choices(DateOnly.FromDateTime(DateTime.UtcNow))[1];

    private Task<Guid> KnownTeamAsync()
    {
        var release = LastQuarter.End.AddDays(-200);
        return EvaluationTests.KnownTeamAsync(app, "Pack", release, release.AddDays(900));
    }

    [Fact]
    public async Task ThePack_IsASuppressedPdfForEveryReader_NamesNobody_IsAudited_AndRefusedToOthers()
    {
        var team = await KnownTeamAsync();
        var url = $"/evaluation/pack?handler=Pdf&Quarter={LastQuarter.Key}&Team={team}";

        var psychologist = await app.PagesAsync(StaffRole.Psychologist);
        var page = await AppFixture.TextAsync(await psychologist.GetAsync("/evaluation/pack"));
        Assert.Contains($"value=\"{LastQuarter.Key}\" checked", page); // the last completed quarter by default
        var text = Flatten(await PdfText.ReadAsync(psychologist, url));
        foreach (var expected in new[] { "OFFICIAL-SENSITIVE", LastQuarter.Label, "Headline measures", "Recalls per 100 person-months on licence",
                     "Recalled within 6 months", "within 12 months", "Number at risk", "Log-rank test", "Cox proportional hazards", "Method notes",
                     "Contacts kept", "Recalls by reason", "Alternatives to recall" })
            Assert.Contains(expected, text);
        // Six people released after the service started, three recalled: the recalls (and so the rate) are hidden; the
        // six are shown (the label wraps in its cell). On the pathway or not is judged 3 months after release, when the
        // three recalled are out of it.
        Assert.Matches(@"Released after the\s+6\s+\[c\]\s+\[c\]\s+\[c\]", text);
        Assert.Contains("[c] hidden: fewer than 5 people", text);

        var names = await app.Factory.WithDbAsync(db => db.Cases.Select(c => new { c.Crn, c.GivenName, c.FamilyName }).ToListAsync());
        Assert.All(names, n =>
        {
            Assert.DoesNotContain(n.Crn, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(n.FamilyName, text, StringComparison.Ordinal);
        });

        var manager = await app.PagesAsync(StaffRole.ServiceManager);
        var managers = Flatten(await PdfText.ReadAsync(manager, url));
        Assert.Equal(Strip(text), Strip(managers)); // the same pack, whoever asks 

        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "evaluation.pack.read" && e.UserId == app.World.Users[StaffRole.Psychologist].Id)));
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "evaluation.pack.download" && e.UserId == app.World.Users[StaffRole.ServiceManager].Id
            && e.Reason == $"{LastQuarter.Key} team {team}")));

        // A team with no licences, in the quarter still running: a pack that says so, not an error.
        var empty = await app.Factory.WithDbAsync(async db =>
        {
            var t = new Team { Name = "Empty " + Guid.NewGuid().ToString("N")[..6], CreatedAt = DateTimeOffset.UtcNow };
            db.Teams.Add(t);
            await db.SaveChangesAsync();
            return t.Id;
        });
        var current = FinancialQuarter.Choices(DateOnly.FromDateTime(DateTime.UtcNow))[0];
        Assert.Contains("The quarter has not ended", Flatten(await PdfText.ReadAsync(psychologist, $"/evaluation/pack?handler=Pdf&Quarter={current.Key}&Team={empty}")));

        var bad = await psychologist.GetAsync("/evaluation/pack?handler=Pdf&Quarter=2019-Q5&Team=nope");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal("text/html", bad.Content.Headers.ContentType!.MediaType);
        var badText = await AppFixture.TextAsync(bad);
        Assert.Contains("Choose a quarter from the list", badText);
        Assert.Contains("Choose a team from the list", badText);

        foreach (var role in new[] { StaffRole.OffenderManager, StaffRole.PartnerAgency })
        {
            var refused = await (await app.PagesAsync(role)).GetAsync(url);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden
                || (refused.StatusCode == HttpStatusCode.Redirect && refused.Headers.Location!.PathAndQuery.StartsWith("/account/access-denied", StringComparison.Ordinal)),
                $"{role}: {refused.StatusCode}");
        }
    }

    private static string Flatten(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private static string Strip(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"Produced \d+ \w+ \d{4}", "");
}

public sealed class EvaluationPackTestsSqlite(SqliteApp app) : EvaluationPackTests(app), IClassFixture<SqliteApp>;

public sealed class EvaluationPackTestsPostgres(PostgresApp app) : EvaluationPackTests(app), IClassFixture<PostgresApp>;
