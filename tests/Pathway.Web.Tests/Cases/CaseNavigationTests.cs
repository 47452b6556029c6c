using System.Net;
using System.Text.RegularExpressions;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Cases;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Cases;

/// <summary>The case's sub-navigation: a row of groups, and the pages of the group shown beneath it.</summary>
public abstract partial class CaseNavigationTests(AppFixture app)
{
    public static TheoryData<CaseTab> EveryTab() => [.. CaseHeader.Tabs.Select(t => t.Tab)];

    [Theory]
    [MemberData(nameof(EveryTab))]
    public async Task EveryCasePage_MarksExactlyOneGroup_AndItsPage(CaseTab tab)
    {
        // The clinical lead sees every page: the access log is theirs, and they may edit the case (so see Sharing).
        var c = app.World.InScope;
        var page = CaseHeader.Tabs.Single(t => t.Tab == tab);
        var group = CaseHeader.Groups.Single(g => g.Pages.Contains(page));
        var res = await (await app.PagesAsync(StaffRole.ClinicalLead)).GetAsync($"/cases/{c.Id}{page.Path}");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var html = await res.Content.ReadAsStringAsync();

        var groups = Nav(html, "case-groups");
        Assert.Equal(CaseHeader.Groups.Count, Links(groups).Count);
        var current = Links(groups).Where(l => l.Current is not null).ToList();
        Assert.Single(current);
        Assert.Equal(group.Text, current[0].Text);
        Assert.Equal($"/cases/{c.Id}{group.Pages[0].Path}", current[0].Href);

        if (group.Pages.Count == 1)
        {
            Assert.Equal("page", current[0].Current);
            Assert.DoesNotContain("data-testid=\"case-pages\"", html, StringComparison.Ordinal);
            return;
        }
        Assert.Equal("true", current[0].Current);
        var pages = Links(Nav(html, "case-pages"));
        Assert.Equal(group.Pages.Select(p => p.Text), pages.Select(p => p.Text));
        var shown = Assert.Single(pages, p => p.Current is not null);
        Assert.Equal(("page", page.Text, $"/cases/{c.Id}{page.Path}"), (shown.Current, shown.Text, shown.Href));
    }

    [Fact]
    public async Task RecordGroup_ShowsTheAccessLogToTheClinicalLead_AndSharingToEditors_Only()
    {
        var c = app.World.InScope;
        async Task<IReadOnlyList<string>> RecordPages(StaffRole role)
        {
            var html = await (await app.PagesAsync(role)).GetStringAsync($"/cases/{c.Id}/timeline");
            return html.Contains("data-testid=\"case-pages\"", StringComparison.Ordinal) ? Links(Nav(html, "case-pages")).Select(l => l.Text).ToList() : [];
        }
        Assert.Equal(["Timeline", "Access log", "Sharing"], await RecordPages(StaffRole.ClinicalLead));
        Assert.Equal(["Timeline", "Sharing"], await RecordPages(StaffRole.OffenderManager));
        // Police see the timeline alone, so the group has no row of pages.
        Assert.Empty(await RecordPages(StaffRole.PublicProtectionOfficer));
    }

    [Fact]
    public async Task DeepPages_KeepTheirGroup()
    {
        var c = app.World.InScope;
        var html = await (await app.PagesAsync(StaffRole.OffenderManager)).GetStringAsync($"/cases/{c.Id}/licences/{app.World.InScopeLicence.Id}");
        Assert.Equal("Compliance and recall", Assert.Single(Links(Nav(html, "case-groups")), l => l.Current is not null).Text);
        Assert.Equal("Licences", Assert.Single(Links(Nav(html, "case-pages")), l => l.Current is not null).Text);
    }

    private static string Nav(string html, string testId)
    {
        var m = Regex.Match(html, $"<nav[^>]*data-testid=\"{testId}\"[^>]*>(.*?)</nav>", RegexOptions.Singleline);
        Assert.True(m.Success, $"no {testId} navigation");
        return m.Groups[1].Value;
    }

    private static List<(string? Current, string Text, string Href)> Links(string nav) =>
        LinkPattern().Matches(nav).Select(m => (m.Groups["current"].Success ? m.Groups["current"].Value : null, WebUtility.HtmlDecode(m.Groups["text"].Value.Trim()), m.Groups["href"].Value)).ToList();

    [GeneratedRegex("<a class=\"moj-sub-navigation__link\" href=\"(?<href>[^\"]*)\"(?: aria-current=\"(?<current>[^\"]*)\")?>(?<text>[^<]*)</a>")]
    private static partial Regex LinkPattern();
}

public sealed class CaseNavigationTestsSqlite(SqliteApp app) : CaseNavigationTests(app), IClassFixture<SqliteApp>;
public sealed class CaseNavigationTestsPostgres(PostgresApp app) : CaseNavigationTests(app), IClassFixture<PostgresApp>;
