using Microsoft.Playwright;
using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Compliance;

/// <summary>The recall consideration pages, checked with axe for WCAG 2.2 AA, and the guided record started and filled in a browser.</summary>
public sealed class RecallPageTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/recall/{consideration}")]
    [InlineData(StaffRole.SeniorProbationOfficer, "/cases/{case}/recall/{consideration}/countersign")]
    [InlineData(StaffRole.OffenderManager, "/cases/{case}/recall/{consideration}/record-recall")]
    [InlineData(StaffRole.SeniorProbationOfficer, "/recall")]
    [InlineData(StaffRole.ServiceManager, "/recall/service")]
    public async Task Page_HasNoAxeViolations(StaffRole role, string template)
    {
        var w = app.World;
        var path = template.Replace("{case}", w.InScope.Id.ToString(), StringComparison.Ordinal)
            .Replace("{consideration}", w.RecordIds["considerationId"].InScope.ToString(), StringComparison.Ordinal);
        var page = await app.NewPageAsync(role);
        Assert.Equal(200, (await page.GotoAsync(path))!.Status);
        await page.AssertAccessibleAsync(output, template);
    }

    [Fact]
    public async Task TheOfficerStartsAConsideration_AndEveryStepIsAccessible_ErrorsIncluded()
    {
        var caseId = app.World.InScope.Id;
        var page = await app.NewPageAsync(StaffRole.OffenderManager);
        await page.GotoAsync($"/cases/{caseId}/compliance");
        await page.GetByTestId("consider-recall").ClickAsync();
        await page.AssertAccessibleAsync(output, "start");
        await page.GetByLabel("Contact has stopped", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start considering recall" }).ClickAsync();
        await Expect(page.GetByTestId("recall-tasks")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync(output, "task list");
        var record = page.Url;

        await page.GetByRole(AriaRole.Link, new() { Name = "Why recall is being considered and conditions breached" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and return" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose the licence conditions");
        await page.AssertAccessibleAsync(output, "circumstances with errors");
        await page.GetByLabel("What has happened").FillAsync("Missed two appointments.");
        await page.GetByLabel("Current risk").FillAsync("Unchanged.");
        await page.GetByLabel("Curfew 9pm to 6am.", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and return" }).ClickAsync();
        await Expect(page.GetByTestId("recall-tasks")).ToBeVisibleAsync();

        await page.GotoAsync(record + "/alternatives");
        await page.AssertAccessibleAsync(output, "alternatives");
        await page.Locator("#Input_Agreed-2").CheckAsync();
        await page.Locator("#Input_Tried_0__Outcome").SelectOptionAsync("DidNotHelp");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and return" }).ClickAsync();
        await Expect(page.GetByTestId("not-yet-tried")).ToContainTextAsync("Increased reporting");
        await page.AssertAccessibleAsync(output, "task list with agreed alternatives not yet tried");

        await page.GotoAsync(record + "/consultation");
        await page.AssertAccessibleAsync(output, "consultation (officer)");
        await page.GotoAsync(record + "/submit");
        await Expect(page.GetByTestId("missing")).ToContainTextAsync("psychologist");
        await page.AssertAccessibleAsync(output, "check and send");

        var spo = await app.NewPageAsync(StaffRole.SeniorProbationOfficer);
        await spo.GotoAsync(record + "/decision");
        await spo.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(spo.Locator(".govuk-error-summary")).ToContainTextAsync("psychologist");
        await spo.AssertAccessibleAsync(output, "decision refused with what is missing");
    }
}
