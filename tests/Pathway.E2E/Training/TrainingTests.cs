using Microsoft.Playwright;
using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Training;

/// <summary>A training-only learner starts the first course, reads a lesson and answers a knowledge check; every page is scanned with axe.</summary>
public sealed class TrainingTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Course = "/training/courses/understanding-personality-disorder";

    [Fact]
    public async Task Learner_StartsTheCourse_ReadsALesson_AndAnswersAKnowledgeCheck()
    {
        var page = await app.NewPageAsync(StaffRole.Learner);
        await page.GotoAsync("/training");
        await Expect(page.GetByTestId("training-group")).ToHaveTextAsync("Other staff and partner agencies");
        await page.AssertAccessibleAsync(output, "your training");

        await page.GetByRole(AriaRole.Link, new() { Name = "Understanding personality disorder: a DBT-informed approach", Exact = true }).ClickAsync();
        await page.AssertAccessibleAsync(output, "course overview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start course" }).ClickAsync();

        // Views at the start: submitting nothing shows an accessible error summary first.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/attitudes/before$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my answers" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync(output, "attitudes with errors");
        foreach (var radio in await page.Locator("input[type=radio][value='4']").AllAsync()) await radio.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my answers" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tests/before$"));
        await page.AssertAccessibleAsync(output, "knowledge test at the start");
        foreach (var group in await page.Locator(".govuk-radios").AllAsync()) await group.Locator("input[type=radio]").First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit answers" }).ClickAsync();

        // The first lesson: rendered Markdown with headings below the page heading, then marked complete.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What personality disorder is", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("lesson-body").GetByRole(AriaRole.Heading, new() { Name = "Why this course matters to your work", Level = 2 })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync(output, "lesson");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as complete and continue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recognising it in behaviour, emotions and thinking", Level = 1 })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync(output, "lesson with a vignette");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as complete and continue" }).ClickAsync();

        // The module's knowledge check, with feedback.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Knowledge check", Level = 1 })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync(output, "knowledge check");
        await page.GetByLabel("The patterns are long-standing, show up in many settings and cause significant distress or harm").CheckAsync();
        await page.GetByLabel("Note that the person was being manipulative").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check my answers" }).ClickAsync();
        await Expect(page.GetByTestId("success")).ToContainTextAsync("You got 1 of 2 right");
        await Expect(page.GetByTestId("feedback-kc-recognising-1")).ToContainTextAsync("correct");
        await Expect(page.GetByTestId("feedback-kc-recognising-2")).ToContainTextAsync("not quite");
        await page.AssertAccessibleAsync(output, "knowledge check with feedback");

        await page.GotoAsync(Course);
        await Expect(page.GetByTestId("progress")).ToContainTextAsync("% done");
    }

    [Theory]
    [InlineData("/training/manage")]
    [InlineData("/training/manage/groups")]
    [InlineData("/training/manage/courses/understanding-personality-disorder/draft")]
    public async Task CoordinatorPage_HasNoAxeViolations(string path)
    {
        var page = await app.NewPageAsync(StaffRole.TrainingCoordinator);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await page.AssertAccessibleAsync(output, path);
    }

    [Fact]
    public async Task Coordinator_EditsALessonInADraft_AndPreviewsItWithoutJavaScript()
    {
        var page = await app.NewPageAsync(StaffRole.TrainingCoordinator, javaScript: false);
        await page.GotoAsync("/training/manage");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a new version" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit lesson What personality disorder is" }).ClickAsync();
        await page.GetByLabel("Lesson text (Markdown)").FillAsync("## A new section\n\n- first point\n- second point");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        // axe needs scripts, so this no-JavaScript run checks the preview's structure only; the lesson scans above cover its markup.
        await Expect(page.GetByTestId("preview").GetByRole(AriaRole.Heading, new() { Name = "A new section", Level = 4 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("preview").Locator("ul.govuk-list--bullet li")).ToHaveCountAsync(2);
    }
}
