using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Security;
using Pathway.Data.Seeding;
using Pathway.Domain.Assessments;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Evaluation;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Domain.Referrals;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Evaluation;
using Pathway.Web.Tests.Infrastructure;
using LicencePeriod = Pathway.Domain.Licences.LicencePeriod;

namespace Pathway.Web.Tests.Demo;

/// <summary>The demo seeded once into a fresh SQLite database, shared by <see cref="DemoStoryTests"/>.</summary>
public sealed class SeededDemo : IAsyncLifetime
{
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXP";
    public PathwayFactory Factory { get; } = new(Provider.Sqlite);
    public DateOnly Today { get; } = DateOnly.FromDateTime(DateTime.UtcNow);

    public async Task InitializeAsync()
    {
        _ = Factory.Server;
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.True(await DemoSeed.SeedAsync(db, users, TimeProvider.System));
        foreach (var a in DemoSeed.Accounts)
        {
            var u = (await users.FindByEmailAsync(a.Email))!;
            await users.SetAuthenticationTokenAsync(u, "[AspNetUserStore]", "AuthenticatorKey", AuthenticatorKey);
            await users.SetTwoFactorEnabledAsync(u, true);
        }
    }

    public async Task<T> ReadAsync<T>(Func<PathwayDbContext, Task<T>> read)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PathwayDbContext>());
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// The seeded demo tells one story (issue 16): every case's records agree with its referral stage and its licence, the
/// warning letters a record cites exist, staff record things in working hours, every role's home page has work on it,
/// and the evaluation has enough licence periods on and off the pathway for a Cox model to converge.
/// </summary>
public sealed class DemoStoryTests(SeededDemo demo) : IClassFixture<SeededDemo>
{
    [Fact]
    public async Task CarePlans_FollowTheirLockedAssessment_AndTheReferralStage()
    {
        var (plans, assessments, referrals, cases) = await demo.ReadAsync(async db => (
            await db.CarePlans.AsNoTracking().ToListAsync(), await db.Assessments.AsNoTracking().ToListAsync(),
            await db.Referrals.AsNoTracking().Include(r => r.StageChanges).ToListAsync(), await db.Cases.AsNoTracking().ToDictionaryAsync(c => c.Id)));
        Assert.Contains(plans, p => p.Status == CarePlanStatus.Active);
        foreach (var plan in plans)
        {
            var who = cases[plan.CaseId].Crn;
            var stage = Assert.Single(referrals, r => r.CaseId == plan.CaseId).Stage;
            if (plan.Status == CarePlanStatus.Active) Assert.True(stage is PathwayStage.CarePlan or PathwayStage.Review, $"{who}: active plan at {stage}");
            else Assert.True(stage >= PathwayStage.Formulation && !stage.IsTerminal(), $"{who}: plan being written at {stage}");
            var from = Assert.Single(assessments, a => a.Id == plan.FormulationAssessmentId);
            Assert.Equal(plan.CaseId, from.CaseId);
            Assert.Equal(AssessmentStatus.Locked, from.Status);
            Assert.True(plan.CreatedAt > from.CountersignedAt, $"{who}: plan started before its assessment was countersigned");
            if (plan.Status != CarePlanStatus.Active) continue;
            Assert.True(plan.SignedAt > plan.CreatedAt && plan.CountersignedAt > plan.SignedAt, $"{who}: plan signed {plan.SignedAt}, countersigned {plan.CountersignedAt}");
            Assert.Equal(cases[plan.CaseId].OffenderManagerId, plan.CountersignedById);
        }
        foreach (var a in assessments)
        {
            var who = cases[a.CaseId].Crn;
            var referral = Assert.Single(referrals, r => r.CaseId == a.CaseId);
            var assessing = referral.StageChanges.SingleOrDefault(s => s.To == PathwayStage.Assessment);
            Assert.True(assessing is not null && assessing.At <= a.CreatedAt, $"{who}: assessment started before the referral reached assessment");
            if (a.Status == AssessmentStatus.Locked)
                Assert.True(a.CreatedAt < a.SubmittedAt && a.SubmittedAt < a.CountersignedAt, $"{who}: assessment dates out of order");
        }
        foreach (var r in referrals)
        {
            var changes = r.StageChanges.OrderBy(s => s.At).ToList();
            Assert.Equal(r.ReferredAt, changes[0].At);
            Assert.Equal(r.Stage, changes[^1].To);
            Assert.True(changes.Zip(changes.Skip(1)).All(p => p.First.At < p.Second.At), $"{cases[r.CaseId].Crn}: stage changes out of order");
            Assert.True(changes[^1].At < DateTimeOffset.UtcNow, $"{cases[r.CaseId].Crn}: a stage change in the future");
        }
    }

