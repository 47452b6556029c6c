using System.Net;
using System.Net.Http.Json;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Security;

/// <summary>
/// Logs carry ids, never names, CRNs, dates of birth or free text (STYLE.md habit 7). Walks the pages and API calls of the
/// compliance, care-plan, incident, assessment and referral areas — reads, saves, refused input and a 404 — and then the
/// signposting, directory, partner, recall, pathway, training, co-ordination group and evaluation pages (with searches
/// that carry a name and free text in the query string), then reads everything the app logged.
/// </summary>
public abstract class LogPrivacyTests(AppFixture app)
{
    private const string Marker = "Quillfeather-Private-Text";

    [Fact]
    public async Task CompliancePlansIncidentsAssessmentsAndReferrals_LogNoNamesCrnsOrFreeText()
    {
        var w = app.World;
        var id = w.InScope.Id;
        var pages = await app.PagesAsync(StaffRole.OffenderManager);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var ids = w.RecordIds;
        var urls = new[]
        {
            $"/cases/{id}/compliance", $"/cases/{id}/compliance/timeline?kind=concern", $"/cases/{id}/concerns/new", $"/cases/{id}/contacts/new",
            $"/cases/{id}/contacts/{ids["contactId"].InScope}", $"/cases/{id}/warnings/new", $"/cases/{id}/breaches/new",
            $"/cases/{id}/warnings/{ids["warningId"].InScope}/letter", $"/cases/{id}/warnings/{ids["warningId"].InScope}/letter.pdf", "/signals",
            $"/cases/{id}/care-plan", $"/cases/{id}/care-plans/{w.Plans[id].Id}", $"/cases/{id}/care-plans/{w.Plans[id].Id}/summary",
            $"/cases/{id}/incidents", $"/cases/{id}/incidents/{w.Incidents[id].Id}", $"/cases/{id}/incidents/new",
            $"/cases/{id}/assessments", $"/cases/{id}/assessments/{w.InScopeAssessment.Id}", $"/cases/{id}/ogrs3",
            "/referrals", $"/cases/{id}/pathway", $"/cases/{id}/consultations", $"/cases/{id}/consultations/{w.InScopeConsultation.Id}",
            $"/cases/{w.OutOfScope.Id}/compliance", $"/cases/{w.OutOfScope.Id}/care-plan",
        };
        foreach (var url in urls)
            Assert.True((int)(await pages.GetAsync(url)).StatusCode < 500, url);

        var d = today;
        await AppFixture.PostFormAsync(pages, $"/cases/{id}/concerns/new", new()
        {
            ["Input.Date.Day"] = d.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Date.Month"] = d.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Date.Year"] = d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Type"] = "Threats", ["Input.Description"] = Marker + " page concern",
        });
        await AppFixture.PostFormAsync(pages, $"/cases/{id}/concerns/new", new() { ["Input.Description"] = Marker + " refused page concern" });

        using var api = app.Api(StaffRole.OffenderManager);
        var apiUrls = new[]
        {
            $"/api/v1/cases/{id}/compliance", $"/api/v1/cases/{id}/contacts", $"/api/v1/cases/{id}/concerns", $"/api/v1/cases/{id}/warnings",
            $"/api/v1/cases/{id}/breaches", $"/api/v1/cases/{id}/signals", "/api/v1/signals", $"/api/v1/cases/{id}/compliance/timeline",
            $"/api/v1/cases/{id}/concerns/care-plan-signs", $"/api/v1/cases/{id}/warnings/{ids["warningId"].InScope}/letter.pdf",
            $"/api/v1/cases/{id}/assessments", $"/api/v1/cases/{id}/assessments/{w.InScopeAssessment.Id}", $"/api/v1/cases/{id}/referral", "/api/v1/referrals",
            $"/api/v1/cases/{w.OutOfScope.Id}/concerns",
        };
        foreach (var url in apiUrls)
            Assert.True((int)(await api.GetAsync(url)).StatusCode < 500, url);
        await api.PostAsJsonAsync($"/api/v1/cases/{id}/concerns", new { date = Iso(today), type = "threats", description = Marker + " api concern" });
        await api.PostAsJsonAsync($"/api/v1/cases/{id}/concerns", new { date = "not a date", type = "threats", description = Marker + " refused api concern", matchedEarlyWarningSign = Marker });
        await api.PostAsJsonAsync($"/api/v1/cases/{id}/contacts", new { date = Iso(today.AddDays(5)), kind = "homeVisit", outcome = "attended", notes = Marker + " future contact" });
        await api.PostAsJsonAsync($"/api/v1/cases/{id}/breaches", new { occurredOn = Iso(today), description = Marker + " breach", conditions = new[] { "A:" + w.InScopeCondition.Id } });

        AssertNothingPrivateLogged();
    }

    [Fact]
    public async Task SignpostingRecallTrainingCoordinationAndEvaluationPages_LogNoNamesCrnsOrFreeText()
    {
        var w = app.World;
        var id = w.InScope.Id;
        var byRole = new (StaffRole Role, string[] Urls)[]
        {
            (StaffRole.OffenderManager,
            [
                $"/cases/{id}/signposting", $"/cases/{id}/signposting/match", "/directory", $"/directory?q={Marker}", "/recall", $"/cases/{id}/pathway",
                "/pathway-map", "/training", "/coordination-group", "/coordination-group/actions", $"/cases?q={w.InScope.FamilyName}",
                $"/cases?q={w.InScope.Crn}", $"/cases/{w.OutOfScope.Id}/signposting",
            ]),
            (StaffRole.Psychologist,
            [
                "/signposting/reports", "/signposting/reports?handler=Csv&table=by-need", "/evaluation", "/evaluation?handler=Csv&table=measures",
                "/evaluation/pack", "/evaluation/pack?handler=Pdf", "/referrals",
            ]),
            (StaffRole.ServiceManager, ["/recall/service", "/training/dashboard", "/evaluation"]),
            (StaffRole.PartnerAgency, ["/partner/referrals", $"/partner/referrals/{Guid.NewGuid()}"]),
            (StaffRole.TrainingCoordinator, ["/training/manage", "/training/dashboard/cases"]),
        };
        foreach (var (role, urls) in byRole)
        {
            var pages = await app.PagesAsync(role);
            foreach (var url in urls)
                Assert.True((int)(await pages.GetAsync(url)).StatusCode < 500, $"{role} {url}");
        }
        AssertNothingPrivateLogged();
    }

    private void AssertNothingPrivateLogged()
    {
        var w = app.World;
        var logs = string.Join('\n', app.Factory.Logs.Messages);
        Assert.NotEmpty(logs);
        Assert.DoesNotContain(Marker, logs, StringComparison.OrdinalIgnoreCase);
        foreach (var c in new[] { w.InScope, w.OutOfScope, w.Restricted })
        {
            Assert.DoesNotContain(c.Crn, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(c.FamilyName, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(c.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), logs, StringComparison.Ordinal);
        }
    }
}

public sealed class LogPrivacyTestsSqlite(SqliteApp app) : LogPrivacyTests(app), IClassFixture<SqliteApp>;

public sealed class LogPrivacyTestsPostgres(PostgresApp app) : LogPrivacyTests(app), IClassFixture<PostgresApp>;
