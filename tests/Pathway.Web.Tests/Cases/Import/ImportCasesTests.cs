using System.Text;
using Microsoft.EntityFrameworkCore;
using Pathway.Domain.Auditing;
using Pathway.Domain.Cases;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Cases.Import;
using Pathway.Web.Infrastructure.UseCases;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Cases.Import;

/// <summary>
/// The import use case (<see cref="ImportCases"/>) without HTTP, on both providers: idempotent upserts by CRN, bad rows
/// refusing their whole batch and each named, a changed column updating only that column, and dry runs saving nothing.
/// </summary>
public abstract class ImportCasesTests(AppFixture app)
{
    public const string Header = "crn,pnc,given_name,family_name,date_of_birth,gender,ethnicity,team,offender_manager_email,rosh,mappa_category,mappa_level,flags,licence_start,licence_end,sentence_expiry,sentence_type,sentence_length_months";

    public static string NewCrn() => "Q" + Random.Shared.Next(0, 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);

    public static string Row(string crn, string rosh = "High", string dob = "1990-01-02", string team = "Alpha Probation") =>
        $"{crn},,Ada,Import,{dob},Female,WhiteBritish,{team},offendermanager@test.pathway.example,{rosh},2,1,selfHarm;weapons,2026-01-10,2027-01-10,2027-07-10,StandardDeterminate,36";

