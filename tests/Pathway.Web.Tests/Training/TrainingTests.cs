using System.Net;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Data.Training;
using Pathway.Domain.Training;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Training;

public abstract class TrainingTests(AppFixture app)
{
    private const string Slug = CourseContentFiles.FirstCourseSlug;
    private const string Course = "/training/courses/" + Slug;

    private Task<CourseContent> ContentOfAsync(Guid? versionId = null) => app.Factory.WithDbAsync(async db =>
    {
        var id = versionId ?? (await db.Courses.SingleAsync(c => c.Slug == Slug)).CurrentVersionId;
        return CourseDocument.Deserialize((await db.CourseVersions.SingleAsync(v => v.Id == id)).ContentJson);
    });

    private Task<Enrolment?> EnrolmentOfAsync(StaffUser user) =>
        app.Factory.WithDbAsync(db => db.Enrolments.AsNoTracking().SingleOrDefaultAsync(e => e.UserId == user.Id));

    private static Dictionary<string, string> Answers(IEnumerable<Question> questions, Func<Question, string> pick) =>
        questions.ToDictionary(q => $"Answers[{q.Key}]", pick);

    private static string Wrong(Question q) => q.Options.First(o => o.Key != q.CorrectOption).Key;

    private static async Task<string> PostAsync(HttpClient client, string path, Dictionary<string, string> fields, HttpStatusCode expected = HttpStatusCode.Redirect)
    {
        var res = await AppFixture.PostFormAsync(client, path, fields);
        var text = await AppFixture.TextAsync(res);
        Assert.True(res.StatusCode == expected, $"POST {path}: {res.StatusCode}, expected {expected}. {text[..Math.Min(text.Length, 600)]}");
        return res.StatusCode == HttpStatusCode.Redirect ? res.Headers.Location!.ToString() : text;
    }

    /// <summary>A new training-only learner, enrolled, with the views and pre-test done.</summary>
    private async Task<(StaffUser User, HttpClient Client, CourseContent Content)> StartedLearnerAsync()
    {
        var user = await app.NewStaffAsync(StaffRole.Learner, null);
        var client = await app.SignedInAsync(user);
        Assert.Equal($"{Course}/attitudes/before", await PostAsync(client, $"{Course}?handler=Enrol", [], HttpStatusCode.Redirect));
        var content = await ContentOfAsync((await EnrolmentOfAsync(user))!.CourseVersionId);
        await PostAsync(client, $"{Course}/attitudes/before", content.Attitudes.Items.ToDictionary(i => $"Answers[{i.Key}]", _ => "3"));
        await PostAsync(client, $"{Course}/tests/before", Answers(content.ItemBank, Wrong));
        return (user, client, content);
    }

