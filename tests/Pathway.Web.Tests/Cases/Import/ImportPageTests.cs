using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Cases.Import;

/// <summary>The administrators' upload page: only administrators open it; a file is checked first, then imported on confirm, without JavaScript.</summary>
public sealed partial class ImportPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Page = "/manage/import-cases";

    [Theory]
    [InlineData(StaffRole.OffenderManager)]
    [InlineData(StaffRole.ClinicalLead)]
    public async Task OnlyAdministrators_OpenTheImportPage(StaffRole role)
    {
        var client = await app.PagesAsync(role);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.PagesAsync(StaffRole.Administrator)).GetAsync(Page)).StatusCode);
    }

    [Fact]
    public async Task CheckThenConfirm_ImportsExactlyTheCheckedFile()
    {
        var client = await app.PagesAsync(StaffRole.Administrator);
        var crn = ImportCasesTests.NewCrn();
        var csv = ImportCasesTests.Header + "\n" + ImportCasesTests.Row(crn) + "\n";

        var check = await PostFileAsync(client, csv);
        var html = await check.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains("Check the import", html, StringComparison.Ordinal);
        Assert.Contains(crn, html, StringComparison.Ordinal);
        Assert.False(await app.Factory.WithDbAsync(db => db.Cases.AnyAsync(c => c.Crn == crn)));

        var sealedFile = WebUtility.HtmlDecode(CheckedPattern().Match(html).Groups[1].Value);
        var confirm = await client.PostAsync(Page + "?handler=Import", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Checked"] = sealedFile, ["__RequestVerificationToken"] = Token(html),
        }));
        Assert.Contains("Import finished", await confirm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await app.Factory.WithDbAsync(db => db.Cases.AnyAsync(c => c.Crn == crn)));

        var tampered = await client.PostAsync(Page + "?handler=Import", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Checked"] = sealedFile[..^8] + "AAAAAAA=", ["__RequestVerificationToken"] = Token(html),
        }));
        Assert.Contains("expired or was changed", await tampered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileWithProblems_ListsThemByRowAndColumn_AndOffersNoImport()
    {
        var client = await app.PagesAsync(StaffRole.Administrator);
        var html = await (await PostFileAsync(client, ImportCasesTests.Header + "\n" + ImportCasesTests.Row("BAD") + "\n")).Content.ReadAsStringAsync();

        Assert.Contains("<code>crn</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("confirm-import", html, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string csv)
    {
        var form = await (await client.GetAsync(Page)).Content.ReadAsStringAsync();
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "extract.csv");
        content.Add(new StringContent(Token(form)), "__RequestVerificationToken");
        return await client.PostAsync(Page + "?handler=Check", content);
    }

    private static string Token(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"Checked\" value=\"([^\"]+)\"")]
    private static partial Regex CheckedPattern();
}
