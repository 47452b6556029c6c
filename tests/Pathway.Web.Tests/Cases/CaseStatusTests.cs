using System.Net;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Domain.Referrals;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Cases.Overview;
using Pathway.Web.Features.Tasks;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Cases;

/// <summary>"Now" at the top of a case's overview: <see cref="CaseStatusQuery"/> and how the page shows it.</summary>
public abstract class CaseStatusTests(AppFixture app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
    private StaffUser User(StaffRole role) => app.World.Users[role];

    /// <summary>A fresh case in team A with the world's offender manager and psychologist, referred to the service.</summary>
    private async Task<CaseRecord> CaseAsync(Func<PathwayDbContext, CaseRecord, Task>? add = null)
    {
        var c = await app.NewCaseAsync(app.World.TeamA.Id);
        await app.Factory.WithDbAsync(async db =>
        {
            var row = await db.Cases.FindAsync(c.Id);
            row!.OffenderManagerId = User(StaffRole.OffenderManager).Id;
            row.PsychologistId = User(StaffRole.Psychologist).Id;
            row.ReferredToServiceOn = Today.AddDays(-60);
            if (add is not null) await add(db, row);
            await db.SaveChangesAsync();
        });
        return c;
    }

    private async Task<CaseStatus> StatusAsync(Guid caseId, StaffRole role)
    {
        await using var scope = new HandlerScope(app, role, "case.read");
        return await scope.Get<CaseStatusQuery>().ForAsync(caseId, scope.Who, CancellationToken.None);
    }

    private static Licence NewLicence(Guid caseId, DateOnly release, DateOnly expiry, DateOnly? topUp = null) => new()
    {
        CaseId = caseId, SentenceType = SentenceType.StandardDeterminate, SentenceLengthMonths = 24, ReleaseDate = release, LicenceExpiryDate = expiry,
        SentenceExpiryDate = expiry, TopUpSupervisionEndDate = topUp, StandardConditionSetCode = StandardConditionSets.Lco2015.Code, CreatedAt = DateTimeOffset.UtcNow,
    };

    private CarePlan Plan(Guid caseId, int number, CarePlanStatus status, DateOnly? review) => new()
    {
        CaseId = caseId, Number = number, Status = status, Reason = "Test plan", CreatedById = User(StaffRole.Psychologist).Id,
        SignedById = status == CarePlanStatus.Draft ? null : User(StaffRole.Psychologist).Id, SignedAt = status == CarePlanStatus.Draft ? null : DateTimeOffset.UtcNow.AddDays(-2),
        ReviewDate = review, CreatedAt = DateTimeOffset.UtcNow.AddDays(-3),
    };

    [Fact]
    public async Task ACaseWithNothingOnIt_SaysSo()
    {
        var c = await CaseAsync();
        var s = await StatusAsync(c.Id, StaffRole.OffenderManager);
        Assert.Null(s.Pathway);
        Assert.Empty(s.Tasks);
        Assert.Equal(0, s.Signals);
        Assert.Null(s.Recall);
        Assert.True(s.SeesCarePlans);
        Assert.Null(s.CarePlan);
        Assert.Null(s.PlanInDraft);
        Assert.Equal(LicenceStatus.NoLicenceRecorded, s.Licence.Standing.Status);

        var html = await AppFixture.TextAsync(await (await app.PagesAsync(StaffRole.OffenderManager)).GetAsync($"/cases/{c.Id}"));
        Assert.Contains("Not referred to the PD service", html, StringComparison.Ordinal);
        Assert.Contains("None in progress", html, StringComparison.Ordinal);
        Assert.Contains("No active care plan", html, StringComparison.Ordinal);
        Assert.Contains("No licence recorded", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PathwayStage_IsTheLatestReferralsStage_WithItsDate()
    {
        var c = await CaseAsync((db, c) =>
        {
            db.Referrals.Add(new Referral
            {
                CaseId = c.Id, ReferredById = User(StaffRole.OffenderManager).Id, ReferredAt = DateTimeOffset.UtcNow.AddDays(-40), Reason = "Status test",
                Questions = "?", Stage = PathwayStage.Assessment, StageEnteredAt = new DateTimeOffset(Today.AddDays(-9), TimeOnly.MinValue, TimeSpan.Zero),
                AllocatedPsychologistId = User(StaffRole.Psychologist).Id, CreatedAt = DateTimeOffset.UtcNow,
            });
            return Task.CompletedTask;
        });
        var s = await StatusAsync(c.Id, StaffRole.OffenderManager);
        Assert.Equal(new PathwayStatus(PathwayStage.Assessment, Today.AddDays(-9), Open: true), s.Pathway);
        var html = await AppFixture.TextAsync(await (await app.PagesAsync(StaffRole.OffenderManager)).GetAsync($"/cases/{c.Id}"));
        Assert.Contains($"Since {Today.AddDays(-9):d MMMM yyyy}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecallConsideration_ShowsWhileUnderWay_AndNotOnceDecided()
    {
        Guid considerationId = Guid.Empty;
        var c = await CaseAsync((db, c) =>
        {
            var licence = NewLicence(c.Id, Today.AddDays(-100), Today.AddDays(200));
            db.Licences.Add(licence);
            var r = new RecallConsideration
            {
                CaseId = c.Id, LicenceId = licence.Id, Status = RecallConsiderationStatus.AwaitingDecision, StartedById = User(StaffRole.OffenderManager).Id,
                CreatedAt = new DateTimeOffset(Today.AddDays(-3), TimeOnly.MinValue, TimeSpan.Zero),
            };
            considerationId = r.Id;
            db.RecallConsiderations.Add(r);
            return Task.CompletedTask;
        });
        var s = await StatusAsync(c.Id, StaffRole.OffenderManager);
        Assert.Equal(new RecallStatus(considerationId, RecallConsiderationStatus.AwaitingDecision, Today.AddDays(-3)), s.Recall);
        Assert.Equal(LicenceStatus.OnLicence, s.Licence.Standing.Status);
        // Anyone's work on the case, not only the viewer's: the decision waits for a senior probation officer.
        Assert.Contains(s.Tasks, t => t.Kind == TaskKind.RecallDecision && t.WaitsForRole == StaffRole.SeniorProbationOfficer);
        var html = await AppFixture.TextAsync(await (await app.PagesAsync(StaffRole.OffenderManager)).GetAsync($"/cases/{c.Id}"));
        Assert.Contains($"href=\"/cases/{c.Id}/recall/{considerationId}\"", html, StringComparison.Ordinal);
        Assert.Contains("Awaiting decision", html, StringComparison.Ordinal);

        await app.Factory.WithDbAsync(async db =>
        {
            var r = await db.RecallConsiderations.FindAsync(considerationId);
            r!.Status = RecallConsiderationStatus.Decided;
            r.Decision = RecallDecisionKind.NoRecall;
            await db.SaveChangesAsync();
        });
        Assert.Null((await StatusAsync(c.Id, StaffRole.OffenderManager)).Recall);
    }

    [Fact]
    public async Task CarePlan_WithAReviewDatePassed_IsOverdue_AndADraftIsShownToTheCaseTeamOnly()
    {
        var c = await CaseAsync((db, c) =>
        {
            db.CarePlans.Add(Plan(c.Id, 1, CarePlanStatus.Active, Today.AddDays(-1)));
            db.CarePlans.Add(Plan(c.Id, 2, CarePlanStatus.AwaitingCountersignature, null));
            return Task.CompletedTask;
        });
        var om = await StatusAsync(c.Id, StaffRole.OffenderManager);
        Assert.Equal((1, ReviewState.Overdue), (om.CarePlan!.Number, om.CarePlan.Review));
        Assert.Equal((2, CarePlanStatus.AwaitingCountersignature), (om.PlanInDraft!.Number, om.PlanInDraft.Status));
        Assert.Contains(om.Tasks, t => t.Kind == TaskKind.CarePlanToCountersign);
        Assert.Contains(om.Tasks, t => t.Kind == TaskKind.CarePlanReview && t.Overdue);
        var html = await AppFixture.TextAsync(await (await app.PagesAsync(StaffRole.OffenderManager)).GetAsync($"/cases/{c.Id}"));
        Assert.Contains("Version 1 is active", html, StringComparison.Ordinal);
        Assert.Contains("Version 2 is awaiting countersignature", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"status-review\">Next review [^<]*\\s*<strong class=\"govuk-tag govuk-tag--red\">Overdue", html);

        // The police officer's case is shared with their unit; they see the active plan's summary only.
        await app.Factory.WithDbAsync(async db =>
        {
            db.CaseShares.Add(new CaseShare { CaseId = c.Id, TeamId = app.World.Ppu.Id, SharedAt = DateTimeOffset.UtcNow, SharedById = User(StaffRole.OffenderManager).Id });
            await db.SaveChangesAsync();
        });
        var police = await StatusAsync(c.Id, StaffRole.PublicProtectionOfficer);
        Assert.Equal(1, police.CarePlan!.Number);
        Assert.Null(police.PlanInDraft);
        Assert.DoesNotContain(police.Tasks, t => t.Kind is TaskKind.CarePlanToCountersign or TaskKind.CarePlanReview);
        var asPolice = await AppFixture.TextAsync(await (await app.PagesAsync(StaffRole.PublicProtectionOfficer)).GetAsync($"/cases/{c.Id}"));
        Assert.DoesNotContain("awaiting countersignature", asPolice, StringComparison.Ordinal);
        Assert.DoesNotContain("Countersign the care plan", asPolice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Licence_Ended_AndTopUpOnly_AreToldApart()
    {
        var ended = await CaseAsync((db, c) => { db.Licences.Add(NewLicence(c.Id, Today.AddDays(-700), Today.AddDays(-30))); return Task.CompletedTask; });
        var topUp = await CaseAsync((db, c) => { db.Licences.Add(NewLicence(c.Id, Today.AddDays(-700), Today.AddDays(-30), Today.AddDays(300))); return Task.CompletedTask; });

        var e = (await StatusAsync(ended.Id, StaffRole.OffenderManager)).Licence;
        Assert.Equal((LicenceStatus.LicenceEnded, Today.AddDays(-30)), (e.Standing.Status, e.LicenceEnds));
        var t = (await StatusAsync(topUp.Id, StaffRole.OffenderManager)).Licence;
        Assert.Equal((LicenceStatus.TopUpSupervisionOnly, Today.AddDays(300)), (t.Standing.Status, t.TopUpEnds));

        var client = await app.PagesAsync(StaffRole.OffenderManager);
        var endedHtml = await AppFixture.TextAsync(await client.GetAsync($"/cases/{ended.Id}"));
        Assert.Contains(">Licence ended<", endedHtml, StringComparison.Ordinal);
        Assert.Contains($"Licence ended {Today.AddDays(-30):d MMMM yyyy}", endedHtml, StringComparison.Ordinal);
        var topUpHtml = await AppFixture.TextAsync(await client.GetAsync($"/cases/{topUp.Id}"));
        Assert.Contains(">Top-up supervision only<", topUpHtml, StringComparison.Ordinal);
        Assert.Contains($"Top-up supervision ends {Today.AddDays(300):d MMMM yyyy}", topUpHtml, StringComparison.Ordinal);
        Assert.Contains("cannot be recalled from", topUpHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenTasks_AreAnyonesWorkOnThisCase_EachLinkingToWhereItIsDone()
    {
        Guid assessmentId = Guid.Empty;
        var c = await CaseAsync((db, c) =>
        {
            var a = new Assessment { CaseId = c.Id, Status = AssessmentStatus.Draft, AssessmentDate = Today, AuthorId = User(StaffRole.Psychologist).Id, CreatedAt = DateTimeOffset.UtcNow };
            a.SeriesId = a.Id;
            assessmentId = a.Id;
            db.Assessments.Add(a);
            return Task.CompletedTask;
        });
        // The offender manager sees the psychologist's draft, which is not their own work.
        var s = await StatusAsync(c.Id, StaffRole.OffenderManager);
        var task = Assert.Single(s.Tasks);
        Assert.Equal((TaskKind.AssessmentDraft, $"/cases/{c.Id}/assessments/{assessmentId}", User(StaffRole.Psychologist).DisplayName),
            (task.Kind, task.Link, task.WaitsForName));
        var html = await AppFixture.TextAsync(await (await app.PagesAsync(StaffRole.OffenderManager)).GetAsync($"/cases/{c.Id}"));
        Assert.Contains($"<a class=\"govuk-link\" href=\"/cases/{c.Id}/assessments/{assessmentId}\">Finish and submit the assessment</a>", html, StringComparison.Ordinal);
        Assert.Contains($"Waiting for {User(StaffRole.Psychologist).DisplayName}", html, StringComparison.Ordinal);
        // Work on other cases is not listed.
        Assert.All(s.Tasks, t => Assert.Equal(c.Id, t.Case!.CaseId));
    }

    [Theory]
    [InlineData(StaffRole.OffenderManager, TaskKind.CarePlanToCountersign, true)]
    [InlineData(StaffRole.PublicProtectionOfficer, TaskKind.CarePlanToCountersign, false)]
    [InlineData(StaffRole.ApprovedPremisesStaff, TaskKind.CarePlanReview, false)]
    [InlineData(StaffRole.ApprovedPremisesStaff, TaskKind.ChainAnalysisDue, true)]
    [InlineData(StaffRole.PartnerAgency, TaskKind.ChainAnalysisDue, false)]
    [InlineData(StaffRole.Psychologist, TaskKind.CoordinationAction, true)]
    [InlineData(StaffRole.OffenderManager, TaskKind.CoordinationAction, false)]
    [InlineData(StaffRole.ClinicalLead, TaskKind.BreakGlassReview, true)]
    [InlineData(StaffRole.Psychologist, TaskKind.BreakGlassReview, false)]
    [InlineData(StaffRole.PublicProtectionOfficer, TaskKind.RecallDecision, true)]
    public void TaskKinds_AreShownAsTheViewersRoleMaySeeThem(StaffRole role, TaskKind kind, bool shown)
    {
        var who = new Pathway.Domain.Access.StaffContext(Guid.NewGuid(), new HashSet<StaffRole> { role }, null);
        Assert.Equal(shown, CaseStatus.Sees(who, kind));
    }

    [Fact]
    public async Task Status_TakesTheSameNumberOfQueries_HoweverMuchTheCaseHolds()
    {
        // One of each thing against several of each: the same queries run, each returning more rows.
        var small = await CaseAsync((db, c) =>
        {
            db.Licences.Add(NewLicence(c.Id, Today.AddDays(-100), Today.AddDays(200)));
            db.CarePlans.Add(Plan(c.Id, 1, CarePlanStatus.Active, Today.AddDays(-1)));
            var a = new Assessment { CaseId = c.Id, Status = AssessmentStatus.Draft, AssessmentDate = Today, AuthorId = User(StaffRole.Psychologist).Id, CreatedAt = DateTimeOffset.UtcNow };
            a.SeriesId = a.Id;
            db.Assessments.Add(a);
            return Task.CompletedTask;
        });
        var large = await CaseAsync((db, c) =>
        {
            for (var i = 0; i < 4; i++)
            {
                var licence = NewLicence(c.Id, Today.AddDays(-1000 + 200 * i), Today.AddDays(-850 + 200 * i));
                licence.Recalls.Add(new Recall { CaseId = c.Id, LicenceId = licence.Id, RecallDate = Today.AddDays(-900 + 200 * i), Reason = "Test", CreatedAt = DateTimeOffset.UtcNow });
                db.Licences.Add(licence);
            }
            for (var i = 1; i <= 3; i++) db.CarePlans.Add(Plan(c.Id, i, i == 3 ? CarePlanStatus.Active : CarePlanStatus.Superseded, Today.AddDays(-i)));
            for (var i = 0; i < 3; i++)
            {
                var a = new Assessment { CaseId = c.Id, Status = AssessmentStatus.Draft, AssessmentDate = Today, AuthorId = User(StaffRole.Psychologist).Id, CreatedAt = DateTimeOffset.UtcNow };
                a.SeriesId = a.Id;
                db.Assessments.Add(a);
            }
            return Task.CompletedTask;
        });

        async Task<int> CountAsync(Guid id)
        {
            await using var scope = new HandlerScope(app, StaffRole.OffenderManager, "case.read");
            var query = scope.Get<CaseStatusQuery>();
            using var counter = new SqlCommandCounter();
            await query.ForAsync(id, scope.Who, CancellationToken.None);
            return counter.Count;
        }
        await CountAsync(small.Id); // warm up: the first run also reads what the app caches
        var few = await CountAsync(small.Id);
        var many = await CountAsync(large.Id);
        Assert.True(few > 0, "the counter saw no commands");
        Assert.Equal(few, many);
        Assert.InRange(many, 1, 25);
    }
}

public sealed class CaseStatusTestsSqlite(SqliteApp app) : CaseStatusTests(app), IClassFixture<SqliteApp>;

public sealed class CaseStatusTestsPostgres(PostgresApp app) : CaseStatusTests(app), IClassFixture<PostgresApp>;
