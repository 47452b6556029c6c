using System.Net;
using System.Text.RegularExpressions;
using Pathway.Web.Features.Home;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Home;

/// <summary>The privacy notice page is the governance document, open to anyone, and never shows an internal marker.</summary>
public sealed class PrivacyNoticeTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Anonymous_ReadsTheNotice_WithEverySectionOfTheDocument()
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync("/privacy");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await AppFixture.TextAsync(response);

        Assert.Contains("<h1 class=\"govuk-heading-l\">How we use your information</h1>", html);
        foreach (Match m in Regex.Matches(PrivacyNotice.Markdown, "^## (.+)$", RegexOptions.Multiline))
            Assert.Contains($">{m.Groups[1].Value.Trim()}</h2>", html);
        Assert.Contains("6(1)(e)", html);
        Assert.Contains("9(2)(h)", html);
        Assert.Contains("20 years after our last contact", html);
        Assert.DoesNotContain("[check", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Part 3", html);
    }

    [Fact]
    public async Task EveryPage_LinksToTheNotice_FromItsFooter()
    {
        using var client = app.Anonymous();
        var html = await AppFixture.TextAsync(await client.GetAsync("/account/sign-in"));
        Assert.Matches("<footer[\\s\\S]*href=\"/privacy\"[\\s\\S]*</footer>", html);
        using var signedIn = await app.PagesAsync(Pathway.Domain.Staff.StaffRole.Psychologist);
        Assert.Matches("<footer[\\s\\S]*href=\"/privacy\"[\\s\\S]*</footer>", await AppFixture.TextAsync(await signedIn.GetAsync("/")));
    }
}
