using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.CarePlans;

/// <summary>
/// The goals and actions pages of a care plan (a signed version, and a draft with its forms, error summaries and the
/// row pages), checked with axe for WCAG 2.2 AA and used the way a psychologist would (plain form posts).
/// </summary>
public sealed class CarePlanRowsAccessibilityTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("/cases/{case}/care-plans/{plan}/goals")]
    [InlineData("/cases/{case}/care-plans/{plan}/goals/{goal}")]
    [InlineData("/cases/{case}/care-plans/{plan}/actions")]
    [InlineData("/cases/{case}/care-plans/{plan}/actions/{action}")]
    public async Task SignedVersion_RowPages_HaveNoAxeViolations(string template)
    {
        var w = app.World;
        var path = template
            .Replace("{case}", w.InScope.Id.ToString(), StringComparison.Ordinal)
            .Replace("{plan}", w.Plans[w.InScope.Id].Id.ToString(), StringComparison.Ordinal)
            .Replace("{goal}", w.RecordIds["goalId"].InScope.ToString(), StringComparison.Ordinal)
            .Replace("{action}", w.RecordIds["planActionId"].InScope.ToString(), StringComparison.Ordinal);
        var page = await app.NewPageAsync(StaffRole.Psychologist);
        Assert.Equal(200, (await page.GotoAsync(path))!.Status);
        await page.AssertAccessibleAsync(output, template);
    }

    [Fact]
    public async Task Draft_AddGoalAndAction_WithErrorsThenValid_RowPagesAndErrorSummaries_HaveNoAxeViolations()
    {
        var w = app.World;
        var caseId = w.InScope.Id;
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", w.Tokens[StaffRole.Psychologist]);
        var started = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/care-plans", new { reason = "Browser test draft" });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        var planId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var page = await app.NewPageAsync(StaffRole.Psychologist);

        await page.GotoAsync($"/cases/{caseId}/care-plans/{planId}/goals");
        await page.AssertAccessibleAsync(output, "draft goals");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the goal" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the goal in the person's own words");
        await page.AssertAccessibleAsync(output, "draft goals with errors");

        await page.GetByLabel("Area of need").SelectOptionAsync("Relationships");
        await page.GetByLabel("The goal in the person's own words").FillAsync("Stay calm when plans change");
        await page.GetByLabel("SMART description").FillAsync("No threats to staff over the next eight weeks");
        var target = DateTime.UtcNow.AddMonths(2);
        await page.Locator("[name='TargetDate.Day']").FillAsync(target.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("[name='TargetDate.Month']").FillAsync(target.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("[name='TargetDate.Year']").FillAsync(target.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the goal" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Goal added");

        await page.GetByRole(AriaRole.Link, new() { Name = "Change or update the status of “Stay calm when plans change”" }).ClickAsync();
        await page.AssertAccessibleAsync(output, "draft goal");
        await page.GetByLabel("Removed").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the status" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync(output, "draft goal with a status error");

        await page.GotoAsync($"/cases/{caseId}/care-plans/{planId}/actions");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what will be done");
        await page.AssertAccessibleAsync(output, "draft actions with errors");
        await page.GetByLabel("What will be done").FillAsync("Three-way meeting before any change of key worker");
        await page.GetByLabel("Who will do it").FillAsync("AP key worker");
        await page.GetByLabel("When", new() { Exact = true }).FillAsync("Monthly");
        await page.GetByLabel("Not started").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Action added");
        await page.AssertAccessibleAsync(output, "draft actions");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change action: Three-way meeting before any change of key worker" }).ClickAsync();
        await Expect(page.GetByLabel("Who will do it")).ToHaveValueAsync("AP key worker");
        await page.AssertAccessibleAsync(output, "draft action");
    }
}