    [Fact]
    public async Task Contacts_Letters_Breaches_Concerns_AndRecallRecords_FallWhileOnLicence()
    {
        var (standings, facts) = await demo.ReadAsync(async db =>
        {
            var licences = await db.Licences.AsNoTracking().Include(l => l.Recalls).ToListAsync();
            var crn = await db.Cases.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Crn);
            var byCase = licences.GroupBy(l => l.CaseId).ToDictionary(g => g.Key, g => g.Select(l => new LicencePeriod(l.Id,
                new LicenceDates(l.ReleaseDate, l.LicenceExpiryDate, l.SentenceExpiryDate, l.TopUpSupervisionEndDate),
                l.Recalls.Select(r => (r.RecallDate, r.ReReleaseDate)).ToList())).ToList());
            var facts = new List<(string What, Guid CaseId, DateOnly On)>();
            facts.AddRange((await db.Contacts.AsNoTracking().ToListAsync()).Select(x => ($"contact {x.Outcome}", x.CaseId, x.Date)));
            facts.AddRange((await db.WarningLetters.AsNoTracking().ToListAsync()).Select(x => ("warning letter", x.CaseId, x.IssuedOn)));
            facts.AddRange((await db.Breaches.AsNoTracking().ToListAsync()).Select(x => ("breach", x.CaseId, x.OccurredOn)));
            facts.AddRange((await db.BehavioursOfConcern.AsNoTracking().ToListAsync()).Select(x => ("concern", x.CaseId, x.Date)));
            facts.AddRange((await db.Incidents.AsNoTracking().ToListAsync()).Select(x => ("incident", x.CaseId, DateOnly.FromDateTime(x.OccurredAt.UtcDateTime))));
            // A recall consideration is started, and its decision made, while the person is still on licence.
            foreach (var r in await db.RecallConsiderations.AsNoTracking().ToListAsync())
            {
                facts.Add(("recall consideration started", r.CaseId, DateOnly.FromDateTime(r.CreatedAt.UtcDateTime)));
                if (r.DecidedAt is { } d) facts.Add(("recall decision", r.CaseId, DateOnly.FromDateTime(d.UtcDateTime)));
            }
            return (byCase, facts.Select(f => (f.What, Crn: crn[f.CaseId], f.CaseId, f.On)).ToList());
        });
        Assert.Contains(facts, f => f.What.StartsWith("contact", StringComparison.Ordinal));
        var wrong = facts.Select(f => (f, Standing: LicenceStanding.On(standings[f.CaseId], f.On)))
            .Where(x => x.Standing.Status != LicenceStatus.OnLicence)
            .Select(x => $"{x.f.Crn}: {x.f.What} on {x.f.On:yyyy-MM-dd} — {x.Standing.Description}").Distinct().ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(20)));
    }

    [Fact]
    public async Task EveryWarningLetterARecordCites_IsRecorded_BeforeTheRecord()
    {
        var (considerations, letters) = await demo.ReadAsync(async db => (
            await db.RecallConsiderations.AsNoTracking().ToListAsync(), await db.WarningLetters.AsNoTracking().ToListAsync()));
        Assert.NotEmpty(considerations);
        var words = new Dictionary<string, int> { ["one"] = 1, ["a"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4 };
        foreach (var r in considerations)
        {
            var before = letters.Where(l => l.CaseId == r.CaseId && l.IssuedOn <= DateOnly.FromDateTime(r.CreatedAt.UtcDateTime)).ToList();
            foreach (Match m in Regex.Matches(r.Circumstances ?? "", @"\b(\w+) warning letters?", RegexOptions.IgnoreCase))
                if (words.TryGetValue(m.Groups[1].Value.ToLowerInvariant(), out var n))
                    Assert.True(before.Count >= n, $"'{m.Value}' cited, {before.Count} recorded");
            foreach (var tried in r.AlternativesTried.Where(a => a.Alternative == AlternativeToRecall.WarningLetter))
            {
                Assert.NotEmpty(before);
                if (tried.Details?.Contains("final", StringComparison.OrdinalIgnoreCase) == true) Assert.Contains(before, l => l.Level == Domain.Compliance.WarningLevel.Final);
                if (tried.Details?.Contains("first", StringComparison.OrdinalIgnoreCase) == true) Assert.Contains(before, l => l.Level == Domain.Compliance.WarningLevel.First);
            }
        }
    }

    [Fact]
    public async Task StaffRecordThings_InWorkingHours_AtTimesThatDiffer()
    {
        var times = await demo.ReadAsync(async db =>
        {
            var t = new List<(string What, DateTimeOffset At)>();
            t.AddRange((await db.Referrals.AsNoTracking().Select(r => r.ReferredAt).ToListAsync()).Select(x => ("referral", x)));
            t.AddRange((await db.PathwayStageChanges.AsNoTracking().Select(r => r.At).ToListAsync()).Select(x => ("stage change", x)));
            foreach (var a in await db.Assessments.AsNoTracking().ToListAsync())
                t.AddRange(new[] { a.CreatedAt, a.SubmittedAt, a.CountersignedAt }.OfType<DateTimeOffset>().Select(x => ("assessment", x)));
            foreach (var p in await db.CarePlans.AsNoTracking().ToListAsync())
                t.AddRange(new[] { p.CreatedAt, p.SignedAt, p.CountersignedAt }.OfType<DateTimeOffset>().Select(x => ("care plan", x)));
            foreach (var r in await db.RecallConsiderations.AsNoTracking().ToListAsync())
                t.AddRange(new[] { r.CreatedAt, r.SubmittedAt, r.ConsultedAt, r.DecidedAt, r.CountersignedAt }.OfType<DateTimeOffset>().Select(x => ("recall consideration", x)));
            t.AddRange((await db.InstrumentResponses.AsNoTracking().Select(r => r.CompletedAt).ToListAsync()).OfType<DateTimeOffset>().Select(x => ("screening", x)));
            t.AddRange((await db.Contacts.AsNoTracking().Select(r => r.CreatedAt).ToListAsync()).Select(x => ("contact", x)));
            t.AddRange((await db.WarningLetters.AsNoTracking().Select(r => r.CreatedAt).ToListAsync()).Select(x => ("warning letter", x)));
            t.AddRange((await db.Consultations.AsNoTracking().Select(r => r.CreatedAt).ToListAsync()).Select(x => ("consultation", x)));
            t.AddRange((await db.Cases.AsNoTracking().Select(r => r.CreatedAt).ToListAsync()).Select(x => ("case", x)));
            return t;
        });
        var outside = times.Where(t => t.At.UtcDateTime.Hour is < DemoTime.FirstHour or > DemoTime.LastHour).Select(t => $"{t.What} at {t.At:yyyy-MM-dd HH:mm}").ToList();
        Assert.True(outside.Count == 0, string.Join("\n", outside.Take(20)));
        Assert.True(times.Select(t => t.At.UtcDateTime.TimeOfDay).Distinct().Count() > 50, "seeded times share a few times of day");
        Assert.All(times, t => Assert.True(t.At < DateTimeOffset.UtcNow, $"{t.What} at {t.At:yyyy-MM-dd HH:mm} is in the future"));
    }

    /// <summary>Each demo account signs in to something to do: a list of work, a reminder, or a referral to answer.</summary>
    [Fact]
    public async Task EveryRolesHomePage_HasWorkToDo()
    {
        string[] work = ["data-testid=\"task\""];
        var idle = new List<string>();
        var kinds = new HashSet<string>();
        foreach (var a in DemoSeed.Accounts)
        {
            using var client = demo.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            await AppFixture.SignInAsync(demo.Factory.Services, client, a.Email, DemoSeed.DemoPassword, SeededDemo.AuthenticatorKey);
            var home = await AppFixture.TextAsync(await client.GetAsync("/"));
            if (!work.Any(w => home.Contains(w, StringComparison.Ordinal))) idle.Add($"{a.Email} ({a.Role})");
            await HomeAgreesWithTheApi_AndItsLinksWorkAsync(a.Email, client, home);
            kinds.UnionWith(System.Text.RegularExpressions.Regex.Matches(home, "data-kind=\"([a-z-]+)\"").Select(m => m.Groups[1].Value));
            if (a.Email == "om.north@pathway.example") Assert.Contains("Overdue</strong>", home);
            if (a.Role == StaffRole.PartnerAgency)
                Assert.Contains("data-kind=\"signposting-to-answer\"", home);
        }
        Assert.True(idle.Count == 0, "Nothing to do on the home page for " + string.Join(", ", idle));
        var missing = Pathway.Web.Features.Tasks.TaskKinds.All.Select(k => k.Slug).Where(k => !kinds.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "No demo account has a task of these kinds: " + string.Join(", ", missing));
    }

    /// <summary>
    /// The home page's count is <c>GET /api/v1/me/tasks</c>'s total for the same person, every task it lists is in the
    /// API's list with the same link, and every such link opens (the demo's "Waiting for you" leads somewhere real).
    /// </summary>
    private async Task HomeAgreesWithTheApi_AndItsLinksWorkAsync(string email, HttpClient pages, string home)
    {
        var token = await demo.ReadAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            ApiTokens.Issue(db, user.Id, "demo home check", DateTimeOffset.UtcNow, 1, ApiTokenIssuance.OperatorCli, out var plain);
            await db.SaveChangesAsync();
            return plain;
        });
        using var api = demo.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var links = new HashSet<string?>();
        var total = 0;
        for (var page = 1; page == 1 || links.Count < total; page++) // 25 a page
        {
            var response = await api.GetAsync($"/api/v1/me/tasks?page={page}");
            Assert.True(response.IsSuccessStatusCode, $"{email}: /api/v1/me/tasks?page={page} answered {(int)response.StatusCode}");
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            total = json.RootElement.GetProperty("total").GetInt32();
            var items = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("link").GetString()).ToList();
            if (items.Count == 0) break;
            links.UnionWith(items);
        }

        var shown = System.Text.RegularExpressions.Regex.Match(home, "data-testid=\"task-total\">(\\d+) tasks?");
        Assert.True(shown.Success, $"{email}: no task count on the home page");
        Assert.Equal((email, total), (email, int.Parse(shown.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        var homeLinks = System.Text.RegularExpressions.Regex.Matches(home, "<li data-testid=\"task\">.*?href=\"([^\"]+)\"", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
        Assert.NotEmpty(homeLinks);
        foreach (var link in homeLinks)
        {
            Assert.True(links.Contains(link), $"{email}: {link} is on the home page but not in /api/v1/me/tasks");
            var opened = await pages.GetAsync(link);
            Assert.True(opened.StatusCode == System.Net.HttpStatusCode.OK, $"{email}: {link} answered {(int)opened.StatusCode}");
        }
    }

    /// <summary>
    /// The evaluation's headline comparison on the demo, as the page reads it: enough periods on and off the pathway,
    /// each side with recalls and with periods not recalled (none under the default floor of 5), some people followed
    /// over more than one period, and a Cox model that converges with OGRS3 in it.
    /// </summary>
    [Fact]
    public async Task Evaluation_HasBothSidesOfThePathwayComparison_AndACoxModelThatConverges()
    {
        var (licences, recalls) = await demo.ReadAsync(db => OutcomeData.LoadAsync(db, demo.Today.AddYears(-3).AddDays(1), demo.Today, null, demo.Today, CancellationToken.None));
        var report = Outcomes.Build(licences, Cohort.Pathway, demo.Today, new DateOnly(2025, 4, 1), recalls);
        var summary = string.Join("; ", report.Groups.Select(g => $"{g.Group}: {g.People} periods, {g.Recalls} recalls"));
        Assert.All(report.Groups, g => Assert.True(g.People >= 20 && g.Recalls >= 5 && g.People - g.Recalls >= 5, summary));
        Assert.Contains(report.Periods.Where(p => p.InCohort).GroupBy(p => p.Licence.CaseId), g => g.Count() > 1);
        Assert.Contains(report.Periods.Where(p => !p.InCohort).GroupBy(p => p.Licence.CaseId), g => g.Count() > 1);
        Assert.True(report.TimeVaryingCox.Fit.Succeeded, report.TimeVaryingCox.Fit.Failure);
        Assert.True(report.TimeVaryingCox.IncludesOgrs3 && report.TimeVaryingCox.Clustered);
        var fit = report.LandmarkCox!.Fit.Value;
        Assert.True(fit is not null, report.LandmarkCox.Fit.Failure);
        Assert.True(fit.Iterations < 20 && fit.Events == report.Periods.Count(p => p.Recalled && p.Licence.Ogrs3 is not null), $"{fit.Iterations} iterations");
        Assert.True(report.LandmarkCox.IncludesOgrs3);
        Assert.All(fit.Coefficients, c => Assert.True(double.IsFinite(c.Coef) && double.IsFinite(c.StdErr), c.Name));
        Assert.All(report.Publish(Domain.Disclosure.DisclosurePolicy.Default), m => Assert.True(m.People is not null && m.Recalls is not null, m.Group));
    }
}
