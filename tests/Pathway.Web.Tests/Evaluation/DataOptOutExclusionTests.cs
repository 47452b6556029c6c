using Pathway.Data.Entities;
using Pathway.Domain.Cases;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Evaluation;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Evaluation;

/// <summary>
/// A person with the national data opt-out is left out of everything the evaluation exports: the analysis dataset
/// (<see cref="OutcomeData.LoadAsync"/>: the outcome figures, their CSVs and the pack's outcome sections), the cases the
/// engagement measures follow (<see cref="OutcomeData.CaseIds"/>) and the cases the recall tables count (<see cref="OutcomeData.Cases"/>).
/// </summary>
public abstract class DataOptOutExclusionTests(AppFixture app)
{
    [Fact]
    public async Task APersonWhoOptedOut_IsInNoEvaluationSource_AndOthersStay()
    {
        var (team, kept, optedOut) = await app.Factory.WithDbAsync(async db =>
        {
            var t = new Team { Name = $"Opt-out team {Guid.NewGuid():N}", Kind = TeamKind.Probation, CreatedAt = DateTimeOffset.UtcNow };
            db.Teams.Add(t);
            CaseRecord Person(bool optOut)
            {
                var c = new CaseRecord
                {
                    Crn = $"O{Random.Shared.Next(100000, 999999)}", GivenName = "Eval", FamilyName = "Person", DateOfBirth = new DateOnly(1980, 1, 1),
                    Gender = Gender.Male, Ethnicity = Ethnicity.NotStated, RoshLevel = RoshLevel.High, TeamId = t.Id, NationalDataOptOut = optOut,
                    CreatedAt = DateTimeOffset.UtcNow,
                };
                c.RefreshSearchColumns();
                db.Cases.Add(c);
                var l = new Licence
                {
                    CaseId = c.Id, SentenceType = SentenceType.StandardDeterminate, SentenceLengthMonths = 24, ReleaseDate = new DateOnly(2025, 7, 1),
                    LicenceExpiryDate = new DateOnly(2026, 7, 1), StandardConditionSetCode = db.StandardConditionSets.First().Code,
                };
                db.Licences.Add(l);
                db.Recalls.Add(new Recall { LicenceId = l.Id, CaseId = c.Id, RecallDate = new DateOnly(2025, 9, 1), Type = RecallType.Standard, Reason = "Failed to keep in touch" });
                return c;
            }
            var k = Person(false);
            var o = Person(true);
            await db.SaveChangesAsync();
            return (t.Id, k.Id, o.Id);
        });

        var (periods, recalls, caseIds, cases) = await app.Factory.WithDbAsync(async db =>
        {
            var (p, r) = await OutcomeData.LoadAsync(db, new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 31), team, new DateOnly(2026, 12, 7), default);
            return (p, r, OutcomeData.CaseIds(db, new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 31), team).ToList(), OutcomeData.Cases(db, team).Select(c => c.Id).ToList());
        });

        Assert.Equal([kept], periods.Select(p => p.CaseId).Distinct());
        Assert.Equal([kept], recalls.Select(r => r.CaseId).Distinct());
        Assert.Equal([kept], caseIds.Distinct());
        Assert.Equal([kept], cases);
        Assert.DoesNotContain(optedOut, cases);
    }
}

public sealed class DataOptOutExclusionTestsSqlite(SqliteApp app) : DataOptOutExclusionTests(app), IClassFixture<SqliteApp>;

public sealed class DataOptOutExclusionTestsPostgres(PostgresApp app) : DataOptOutExclusionTests(app), IClassFixture<PostgresApp>;