    private static string Csv(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    private async Task<ImportReport> ImportAsync(string text, bool dryRun = false, string name = "extract.csv")
    {
        await using var h = new HandlerScope(app, StaffRole.Administrator, AuditActions.Case.ImportVerify);
        var outcome = await h.Get<ImportCases>().HandleAsync(new ImportActor(h.User.Id, "Administrator"), name,
            new MemoryStream(Encoding.UTF8.GetBytes(text)), dryRun, null, default);
        return Assert.IsType<Outcome<ImportReport>.Done>(outcome).Value;
    }

    private Task<List<string>> ActionsForAsync(string crn) => app.Factory.WithDbAsync(db =>
        db.AuditEvents.Where(a => db.Cases.Any(c => c.Crn == crn && c.Id == a.CaseId)).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());

    [Fact]
    public async Task SameFileTwice_CreatesThenLeavesEveryCaseAlone()
    {
        var (a, b) = (NewCrn(), NewCrn());
        var file = Csv(Row(a), Row(b, rosh: "VeryHigh"));

        var first = await ImportAsync(file);
        var second = await ImportAsync(file);

        Assert.Equal((2, 0, 0), (first.Created, first.Updated, first.LeftAlone));
        Assert.Equal((0, 0, 2), (second.Created, second.Updated, second.LeftAlone));
        var saved = await app.Factory.WithDbAsync(db => db.Cases.Include(c => c.Licences).SingleAsync(c => c.Crn == b));
        Assert.Equal((RoshLevel.VeryHigh, 1, RiskFlag.SelfHarm | RiskFlag.Weapons, MappaLevel.Level1), (saved.RoshLevel, saved.Version, saved.Flags, saved.MappaLevel));
        Assert.Equal((new DateOnly(2026, 1, 10), 36), (saved.Licences.Single().ReleaseDate, saved.Licences.Single().SentenceLengthMonths));
        Assert.Equal([AuditActions.Case.ImportCreate, AuditActions.Licence.ImportCreate], await ActionsForAsync(b));
    }

    [Fact]
    public async Task BadRows_ImportNothingFromTheirBatch_AndEveryBadRowAndColumnIsNamed()
    {
        var (good, badDate) = (NewCrn(), NewCrn());
        var report = await ImportAsync(Csv(Row(good), "X12,,Bo,Bad,1990-01-02,Male,NotStated,Alpha Probation,,Low,,,,,,,,", Row(badDate, dob: "02/01/1990", team: "Nowhere")));

        Assert.Contains(new RowProblem(3, "crn", "Enter a CRN as one letter followed by six digits, like X123456"), report.Problems);
        Assert.Contains(report.Problems, p => p is { Row: 4, Column: "date_of_birth" });
        Assert.Contains(report.Problems, p => p is { Row: 4, Column: "team" });
        Assert.DoesNotContain(report.Problems, p => p.Row == 2);
        Assert.Equal(new RefusedBatch(2, 4, 2), Assert.Single(report.RefusedBatches));
        Assert.Empty(report.Results);
        Assert.False(await app.Factory.WithDbAsync(db => db.Cases.AnyAsync(c => c.Crn == good || c.Crn == badDate)));
    }

    [Fact]
    public async Task AChangedColumn_UpdatesOnlyThat_AndBlankOrAbsentColumnsAreLeftAlone()
    {
        var crn = NewCrn();
        await ImportAsync(Csv(Row(crn)));

        var report = await ImportAsync($"crn,rosh,given_name,licence_start,licence_end\n{crn},Medium,,2026-01-10,2027-02-10\n");

        var row = Assert.Single(report.Results);
        Assert.Equal(RowResult.Updated, row.Result);
        Assert.Equal(["rosh", "licence_end"], row.Changed);
        var saved = await app.Factory.WithDbAsync(db => db.Cases.Include(c => c.Licences).SingleAsync(c => c.Crn == crn));
        Assert.Equal((RoshLevel.Medium, "Ada", MappaCategory.Category2, 2), (saved.RoshLevel, saved.GivenName, saved.MappaCategory, saved.Version));
        Assert.Equal((new DateOnly(2027, 2, 10), new DateOnly(2027, 7, 10)), (saved.Licences.Single().LicenceExpiryDate, saved.Licences.Single().SentenceExpiryDate));
        Assert.Equal([AuditActions.Case.ImportCreate, AuditActions.Licence.ImportCreate, AuditActions.Case.ImportUpdate, AuditActions.Licence.ImportUpdate],
            await ActionsForAsync(crn));
    }

    [Fact]
    public async Task DryRun_ReportsWhatWouldHappen_AndSavesNothing()
    {
        var (existing, fresh) = (NewCrn(), NewCrn());
        await ImportAsync(Csv(Row(existing)));

        var report = await ImportAsync(Csv(Row(existing, rosh: "Low"), Row(fresh)), dryRun: true);

        Assert.Equal((1, 1, true), (report.Created, report.Updated, report.DryRun));
        Assert.False(await app.Factory.WithDbAsync(db => db.Cases.AnyAsync(c => c.Crn == fresh)));
        Assert.Equal(RoshLevel.High, await app.Factory.WithDbAsync(db => db.Cases.Where(c => c.Crn == existing).Select(c => c.RoshLevel).SingleAsync()));
    }

    [Fact]
    public async Task ANewCase_NeedsItsRequiredColumns_AndAnOffenderManagerFromItsTeam()
    {
        var crn = NewCrn();
        var report = await ImportAsync($"crn,given_name,team,offender_manager_email\n{crn},Ada,Bravo Probation,offendermanager@test.pathway.example\n", dryRun: true);

        var columns = report.Problems.Select(p => p.Column).ToHashSet();
        Assert.Superset(new HashSet<string> { "family_name", "date_of_birth", "gender", "ethnicity", "rosh", "offender_manager_email" }, columns);
        Assert.DoesNotContain("team", columns);
    }

    [Fact]
    public async Task AFileWithAColumnPathwayDoesNotKnow_IsRefusedWhole()
    {
        await using var h = new HandlerScope(app, StaffRole.Administrator, AuditActions.Case.ImportVerify);
        var outcome = await h.Get<ImportCases>().HandleAsync(ImportActor.CommandLine, "x.csv",
            new MemoryStream(Encoding.UTF8.GetBytes($"crn,shoe_size\n{NewCrn()},9\n")), false, null, default);

        Assert.Contains("shoe_size", Assert.Single(Assert.IsType<Outcome<ImportReport>.Invalid>(outcome).Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_TakesTheSameColumns()
    {
        var crn = NewCrn();
        var json = $$"""
            [{"crn": "{{crn}}", "given_name": "Jo", "family_name": "Json", "date_of_birth": "1985-03-04", "gender": "Non-binary",
              "ethnicity": "Not stated", "team": "alpha probation", "rosh": "very high", "mappa_category": 0, "flags": ["arson"]}]
            """;

        var report = await ImportAsync(json, name: "extract.json");

        Assert.Equal(RowResult.Created, Assert.Single(report.Results).Result);
        var saved = await app.Factory.WithDbAsync(db => db.Cases.SingleAsync(c => c.Crn == crn));
        Assert.Equal((Gender.NonBinary, RoshLevel.VeryHigh, RiskFlag.Arson), (saved.Gender, saved.RoshLevel, saved.Flags));
    }
}

public sealed class ImportCasesTestsSqlite(SqliteApp app) : ImportCasesTests(app), IClassFixture<SqliteApp>;

public sealed class ImportCasesTestsPostgres(PostgresApp app) : ImportCasesTests(app), IClassFixture<PostgresApp>;
