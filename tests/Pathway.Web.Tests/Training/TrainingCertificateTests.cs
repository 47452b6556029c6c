using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Data.Training;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Training;

/// <summary>The training record, the certificate PDF and the public verification page.</summary>
public abstract partial class TrainingCertificateTests(AppFixture app)
{
    private const string Slug = CourseContentFiles.FirstCourseSlug;

    /// <summary>A learner whose enrolment is completed (set in the database: the e-learning itself is tested in TrainingTests).</summary>
    private async Task<(StaffUser User, Enrolment Enrolment)> CompletedLearnerAsync()
    {
        var user = await app.NewStaffAsync(StaffRole.Learner, null);
        var enrolment = await app.Factory.WithDbAsync(async db =>
        {
            var course = await db.Courses.SingleAsync(c => c.Slug == Slug);
            var e = new Enrolment
            {
                UserId = user.Id, CourseId = course.Id, CourseVersionId = course.CurrentVersionId!.Value,
                EnrolledAt = DateTimeOffset.UtcNow.AddDays(-10), CompletedAt = DateTimeOffset.UtcNow.AddDays(-1),
            };
            db.Enrolments.Add(e);
            await db.SaveChangesAsync();
            return e;
        });
        return (user, enrolment);
    }

    [GeneratedRegex(@"PWT(-[0-9A-Z]{4}){5}")]
    private static partial Regex Number();