    [Fact]
    public async Task Learner_WorksThroughTheCourse_IsToldWhatIsMissing_FailsThenPassesThePostTest_AndCompletes()
    {
        var (user, client, content) = await StartedLearnerAsync();

        var refused = await PostAsync(client, $"{Course}?handler=Complete", [], HttpStatusCode.OK);
        Assert.Contains("You cannot complete this course yet", refused, StringComparison.Ordinal);
        Assert.Contains($"complete 2 lessons ‘{content.Lessons.First().Title}’", refused, StringComparison.Ordinal);
        Assert.Contains("answer the knowledge check", refused, StringComparison.Ordinal);
        var closed = await AppFixture.TextAsync(await client.GetAsync($"{Course}/tests/after"));
        Assert.Contains("opens when you have taken the test at the start", closed, StringComparison.Ordinal);

        foreach (var m in content.Modules)
        {
            foreach (var l in m.Lessons) await PostAsync(client, $"{Course}/lessons/{l.Key}", []);
            Assert.Equal($"{Course}/checks/{m.Key}#feedback", await PostAsync(client, $"{Course}/checks/{m.Key}", Answers(m.KnowledgeCheck, q => q.CorrectOption)));
        }
        var feedback = await AppFixture.TextAsync(await client.GetAsync($"{Course}/checks/{content.Modules[0].Key}"));
        Assert.Contains(content.Modules[0].KnowledgeCheck[0].Feedback, feedback, StringComparison.Ordinal);

        // Below the pass mark: refused, with the score and the mark.
        Assert.Equal($"{Course}/tests/after", await PostAsync(client, $"{Course}/tests/after", Answers(content.ItemBank, Wrong)));
        var failed = await AppFixture.TextAsync(await client.GetAsync($"{Course}/tests/after"));
        Assert.Contains($"You scored 0% (0 out of {content.ItemBank.Count}). The pass mark is {content.PassMarkPercent}%.", failed, StringComparison.Ordinal);
        var stillMissing = await PostAsync(client, $"{Course}?handler=Complete", [], HttpStatusCode.OK);
        Assert.Contains($"your best score is 0% and the pass mark is {content.PassMarkPercent}%", stillMissing, StringComparison.Ordinal);

        await PostAsync(client, $"{Course}/tests/after", Answers(content.ItemBank, q => q.CorrectOption));
        await PostAsync(client, $"{Course}/attitudes/after", content.Attitudes.Items.ToDictionary(i => $"Answers[{i.Key}]", i => i.Reversed ? "1" : "5"));
        Assert.Equal($"{Course}/evaluation", await PostAsync(client, $"{Course}?handler=Complete", []));

        var done = (await EnrolmentOfAsync(user))!;
        Assert.NotNull(done.CompletedAt);
        var (pre, post, after) = await app.Factory.WithDbAsync(async db => (
            await db.KnowledgeTestAttempts.SingleAsync(a => a.EnrolmentId == done.Id && a.Phase == TestPhase.Before),
            await db.KnowledgeTestAttempts.Where(a => a.EnrolmentId == done.Id && a.Phase == TestPhase.After).OrderBy(a => a.Percent).ToListAsync(),
            await db.AttitudeResponses.SingleAsync(a => a.EnrolmentId == done.Id && a.Phase == TestPhase.After)));
        Assert.Equal(0, pre.Percent);
        Assert.Equal([0, 100], post.Select(p => p.Percent));
        Assert.All(CourseDocument.DeserializeScores(after.ScoresJson), s => Assert.Equal(5m, s.Mean));
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "training.complete" && a.UserId == user.Id)));

        await PostAsync(client, $"{Course}/evaluation", new() { ["Relevance"] = "5", ["Clarity"] = "4", ["Confidence"] = "4", ["Recommend"] = "5" });
        var mine = await AppFixture.TextAsync(await client.GetAsync("/training"));
        Assert.Contains("Completed", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersOutsideTheOfferedOptions_AreRefused_AndNothingIsSaved()
    {
        var (user, client, content) = await StartedLearnerAsync();
        var module = content.Modules[0];
        var answers = Answers(module.KnowledgeCheck, q => q.CorrectOption);
        answers[$"Answers[{module.KnowledgeCheck[0].Key}]"] = "z";
        var page = await PostAsync(client, $"{Course}/checks/{module.Key}", answers, HttpStatusCode.OK);
        Assert.Contains("Question 1: select one of the answers offered", page, StringComparison.Ordinal);

        var attitudes = await PostAsync(client, $"{Course}/tests/before", Answers(content.ItemBank, q => q.CorrectOption), HttpStatusCode.OK);
        Assert.Contains("You have already taken the knowledge test at the start", attitudes, StringComparison.Ordinal);

        var enrolment = (await EnrolmentOfAsync(user))!;
        Assert.Equal(0, await app.Factory.WithDbAsync(db => db.CheckAnswers.CountAsync(a => a.EnrolmentId == enrolment.Id)));
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.KnowledgeTestAttempts.CountAsync(a => a.EnrolmentId == enrolment.Id)));
    }

    [Fact]
    public async Task ALearnerOnVersion1_KeepsIt_AfterVersion2IsPublished_WhileNewLearnersGetVersion2()
    {
        var (early, earlyClient, v1) = await StartedLearnerAsync();
        var lesson = v1.Lessons.First();
        var coordinator = await app.PagesAsync(StaffRole.TrainingCoordinator);

        var draftUrl = await PostAsync(coordinator, $"/training/manage?handler=Draft&slug={Slug}", [], HttpStatusCode.Redirect);
        Assert.Equal($"/training/manage/courses/{Slug}/draft", draftUrl);
        var edit = $"{draftUrl}/lessons/{lesson.Key}";
        var draftVersion = await app.Factory.WithDbAsync(db => db.CourseVersions.SingleAsync(v => v.Status == CourseVersionStatus.Draft));

        // Preview renders without saving; raw HTML is shown as text, never run.
        var preview = await PostAsync(coordinator, edit, new()
        {
            ["Title"] = "Revised title", ["Minutes"] = "12", ["Markdown"] = "## Revised\n\n<script>alert(1)</script> *new*", ["Version"] = draftVersion.Version.ToString(),
            ["Action"] = "preview",
        }, HttpStatusCode.OK);
        Assert.Contains("Preview (not saved)", preview, StringComparison.Ordinal);
        Assert.Contains("<em>new</em>", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", await (await coordinator.GetAsync(edit)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A stale version is refused; the current one saves.
        var stale = await PostAsync(coordinator, edit, new()
        {
            ["Title"] = "Revised title", ["Minutes"] = "12", ["Markdown"] = "## Revised\n\nText.", ["Version"] = (draftVersion.Version - 1).ToString(), ["Action"] = "save",
        }, HttpStatusCode.OK);
        Assert.Contains("Someone else changed this draft", stale, StringComparison.Ordinal);
        await PostAsync(coordinator, edit, new()
        {
            ["Title"] = "Revised title", ["Minutes"] = "12", ["Markdown"] = "## Revised\n\nText.", ["Version"] = draftVersion.Version.ToString(), ["Action"] = "save",
        });
        var saved = await app.Factory.WithDbAsync(db => db.CourseVersions.SingleAsync(v => v.Id == draftVersion.Id));
        await PostAsync(coordinator, $"{draftUrl}?handler=Publish", new() { ["Version"] = saved.Version.ToString() });

        var earlyLesson = await AppFixture.TextAsync(await earlyClient.GetAsync($"{Course}/lessons/{lesson.Key}"));
        Assert.Contains(lesson.Title, earlyLesson, StringComparison.Ordinal);
        Assert.DoesNotContain("Revised title", earlyLesson, StringComparison.Ordinal);
        Assert.Contains($"Version {draftVersion.Number - 1}", await AppFixture.TextAsync(await earlyClient.GetAsync(Course)), StringComparison.Ordinal);

        var late = await app.NewStaffAsync(StaffRole.OffenderManager, app.World.TeamA.Id);
        var lateClient = await app.SignedInAsync(late);
        await PostAsync(lateClient, $"{Course}?handler=Enrol", []);
        Assert.Equal(draftVersion.Id, (await EnrolmentOfAsync(late))!.CourseVersionId);
        Assert.Contains("Revised title", await AppFixture.TextAsync(await lateClient.GetAsync($"{Course}/lessons/{lesson.Key}")), StringComparison.Ordinal);
        Assert.Equal(v1.Title, (await ContentOfAsync((await EnrolmentOfAsync(early))!.CourseVersionId)).Title);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "training.course.publish" && a.EntityId == draftVersion.Id.ToString())));
    }

    [Fact]
    public async Task ATrainingOnlyAccount_SeesTraining_ButNoCasePageOrApi()
    {
        var user = await app.NewStaffAsync(StaffRole.Learner, null);
        var client = await app.SignedInAsync(user);
        var home = await AppFixture.TextAsync(await client.GetAsync("/training"));
        Assert.Contains("Other staff and partner agencies", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/cases\"", home, StringComparison.Ordinal);
        foreach (var path in new[] { "/cases", $"/cases/{app.World.InScope.Id}", "/training/manage", "/training/manage/groups" })
        {
            var res = await client.GetAsync(path);
            Assert.True(res.StatusCode == HttpStatusCode.Redirect && res.Headers.Location!.ToString().Contains("access-denied", StringComparison.Ordinal), $"{path}: {res.StatusCode}");
        }
        using var api = await app.ApiAsAsync(user);
        // The API's case list answers every signed-in caller with the cases they may see: none at all.
        var list = await api.GetAsync("/api/v1/cases");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain(app.World.InScope.Crn, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/cases/{app.World.InScope.Id}")).StatusCode);
    }

    [Fact]
    public async Task ACoordinator_CanPlaceSomeoneInAnotherGroup_WhichChangesTheirRequiredCourses()
    {
        var user = await app.NewStaffAsync(StaffRole.Psychologist, app.World.Service.Id);
        var coordinator = await app.PagesAsync(StaffRole.TrainingCoordinator);
        var bad = await PostAsync(coordinator, "/training/manage/groups?handler=Assign", new() { ["Email"] = "nobody@test.pathway.example", ["GroupKey"] = "ppu" }, HttpStatusCode.OK);
        Assert.Contains("There is no member of staff with this email address", bad, StringComparison.Ordinal);
        await PostAsync(coordinator, "/training/manage/groups?handler=Assign", new() { ["Email"] = user.Email!, ["GroupKey"] = StaffGroups.PublicProtectionUnit });
        var client = await app.SignedInAsync(user);
        Assert.Contains("Public protection unit", await AppFixture.TextAsync(await client.GetAsync("/training")), StringComparison.Ordinal);
    }
}

public sealed class TrainingTestsSqlite(SqliteApp app) : TrainingTests(app), IClassFixture<SqliteApp>;

public sealed class TrainingTestsPostgres(PostgresApp app) : TrainingTests(app), IClassFixture<PostgresApp>;
