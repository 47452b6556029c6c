using System.Net;
using System.Text.RegularExpressions;
using Pathway.Domain.Access;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Shared;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Home;

/// <summary>
/// The service navigation is one short row for every role, and every link in it, and on the Manage and Reports pages it
/// leads to, opens for the person it is shown to (nobody is offered a page that then refuses them).
/// </summary>
public sealed partial class NavigationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>What fits one row of the GOV.UK service navigation at 1280 px with Pathway's labels (the browser test measures it).</summary>
    private const int MostLinksInARow = 9;

    public static TheoryData<StaffRole> Roles() => [.. Enum.GetValues<StaffRole>()];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryRole_SeesOneShortRow_AndEveryLinkItIsShownOpens(StaffRole role)
    {
        var client = await app.PagesAsync(role);
        var home = await client.GetStringAsync("/");
        var nav = NavLinks().Matches(home.Split("id=\"navigation\"")[1].Split("</ul>")[0]).Select(m => m.Groups[1].Value).ToList();
        Assert.InRange(nav.Count, 2, MostLinksInARow);
        Assert.Equal("/", nav[0]);

        var who = new StaffContext(app.World.Users[role].Id, new HashSet<StaffRole> { role }, null);
        var hubs = Navigation.ManageFor(who).Concat(Navigation.ReportsFor(who)).Select(l => l.Href);
        var failures = new List<string>();
        foreach (var href in nav.Concat(hubs).Distinct())
        {
            using var response = await client.GetAsync(href);
            if (response.StatusCode != HttpStatusCode.OK) failures.Add($"{href}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.True(failures.Count == 0, $"{role} is shown links that do not open: {string.Join(", ", failures)}");
    }

    [Fact]
    public async Task TheClinicalLead_ReachesRulesAndSettingsFromManage_AndTheFiguresFromReports()
    {
        var client = await app.PagesAsync(StaffRole.ClinicalLead);
        var manage = await client.GetStringAsync("/manage");
        foreach (var href in new[] { "/manage/rules", "/admin/early-warning-rules", "/instruments/womens-opd-screen", "/break-glass/review" })
            Assert.Contains($"href=\"{href}\"", manage, StringComparison.Ordinal);
        var reports = await client.GetStringAsync("/reports");
        foreach (var href in new[] { "/evaluation", "/pathway-map", "/signposting/reports" })
            Assert.Contains($"href=\"{href}\"", reports, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/users\"", manage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneWithNothingToManage_WhoTypesTheAddress_IsToldSo()
    {
        var client = await app.PagesAsync(StaffRole.Learner);
        var page = await client.GetStringAsync("/manage");
        Assert.Contains("There is nothing here for your role.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/manage\"", (await client.GetStringAsync("/")).Split("id=\"navigation\"")[1].Split("</ul>")[0], StringComparison.Ordinal);
    }

    [GeneratedRegex("class=\"govuk-service-navigation__link\" href=\"([^\"]+)\"")]
    private static partial Regex NavLinks();
}
