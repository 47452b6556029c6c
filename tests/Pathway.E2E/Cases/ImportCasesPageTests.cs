using System.Text;
using Microsoft.Playwright;
using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;

namespace Pathway.E2E.Cases;

/// <summary>
/// The administrators' case import: upload, a report with problems, a clean dry run, then confirm;
/// each step checked with axe and shot at 1280 and 390 px.
/// </summary>
public sealed class ImportCasesPageTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Header = "crn,given_name,family_name,date_of_birth,gender,ethnicity,team,offender_manager_email,rosh,mappa_category,mappa_level,flags,licence_start,licence_end,sentence_expiry,sentence_type,sentence_length_months";

    private static string Row(string crn, string dob = "1990-01-02") =>
        $"{crn},Ada,Import,{dob},Female,WhiteBritish,Alpha Probation,offendermanager@test.pathway.example,High,2,1,selfHarm,2026-01-10,2027-01-10,2027-07-10,StandardDeterminate,36";

    [Fact]
    public async Task CheckThenImport()
    {
        // With scripts on, so axe can run; the flow is plain forms (the HTTP tests post them as a browser without scripts would).
        var page = await app.NewPageAsync(StaffRole.Administrator);
        await page.GotoAsync("/manage/import-cases");
        await ShootAsync(page, "upload");

        var crns = Enumerable.Range(0, 3).Select(_ => "E" + Random.Shared.Next(0, 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        await UploadAsync(page, Header + "\n" + Row(crns[0]) + "\nBAD1,Bo,,1990-13-40,Male,NotStated,Nowhere,,Huge,,,,,,,,\n");
        await Assertions.Expect(page.GetByTestId("problems")).ToContainTextAsync("date_of_birth");
        await ShootAsync(page, "problems");

        await UploadAsync(page, Header + "\n" + string.Join("\n", crns.Select(c => Row(c))) + "\n");
        await Assertions.Expect(page.GetByTestId("count-created")).ToHaveTextAsync("3 rows");
        await ShootAsync(page, "dry-run");

        await page.GetByTestId("confirm-import").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import finished" })).ToBeVisibleAsync();
        await ShootAsync(page, "summary");
    }

    private static async Task UploadAsync(IPage page, string csv)
    {
        await page.GotoAsync("/manage/import-cases");
        await page.Locator("#File").SetInputFilesAsync(new FilePayload { Name = "extract.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
    }

    private async Task ShootAsync(IPage page, string name)
    {
        await page.AssertAccessibleAsync(output, "/manage/import-cases " + name);
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            Directory.CreateDirectory(BrowserApp.ScreenshotFolder);
            var file = Path.Combine(BrowserApp.ScreenshotFolder, $"import-cases-{name}-{width}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            output.WriteLine($"screenshot: {file}");
        }
        await page.SetViewportSizeAsync(1280, 900);
    }
}
