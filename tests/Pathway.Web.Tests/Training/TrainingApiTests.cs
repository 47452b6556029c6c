using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Data.Training;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Training.Certificates;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Training;

/// <summary>The training JSON API: courses, enrolment, results and certificates. Each test uses its own role's user, so tests do not meet.</summary>
public abstract class TrainingApiTests(AppFixture app)
{
    private const string Slug = CourseContentFiles.FirstCourseSlug;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage res, HttpStatusCode expected)
    {
        Assert.Equal(expected, res.StatusCode);
        return await res.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Courses_ListThePublishedOnes_AndACourseShowsItsStructure_WithoutAnswers()
    {
        using var client = app.Api(StaffRole.Learner);
        var list = await JsonAsync(await client.GetAsync("/api/v1/training/courses"), HttpStatusCode.OK);
        var course = list.EnumerateArray().Single(c => c.GetProperty("slug").GetString() == Slug);
        Assert.True(course.GetProperty("lessons").GetInt32() > 0);
        Assert.True(course.GetProperty("cpdHours").GetDecimal() > 0);

        var res = await client.GetAsync($"/api/v1/training/courses/{Slug}");
        var text = await res.Content.ReadAsStringAsync();
        var detail = await JsonAsync(res, HttpStatusCode.OK);
        Assert.NotEmpty(detail.GetProperty("modules").EnumerateArray().First().GetProperty("lessons").EnumerateArray());
        foreach (var hidden in new[] { "correctOption", "feedback", "markdown", "itemBank", "options" })
            Assert.DoesNotContain($"\"{hidden}\"", text, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/training/courses/no-such-course")).StatusCode);
    }

    [Fact]
    public async Task Enrolment_IsCreatedOnce_Audited_AndListedWithProgress()
    {
        using var client = app.Api(StaffRole.OffenderManager);
        var user = app.World.Users[StaffRole.OffenderManager].Id;
        var first = await JsonAsync(await client.PostAsync($"/api/v1/training/courses/{Slug}/enrolment", null), HttpStatusCode.Created);
        Assert.Equal(1, first.GetProperty("attempt").GetInt32());
        var again = await JsonAsync(await client.PostAsync($"/api/v1/training/courses/{Slug}/enrolment", null), HttpStatusCode.OK);
        Assert.Equal(1, again.GetProperty("attempt").GetInt32());

        var mine = await JsonAsync(await client.GetAsync("/api/v1/training/enrolments"), HttpStatusCode.OK);
        var row = Assert.Single(mine.EnumerateArray());
        Assert.Equal(Slug, row.GetProperty("courseSlug").GetString());
        Assert.Equal(0, row.GetProperty("percentDone").GetInt32());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("completedAt").ValueKind);
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.Enrolments.CountAsync(e => e.UserId == user)));
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == user && a.Action == "training.enrol")));

        var own = await JsonAsync(await client.GetAsync("/api/v1/training/results"), HttpStatusCode.OK);
        Assert.Equal(user, own.GetProperty("userId").GetGuid());
        Assert.Single(own.GetProperty("enrolments").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/training/courses/no-such-course/enrolment", null)).StatusCode);
    }

    [Fact]
    public async Task SomeoneElsesResults_Are404AndDenied_ExceptForATrainingCoordinator_WhoIsAudited()
    {
        var learner = app.World.Users[StaffRole.Learner].Id;
        var asker = app.World.Users[StaffRole.Psychologist].Id;
        using (var client = app.Api(StaffRole.Psychologist))
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/training/results?user={learner}")).StatusCode);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == asker && a.Action == "training.record.read"
            && a.EntityType == "TrainingRecord" && a.EntityId == learner.ToString() && a.Outcome == AuditOutcome.Denied)));

        var coordinator = app.World.Users[StaffRole.TrainingCoordinator].Id;
        using (var client = app.Api(StaffRole.TrainingCoordinator))
        {
            var record = await JsonAsync(await client.GetAsync($"/api/v1/training/results?user={learner}"), HttpStatusCode.OK);
            Assert.Equal(learner, record.GetProperty("userId").GetGuid());
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/training/results?user={Guid.NewGuid()}")).StatusCode);
        }
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == coordinator && a.Action == "training.record.read"
            && a.EntityId == learner.ToString() && a.Outcome == AuditOutcome.Allowed)));
    }

    [Fact]
    public async Task Certificates_AreListed_AndVerifyAnonymously_ShowingNothingBeyondThePublicFacts()
    {
        var user = app.World.Users[StaffRole.ClinicalLead];
        var number = Certificates.NewNumber();
        await app.Factory.WithDbAsync(async db =>
        {
            var course = await db.Courses.SingleAsync(c => c.Slug == Slug);
            var e = new Enrolment
            {
                UserId = user.Id, CourseId = course.Id, CourseVersionId = course.CurrentVersionId!.Value,
                EnrolledAt = DateTimeOffset.UtcNow.AddDays(-10), CompletedAt = DateTimeOffset.UtcNow.AddDays(-1),
            };
            db.Enrolments.Add(e);
            db.TrainingCertificates.Add(new TrainingCertificate
            {
                Number = number, EnrolmentId = e.Id, UserId = user.Id, CourseId = course.Id, LearnerName = user.DisplayName,
                CourseTitle = course.Title, CourseVersionNumber = 1, CompletedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)),
                CpdHours = 3, IssuedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        });

        using (var client = app.Api(StaffRole.ClinicalLead))
        {
            var mine = await JsonAsync(await client.GetAsync("/api/v1/training/certificates"), HttpStatusCode.OK);
            var c = Assert.Single(mine.EnumerateArray());
            Assert.Equal(number, c.GetProperty("number").GetString());
            Assert.True(c.GetProperty("valid").GetBoolean());
        }

        using var anonymous = app.Anonymous();
        var found = await JsonAsync(await anonymous.GetAsync($"/api/v1/training/certificates/{number.ToLowerInvariant()}/verify"), HttpStatusCode.OK);
        Assert.Equal(["number", "name", "course", "completedOn", "validUntil", "valid", "validity"],
            found.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(user.DisplayName, found.GetProperty("name").GetString());
        Assert.True(found.GetProperty("valid").GetBoolean());

        var unknown = Certificates.NewNumber();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/training/certificates/{unknown}/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/v1/training/certificates/not-a-number/verify")).StatusCode);
        var rows = await app.Factory.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == "training.certificate.verify" && a.UserId == null)
            .Select(a => new { a.Outcome, a.Reason }).ToListAsync());
        Assert.Contains(rows, r => r.Outcome == AuditOutcome.Allowed);
        Assert.Contains(rows, r => r.Outcome == AuditOutcome.Denied && r.Reason == "not found");
    }
}

public sealed class TrainingApiTestsSqlite(SqliteApp app) : TrainingApiTests(app), IClassFixture<SqliteApp>;

public sealed class TrainingApiTestsPostgres(PostgresApp app) : TrainingApiTests(app), IClassFixture<PostgresApp>;
