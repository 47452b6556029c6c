using System.Net;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Data.Training;
using Pathway.Domain.Staff;
using Pathway.Domain.Training;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Training;

/// <summary>The training dashboard: names for coordinators, suppressed counts for service managers, and the knowledge gain statistics.</summary>
public abstract class TrainingDashboardTests(AppFixture app)
{
    private const string Slug = CourseContentFiles.FirstCourseSlug;

    // The same scores as tools/r/paired-t.R: R gives a mean change of 10.83 (7.60 to 14.07), t(11) = 7.364, d_z = 2.126.
    private static readonly int[] Before = [45, 50, 55, 40, 60, 52, 48, 38, 57, 49, 44, 51];
    private static readonly int[] After = [60, 58, 70, 52, 65, 66, 50, 55, 72, 61, 47, 63];

    private async Task<List<StaffUser>> LearnersWithScoresAsync()
    {
        var users = new List<StaffUser>();
        for (var i = 0; i < Before.Length; i++) users.Add(await app.NewStaffAsync(StaffRole.Learner, null));
        await app.Factory.WithDbAsync(async db =>
        {
            var course = await db.Courses.SingleAsync(c => c.Slug == Slug);
            var other = await db.StaffGroups.SingleAsync(g => g.Key == StaffGroups.Other);
            if (!await db.StaffGroupRequirements.AnyAsync(r => r.GroupId == other.Id && r.CourseId == course.Id))
                db.StaffGroupRequirements.Add(new StaffGroupRequirement { GroupId = other.Id, CourseId = course.Id });
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < users.Count; i++)
            {
                var e = new Enrolment { UserId = users[i].Id, CourseId = course.Id, CourseVersionId = course.CurrentVersionId!.Value, EnrolledAt = now.AddDays(-5), CompletedAt = i % 2 == 0 ? now : null };
                db.Enrolments.Add(e);
                db.KnowledgeTestAttempts.Add(new KnowledgeTestAttempt { EnrolmentId = e.Id, Phase = TestPhase.Before, Percent = Before[i], Correct = Before[i], Total = 100, AnswersJson = "{}", TakenAt = now.AddDays(-5) });
                db.KnowledgeTestAttempts.Add(new KnowledgeTestAttempt { EnrolmentId = e.Id, Phase = TestPhase.After, Percent = After[i], Correct = After[i], Total = 100, Passed = true, AnswersJson = "{}", TakenAt = now.AddDays(-1) });
                // A later, better retake must not change the gain: the first test at the end counts.
                db.KnowledgeTestAttempts.Add(new KnowledgeTestAttempt { EnrolmentId = e.Id, Phase = TestPhase.After, Percent = 100, Correct = 100, Total = 100, Passed = true, AnswersJson = "{}", TakenAt = now });
                db.CourseEvaluations.Add(new CourseEvaluation { EnrolmentId = e.Id, Relevance = 5, Clarity = 4, Confidence = 4, Recommend = 5, SubmittedAt = now, Comments = i == 0 ? "The vignettes were useful" : null });
            }
            await db.SaveChangesAsync();
        });
        return users;
    }

    [Fact]
    public async Task TheCoordinator_SeesNamesAndTheKnowledgeGain_TheServiceManagerOnlySuppressedCounts()
    {
        var users = await LearnersWithScoresAsync();

        var coordinator = await AppFixture.TextAsync(await (await app.PagesAsync(StaffRole.TrainingCoordinator)).GetAsync("/training/dashboard"));
        Assert.Contains("10.8 points (7.6 to 14.1)", coordinator, StringComparison.Ordinal);
        Assert.Contains("t(11) = 7.36, p &lt; 0.001".Replace("&lt;", "<", StringComparison.Ordinal), coordinator, StringComparison.Ordinal);
        Assert.Contains(">2.13<", coordinator, StringComparison.Ordinal);
        Assert.Contains(users[0].DisplayName, coordinator, StringComparison.Ordinal);
        Assert.Contains($"/training/record?user={users[0].Id}", coordinator, StringComparison.Ordinal);
        Assert.Contains("The vignettes were useful", coordinator, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"coverage-group\"", coordinator, StringComparison.Ordinal);

        var manager = await AppFixture.TextAsync(await (await app.PagesAsync(StaffRole.ServiceManager)).GetAsync("/training/dashboard"));
        Assert.Contains("10.8 points (7.6 to 14.1)", manager, StringComparison.Ordinal);
        Assert.DoesNotContain(users[0].DisplayName, manager, StringComparison.Ordinal);
        Assert.DoesNotContain("/training/record?user=", manager, StringComparison.Ordinal);
        Assert.DoesNotContain("The vignettes were useful", manager, StringComparison.Ordinal);
        Assert.Contains("[c]", manager, StringComparison.Ordinal);

        var learner = await (await app.PagesAsync(StaffRole.Learner)).GetAsync("/training/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, learner.StatusCode);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "training.dashboard.read" && a.Reason == "counts only")));
    }
}

public sealed class TrainingDashboardTestsSqlite(SqliteApp app) : TrainingDashboardTests(app), IClassFixture<SqliteApp>;

public sealed class TrainingDashboardTestsPostgres(PostgresApp app) : TrainingDashboardTests(app), IClassFixture<PostgresApp>;
