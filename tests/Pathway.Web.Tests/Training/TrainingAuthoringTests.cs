using System.Net;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Data.Training;
using Pathway.Domain.Staff;
using Pathway.Domain.Training;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Training;

/// <summary>Authoring beyond lesson text: modules, questions, the pass mark and the attitudes questionnaire, all into the draft.</summary>
public abstract class TrainingAuthoringTests(AppFixture app)
{
    private const string Slug = CourseContentFiles.FirstCourseSlug;
    private const string Draft = $"/training/manage/courses/{Slug}/draft";

    private Task<CourseVersion> DraftAsync() => app.Factory.WithDbAsync(db => db.CourseVersions.AsNoTracking().SingleAsync(v => v.Status == CourseVersionStatus.Draft));

    private async Task<(int Version, CourseContent Content)> DraftContentAsync()
    {
        var d = await DraftAsync();
        return (d.Version, CourseDocument.Deserialize(d.ContentJson));
    }

    private static async Task<string> PostAsync(HttpClient client, string path, Dictionary<string, string> fields, HttpStatusCode expected = HttpStatusCode.Redirect, string? formPage = null)
    {
        var res = await AppFixture.PostFormAsync(client, path, fields, formPage);
        var text = await AppFixture.TextAsync(res);
        Assert.True(res.StatusCode == expected, $"POST {path}: {res.StatusCode}, expected {expected}. {text[..Math.Min(text.Length, 600)]}");
        return res.StatusCode == HttpStatusCode.Redirect ? res.Headers.Location!.ToString() : text;
    }

    private async Task<string> ActAsync(HttpClient client, string handlerAndRoute, HttpStatusCode expected = HttpStatusCode.Redirect, int? version = null) =>
        await PostAsync(client, $"{Draft}?handler={handlerAndRoute}", new() { ["Version"] = (version ?? (await DraftAsync()).Version).ToString() }, expected, Draft);