    [Fact]
    public async Task ACompletedLearner_DownloadsACertificate_ThatThePublicPageConfirms_ShowingNothingElse()
    {
        var (user, enrolment) = await CompletedLearnerAsync();
        var client = await app.SignedInAsync(user);
        var pdf = await PdfText.ReadAsync(client, $"/training/courses/{Slug}/certificate");
        Assert.Contains("Certificate of completion", pdf, StringComparison.Ordinal);
        Assert.Contains(user.DisplayName, pdf, StringComparison.Ordinal);
        var number = Number().Match(pdf).Value;
        Assert.NotEmpty(number);
        // A second download is the same certificate, not a new number.
        Assert.Contains(number, await PdfText.ReadAsync(client, $"/training/courses/{Slug}/certificate"), StringComparison.Ordinal);
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.TrainingCertificates.CountAsync(c => c.UserId == user.Id)));

        var record = await AppFixture.TextAsync(await client.GetAsync("/training/record"));
        Assert.Contains(number, record, StringComparison.Ordinal);

        var anonymous = app.Anonymous();
        var res = await anonymous.GetAsync($"/verify/{number.ToLowerInvariant()}");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("no-store", res.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var page = await AppFixture.TextAsync(res);
        Assert.Contains("This certificate is valid", page, StringComparison.Ordinal);
        Assert.Contains(user.DisplayName, page, StringComparison.Ordinal);
        Assert.Contains(DateTimeOffset.UtcNow.AddDays(-1).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), page, StringComparison.Ordinal);
        var summary = Regex.Match(page, "data-testid=\"certificate\">(.*?)</dl>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(["Certificate number", "Name", "Course", "Completed on", "Validity"],
            Regex.Matches(summary, "<dt[^>]*>(.*?)</dt>").Select(m => m.Groups[1].Value).ToArray());
        Assert.DoesNotContain(user.Email!, page, StringComparison.Ordinal);
        Assert.DoesNotContain(enrolment.Id.ToString(), page, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Id.ToString(), page, StringComparison.Ordinal);
        Assert.DoesNotContain("CPD", page, StringComparison.Ordinal);

        var form = await AppFixture.TextAsync(await anonymous.GetAsync($"/verify?number={Uri.EscapeDataString(number.Replace("-", " ", StringComparison.Ordinal))}"));
        Assert.Contains("This certificate is valid", form, StringComparison.Ordinal);

        var actions = await app.Factory.WithDbAsync(db => db.AuditEvents.Where(a => a.Action.StartsWith("training.certificate")).Select(a => new { a.Action, a.UserId }).ToListAsync());
        Assert.Contains(actions, a => a.Action == "training.certificate.issue" && a.UserId == user.Id);
        Assert.Contains(actions, a => a.Action == "training.certificate.download" && a.UserId == user.Id);
        Assert.Contains(actions, a => a.Action == "training.certificate.verify" && a.UserId == null);
    }

    [Fact]
    public async Task AnUnknownNumber_SaysNotFound_AndNothingElse()
    {
        await CompletedLearnerAsync();
        var anonymous = app.Anonymous();
        var page = await AppFixture.TextAsync(await anonymous.GetAsync("/verify/PWT-0000-0000-0000-0000-0000"));
        Assert.Contains("Certificate not found", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"certificate\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Fresh Learner", page, StringComparison.Ordinal);
        var bad = await AppFixture.TextAsync(await anonymous.GetAsync("/verify?number=hello"));
        Assert.Contains("Enter a certificate number in the form PWT-XXXX-XXXX-XXXX-XXXX-XXXX", bad, StringComparison.Ordinal);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "training.certificate.verify" && a.Outcome == AuditOutcome.Denied && a.Reason == "not found")));
    }

    [Fact]
    public async Task BeforeCompletion_ThereIsNoCertificate()
    {
        var client = await app.SignedInAsync(await app.NewStaffAsync(StaffRole.Learner, null));
        var page = await AppFixture.TextAsync(await client.GetAsync($"/training/courses/{Slug}/certificate"));
        Assert.Contains("You get a certificate when you complete the course", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACoordinator_SeesAnyonesRecord_OthersOnlyTheirOwn()
    {
        var (user, _) = await CompletedLearnerAsync();
        var coordinator = await app.PagesAsync(StaffRole.TrainingCoordinator);
        var record = await AppFixture.TextAsync(await coordinator.GetAsync($"/training/record?user={user.Id}"));
        Assert.Contains($"Training record: {user.DisplayName}", record, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"total-cpd\">3", record, StringComparison.Ordinal);
        var other = await app.PagesAsync(StaffRole.OffenderManager);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/training/record?user={user.Id}")).StatusCode);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "training.record.read" && a.EntityId == user.Id.ToString())));
    }
}

public abstract partial class TrainingCertificateTests
{
    [Fact]
    public async Task TheHomePage_RemindsOfARefresherDueWithin30Days_AndOfRequiredCoursesNotDone()
    {
        var (user, enrolment) = await CompletedLearnerAsync();
        await app.Factory.WithDbAsync(async db =>
        {
            await db.Courses.Where(c => c.Slug == Slug).ExecuteUpdateAsync(s => s.SetProperty(c => c.RefresherMonths, 24));
            await db.Enrolments.Where(e => e.Id == enrolment.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.CompletedAt, DateTimeOffset.UtcNow.AddMonths(-24).AddDays(10)));
            var course = await db.Courses.SingleAsync(c => c.Slug == Slug);
            var other = await db.StaffGroups.SingleAsync(g => g.Key == Pathway.Domain.Training.StaffGroups.Other);
            if (!await db.StaffGroupRequirements.AnyAsync(r => r.GroupId == other.Id && r.CourseId == course.Id))
                db.StaffGroupRequirements.Add(new StaffGroupRequirement { GroupId = other.Id, CourseId = course.Id });
            await db.SaveChangesAsync();
        });
        // Both reach the person as work waiting for them on the home page ("Waiting for you"), linking to the course.
        var home = await AppFixture.TextAsync(await (await app.SignedInAsync(user)).GetAsync("/"));
        Assert.Contains("refresher before it expires", home, StringComparison.Ordinal);
        Assert.Contains($"href=\"/training/courses/{Slug}\"", home, StringComparison.Ordinal);

        var newcomer = await AppFixture.TextAsync(await (await app.SignedInAsync(await app.NewStaffAsync(StaffRole.Learner, null))).GetAsync("/"));
        Assert.Contains(": required for your group", newcomer, StringComparison.Ordinal);

        var coordinator = await AppFixture.TextAsync(await (await app.PagesAsync(StaffRole.TrainingCoordinator)).GetAsync("/training/dashboard"));
        Assert.Contains("data-testid=\"coordinator-reminders\"", coordinator, StringComparison.Ordinal);
        Assert.Contains("Refresher due by", coordinator, StringComparison.Ordinal);
    }
}

public sealed class TrainingCertificateTestsSqlite(SqliteApp app) : TrainingCertificateTests(app), IClassFixture<SqliteApp>;

public sealed class TrainingCertificateTestsPostgres(PostgresApp app) : TrainingCertificateTests(app), IClassFixture<PostgresApp>;
