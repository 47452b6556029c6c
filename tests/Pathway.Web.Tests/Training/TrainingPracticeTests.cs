using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Training;

/// <summary>Kirkpatrick level 3: a case's AP keyworker, and whether its offender manager and keyworker are trained.</summary>
public abstract class TrainingPracticeTests(AppFixture app)
{
    private static async Task<string> PostAsync(HttpClient client, string path, Dictionary<string, string> fields, HttpStatusCode expected = HttpStatusCode.Redirect)
    {
        var res = await AppFixture.PostFormAsync(client, path, fields);
        var text = await AppFixture.TextAsync(res);
        Assert.True(res.StatusCode == expected, $"POST {path}: {res.StatusCode}, expected {expected}. {text[..Math.Min(text.Length, 600)]}");
        return text;
    }

    /// <summary>Completes every course today for <paramref name="user"/>, so whatever their group requires is done.</summary>
    private Task CompleteEveryCourseAsync(StaffUser user) => app.Factory.WithDbAsync(async db =>
    {
        foreach (var c in await db.Courses.Where(c => c.CurrentVersionId != null).ToListAsync())
            db.Enrolments.Add(new Enrolment
            {
                UserId = user.Id, CourseId = c.Id, CourseVersionId = c.CurrentVersionId!.Value, EnrolledAt = DateTimeOffset.UtcNow.AddDays(-10),
                CompletedAt = DateTimeOffset.UtcNow.AddDays(-1), UpdatedAt = DateTimeOffset.UtcNow,
            });
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task APStaff_SetTheKeyworker_AndTheCaseAndDashboards_ShowWhoIsTrained()
    {
        var w = app.World;
        var om = await app.NewStaffAsync(StaffRole.OffenderManager, w.TeamA.Id);
        var keyworker = await app.NewStaffAsync(StaffRole.ApprovedPremisesStaff, w.Premises.Id);
        var elsewhere = await app.NewStaffAsync(StaffRole.ApprovedPremisesStaff, w.TeamB.Id);
        await CompleteEveryCourseAsync(keyworker);
        var c = await app.NewCaseAsync(w.TeamA.Id);
        await app.Factory.WithDbAsync(async db =>
        {
            var x = await db.Cases.SingleAsync(k => k.Id == c.Id);
            (x.ApprovedPremisesId, x.OffenderManagerId) = (w.Premises.Id, om.Id);
            await db.SaveChangesAsync();
        });
        var version = await app.Factory.WithDbAsync(db => db.Cases.Where(k => k.Id == c.Id).Select(k => k.Version).SingleAsync());
        var ap = await app.PagesAsync(StaffRole.ApprovedPremisesStaff);
        var path = $"/cases/{c.Id}/keyworker";

        var wrong = await PostAsync(ap, path, new() { ["KeyworkerId"] = elsewhere.Id.ToString(), ["Version"] = version.ToString() }, HttpStatusCode.OK);
        Assert.Contains("Select a member of staff of the approved premises this person lives in", wrong, StringComparison.Ordinal);
        var stale = await PostAsync(ap, path, new() { ["KeyworkerId"] = keyworker.Id.ToString(), ["Version"] = (version - 1).ToString() }, HttpStatusCode.OK);
        Assert.Contains("Someone else changed this case", stale, StringComparison.Ordinal);
        await PostAsync(ap, path, new() { ["KeyworkerId"] = keyworker.Id.ToString(), ["Version"] = version.ToString() });
        Assert.Equal(keyworker.Id, await app.Factory.WithDbAsync(db => db.Cases.Where(k => k.Id == c.Id).Select(k => k.ApKeyworkerId).SingleAsync()));
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "case.keyworker.update" && a.CaseId == c.Id)));

        var overview = await AppFixture.TextAsync(await ap.GetAsync($"/cases/{c.Id}"));
        Assert.Contains("Offender manager: not trained", overview, StringComparison.Ordinal);
        Assert.Contains("AP keyworker: trained", overview, StringComparison.Ordinal);

        // The coordinator's per-case list, by CRN, and exact counts: only this case has a keyworker.
        var coordinator = await app.PagesAsync(StaffRole.TrainingCoordinator);
        var list = await AppFixture.TextAsync(await coordinator.GetAsync("/training/dashboard/cases"));
        Assert.Matches(new Regex($@"{c.Crn}</td>\s*<td[^>]*>Fresh OffenderManager</td>\s*<td[^>]*>No</td>\s*<td[^>]*>Fresh ApprovedPremisesStaff</td>\s*<td[^>]*>Yes</td>"), list);
        var cases = await app.Factory.WithDbAsync(db => db.Cases.CountAsync());
        var withKeyworker = await app.Factory.WithDbAsync(db => db.Cases.CountAsync(k => k.ApKeyworkerId != null));
        var dashboard = await AppFixture.TextAsync(await coordinator.GetAsync("/training/dashboard"));
        Assert.Matches(new Regex($@"AP keyworker</th>\s*<td[^>]*>{withKeyworker}</td>\s*<td[^>]*>0</td>\s*<td[^>]*>{cases - withKeyworker}</td>\s*<td[^>]*>{cases}</td>"), dashboard);

        // The service manager sees counts only, with the small ones suppressed, and no per-case list.
        var manager = await app.PagesAsync(StaffRole.ServiceManager);
        var counts = await AppFixture.TextAsync(await manager.GetAsync("/training/dashboard"));
        Assert.Matches(new Regex(@"AP keyworker</th>\s*<td[^>]*>\[c\]</td>"), counts);
        Assert.DoesNotContain(c.Crn, counts, StringComparison.Ordinal);
        var denied = await manager.GetAsync("/training/dashboard/cases");
        Assert.Contains("access-denied", denied.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
    }
}

public sealed class TrainingPracticeTestsSqlite(SqliteApp app) : TrainingPracticeTests(app), IClassFixture<SqliteApp>;

public sealed class TrainingPracticeTestsPostgres(PostgresApp app) : TrainingPracticeTests(app), IClassFixture<PostgresApp>;