    [Fact]
    public async Task Coordinator_ReordersAndAddsContent_WithValidation_AndPublishing_MakesANewVersion_WhileALearnerPartWayKeepsTheirs()
    {
        var learner = await app.NewStaffAsync(StaffRole.Learner, null);
        var learnerClient = await app.SignedInAsync(learner);
        await PostAsync(learnerClient, $"/training/courses/{Slug}?handler=Enrol", []);
        var pinned = await app.Factory.WithDbAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.UserId == learner.Id));

        var coordinator = await app.PagesAsync(StaffRole.TrainingCoordinator);
        Assert.Equal(Draft, await PostAsync(coordinator, $"/training/manage?handler=Draft&slug={Slug}", []));
        var (v0, start) = await DraftContentAsync();
        var modules = start.Modules.Select(m => m.Key).ToList();

        // Reorder: the second module moves up; a click from a stale page changes nothing.
        await ActAsync(coordinator, $"MoveModule&moduleKey={modules[1]}&by=-1", version: v0);
        var stale = await ActAsync(coordinator, $"MoveModule&moduleKey={modules[1]}&by=1", HttpStatusCode.OK, v0);
        Assert.Contains("Someone else changed this draft", stale, StringComparison.Ordinal);
        var (_, moved) = await DraftContentAsync();
        Assert.Equal([modules[1], modules[0], .. modules.Skip(2)], moved.Modules.Select(m => m.Key));
        var firstLessons = moved.Modules[0].Lessons.Select(l => l.Key).ToList();
        if (firstLessons.Count > 1)
        {
            await ActAsync(coordinator, $"MoveLesson&lessonKey={firstLessons[1]}&by=-1");
            Assert.Equal(firstLessons[1], (await DraftContentAsync()).Content.Modules[0].Lessons[0].Key);
        }

        // A new knowledge-test question: refused with one answer, saved with two and one correct.
        var questionUrl = await ActAsync(coordinator, "AddQuestion");
        Assert.Equal($"{Draft}/questions/new-question-1", questionUrl);
        var refused = await PostAsync(coordinator, questionUrl, new()
        {
            ["Text"] = "Which skill helps someone get through a crisis without making it worse?", ["Options[0]"] = "Distress tolerance", ["Options[1]"] = "",
            ["Correct"] = "b", ["Feedback"] = "", ["Version"] = (await DraftAsync()).Version.ToString(),
        }, HttpStatusCode.OK);
        Assert.Contains("Enter at least two answers", refused, StringComparison.Ordinal);
        Assert.Contains("The correct answer must be one of the answers you entered", refused, StringComparison.Ordinal);
        await PostAsync(coordinator, questionUrl, new()
        {
            ["Text"] = "Which skill helps someone get through a crisis without making it worse?", ["Options[0]"] = "Chain analysis", ["Options[1]"] = "Distress tolerance",
            ["Correct"] = "b", ["Feedback"] = "Distress tolerance skills are for getting through a crisis.", ["Version"] = (await DraftAsync()).Version.ToString(),
        });

        // The pass mark.
        var badMark = await PostAsync(coordinator, $"{Draft}/settings", new() { ["PassMark"] = "150", ["Version"] = (await DraftAsync()).Version.ToString() }, HttpStatusCode.OK);
        Assert.Contains("The pass mark must be between 1% and 100%", badMark, StringComparison.Ordinal);
        await PostAsync(coordinator, $"{Draft}/settings", new() { ["PassMark"] = "80", ["Version"] = (await DraftAsync()).Version.ToString() });

        // An attitude statement, reverse-scored, in the second subscale.
        var statementUrl = await PostAsync(coordinator, $"{Draft}/attitudes?handler=AddStatement", new() { ["Version"] = (await DraftAsync()).Version.ToString() }, formPage: $"{Draft}/attitudes");
        var subscale = start.Attitudes.Subscales[1].Key;
        var noSubscale = await PostAsync(coordinator, statementUrl, new() { ["Text"] = "Boundaries are unkind.", ["Subscale"] = "made-up", ["Reversed"] = "yes", ["Version"] = (await DraftAsync()).Version.ToString() }, HttpStatusCode.OK);
        Assert.Contains("Select one of the subscales listed", noSubscale, StringComparison.Ordinal);
        await PostAsync(coordinator, statementUrl, new() { ["Text"] = "Boundaries are unkind.", ["Subscale"] = subscale, ["Reversed"] = "yes", ["Version"] = (await DraftAsync()).Version.ToString() });
        var inUse = await PostAsync(coordinator, $"{Draft}/attitudes?handler=RemoveSubscale&subscaleKey={subscale}", new() { ["Version"] = (await DraftAsync()).Version.ToString() },
            HttpStatusCode.OK, $"{Draft}/attitudes");
        Assert.Contains("belong to this subscale: move or remove them first", inUse, StringComparison.Ordinal);

        // Nothing reaches learners until publishing; then new enrolments get the new version and the learner keeps theirs.
        Assert.NotEqual(80,
            CourseDocument.Deserialize((await app.Factory.WithDbAsync(db => db.CourseVersions.AsNoTracking().SingleAsync(v => v.Id == pinned.CourseVersionId))).ContentJson).PassMarkPercent);
        var draft = await DraftAsync();
        await PostAsync(coordinator, $"{Draft}?handler=Publish", new() { ["Version"] = draft.Version.ToString() }, formPage: Draft);
        var course = await app.Factory.WithDbAsync(db => db.Courses.AsNoTracking().SingleAsync(c => c.Slug == Slug));
        Assert.Equal(draft.Id, course.CurrentVersionId);
        var published = CourseDocument.Deserialize(draft.ContentJson);
        Assert.Equal(80, published.PassMarkPercent);
        Assert.Equal(start.ItemBank.Count + 1, published.ItemBank.Count);
        Assert.Equal("b", published.Question("new-question-1")!.CorrectOption);
        Assert.Contains(published.Attitudes.Items, i => i.Text == "Boundaries are unkind." && i.Reversed && i.Subscale == subscale);
        Assert.Equal(pinned.CourseVersionId, (await app.Factory.WithDbAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.UserId == learner.Id))).CourseVersionId);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "training.course.update" && a.EntityId == draft.Id.ToString())) >= 5);
    }

    [Fact]
    public async Task Removing_TheLastTestQuestion_OrAMissingModule_IsRefused_WithAClearMessage()
    {
        var coordinator = await app.PagesAsync(StaffRole.TrainingCoordinator);
        if (await app.Factory.WithDbAsync(db => db.CourseVersions.AnyAsync(v => v.Status == CourseVersionStatus.Draft)) is false)
            await PostAsync(coordinator, $"/training/manage?handler=Draft&slug={Slug}", []);
        var (_, c) = await DraftContentAsync();
        foreach (var q in c.ItemBank.Skip(1)) await ActAsync(coordinator, $"RemoveQuestion&questionKey={q.Key}");
        var last = await ActAsync(coordinator, $"RemoveQuestion&questionKey={c.ItemBank[0].Key}", HttpStatusCode.OK);
        Assert.Contains("The knowledge test needs at least one question", last, StringComparison.Ordinal);
        Assert.Single((await DraftContentAsync()).Content.ItemBank);
    }
}

public sealed class TrainingAuthoringTestsSqlite(SqliteApp app) : TrainingAuthoringTests(app), IClassFixture<SqliteApp>;

public sealed class TrainingAuthoringTestsPostgres(PostgresApp app) : TrainingAuthoringTests(app), IClassFixture<PostgresApp>;
