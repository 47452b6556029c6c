using System.Net;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Signposting;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Compliance;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Signposting;

/// <summary>
/// The signposting reports (exact for the PD service's clinicians, suppressed for service managers, on the page and in
/// CSV) and the referrer's home-page reminder when a partner has not replied in 10 working days.
/// </summary>
public abstract class SignpostingReportTests(AppFixture app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A new organisation (its name starting like a spreadsheet formula) and service, with referrals from the in-scope case.</summary>
    private async Task<(DirectoryService Service, string Label)> ServiceWithReferralsAsync(params (SignpostingReferralStatus Status, int DaysAgo, int? AttendedAfter)[] referrals)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        return await app.Factory.WithDbAsync(async db =>
        {
            var org = new DirectoryOrganisation { Name = $"=Report org {tag}", Sector = Sector.VoluntaryAndCommunity, CreatedAt = DateTimeOffset.UtcNow };
            var service = new DirectoryService
            {
                OrganisationId = org.Id, Name = "Advice " + tag, ReferralRoute = "Form", NeedsMet = [NeedArea.Finance], LastVerifiedOn = Today, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.DirectoryOrganisations.Add(org);
            db.DirectoryServices.Add(service);
            foreach (var (status, daysAgo, attendedAfter) in referrals)
                db.SignpostingReferrals.Add(new SignpostingReferral
                {
                    CaseId = app.World.InScope.Id, ServiceId = service.Id, Need = NeedArea.Finance, ReasonForReferral = "Debt advice", ContactRoute = "Phone",
                    PersonConsented = true, Status = status, StatusOn = Today, ReferredOn = status == SignpostingReferralStatus.Suggested ? null : Today.AddDays(-daysAgo),
                    FirstAttendedOn = attendedAfter is { } a ? Today.AddDays(-daysAgo + a) : null,
                    CreatedById = app.World.Users[StaffRole.Psychologist].Id, CreatedAt = DateTimeOffset.UtcNow,
                });
            await db.SaveChangesAsync();
            return (service, $"{org.Name} — {service.Name}");
        });
    }

    [Fact]
    public async Task TheReports_CountReferralsByServiceAndOutcome_WithUptake_AsPageAndCsv_ExactForClinicians_SuppressedForManagers()
    {
        var (_, label) = await ServiceWithReferralsAsync(
            (SignpostingReferralStatus.Completed, 40, 7), (SignpostingReferralStatus.FirstAttended, 30, 9), (SignpostingReferralStatus.Declined, 20, null),
            (SignpostingReferralStatus.Referred, 3, null), (SignpostingReferralStatus.Suggested, 0, null), (SignpostingReferralStatus.Completed, 500, 5));

        var psychologist = await app.PagesAsync(StaffRole.Psychologist);
        var html = await AppFixture.TextAsync(await psychologist.GetAsync("/signposting/reports"));
        var row = RecallFiguresTests.Table(html, "by-service").Single(r => r.Label == label).Cells;
        // The referral 500 days ago is outside the default 12 months; the suggestion was never sent.
        Assert.Equal(("1", "1", "1", "1", "0", "4"), (row["Completed"], row["First appointment attended"], row["Declined"], row["Referred"], row["Withdrawn"], row["Total"]));
        Assert.DoesNotContain("suppression-note", html);
        Assert.DoesNotContain(app.World.InScope.Crn, html);

        var csv = await psychologist.GetAsync("/signposting/reports?handler=Csv&table=by-service");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment", csv.Content.Headers.ContentDisposition!.ToString());
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("Service,Referred,Accepted,Declined,First appointment attended,Completed,Disengaged,Withdrawn,Total", lines[0]);
        Assert.Contains($"'{label},1,0,1,1,1,0,0,4", lines); // a name that starts like a formula is defused

        // A longer period takes in the old referral; uptake counts first appointments over referrals sent.
        var from = Today.AddDays(-600);
        var longer = await AppFixture.TextAsync(await psychologist.GetAsync($"/signposting/reports?From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}"));
        Assert.Equal("5", RecallFiguresTests.Table(longer, "by-service").Single(r => r.Label == label).Cells["Total"]);
        var uptake = await psychologist.GetAsync($"/signposting/reports?handler=Csv&table=uptake&From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}");
        var finance = (await uptake.Content.ReadAsStringAsync()).Split("\r\n").Single(l => l.StartsWith("Finance,", StringComparison.Ordinal)).Split(',');
        var truth = await app.Factory.WithDbAsync(db => db.SignpostingReferrals.Where(r => r.Need == NeedArea.Finance && r.ReferredOn != null && r.ReferredOn >= from)
            .Select(r => r.FirstAttendedOn != null).ToListAsync());
        Assert.Equal(truth.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), finance[1]);
        Assert.Equal(truth.Count(a => a).ToString(System.Globalization.CultureInfo.InvariantCulture), finance[2]);

        // Dates the wrong way round are refused with a clear message, and nothing is reported.
        var bad = await AppFixture.TextAsync(await psychologist.GetAsync("/signposting/reports?From.Day=2&From.Month=3&From.Year=2026&To.Day=1&To.Month=3&To.Year=2026"));
        Assert.Contains("The end date must be the same as or after the start date", bad);
        Assert.DoesNotContain("data-testid=\"by-need\"", bad);

        // The service manager: the same service's small counts hidden, on the page and in the download.
        var manager = await app.PagesAsync(StaffRole.ServiceManager);
        var suppressed = await AppFixture.TextAsync(await manager.GetAsync("/signposting/reports"));
        Assert.Contains("suppression-note", suppressed);
        var hidden = RecallFiguresTests.Table(suppressed, "by-service").Single(r => r.Label == label).Cells;
        Assert.Equal(("[c]", "[c]"), (hidden["Completed"], hidden["Total"]));
        var managerCsv = await (await manager.GetAsync("/signposting/reports?handler=Csv&table=by-service")).Content.ReadAsStringAsync();
        Assert.Contains($"'{label},[c],", managerCsv);

        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "signposting.report.download" && e.UserId == app.World.Users[StaffRole.ServiceManager].Id)));
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "signposting.report.read" && e.UserId == app.World.Users[StaffRole.Psychologist].Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await psychologist.GetAsync("/signposting/reports?handler=Csv&table=everything")).StatusCode);
    }

    [Fact]
    public async Task TheReferrer_IsRemindedOnTheirHomePage_WhenAPartnerHasNotRepliedIn10WorkingDays()
    {
        var (service, _) = await ServiceWithReferralsAsync((SignpostingReferralStatus.Referred, 30, null));
        var psychologist = await app.PagesAsync(StaffRole.Psychologist);
        var home = await AppFixture.TextAsync(await psychologist.GetAsync("/"));
        Assert.Contains("Signposting referrals with no reply", home);
        Assert.Contains(service.Name, home);
        // The world's own referrals were sent today: not yet due a reply, so not listed.
        Assert.DoesNotContain("World group", home);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "task.list" && e.UserId == app.World.Users[StaffRole.Psychologist].Id)));

        // Someone else who did not make the referral is not reminded of it.
        var om = await app.PagesAsync(StaffRole.OffenderManager);
        Assert.DoesNotContain(service.Name, await AppFixture.TextAsync(await om.GetAsync("/")));
    }
}

public sealed class SignpostingReportTestsSqlite(SqliteApp app) : SignpostingReportTests(app), IClassFixture<SqliteApp>;

public sealed class SignpostingReportTestsPostgres(PostgresApp app) : SignpostingReportTests(app), IClassFixture<PostgresApp>;
