using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Seeding;
using Pathway.Domain.Disclosure;
using Pathway.Domain.Evaluation;
using Pathway.Web.Features.Evaluation;
using Pathway.Web.Tests.Compliance;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Evaluation;

/// <summary>
/// The evaluation on the demo service itself, as the page reads it (its default three years): every comparison has
/// two sides (but the care-plan one, as the demo's plans are recent), the adjusted Cox model fits with OGRS3 in it, and the
/// headline comparison (on the pathway or not) has enough periods and recalls on each side that a service manager sees
/// real figures under the default floor. SQLite only: the providers are covered by <see cref="EvaluationTests"/>.
/// </summary>
public sealed class EvaluationDemoTests : IDisposable
{
    private readonly PathwayFactory _factory = new(Provider.Sqlite);

    [Fact]
    public async Task Demo_EveryComparisonHasTwoSides_CoxFitsWithOgrs3_AndThePathwayComparisonIsPublished()
    {
        _ = _factory.Server;
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.True(await DemoSeed.SeedAsync(db, users, TimeProvider.System));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (licences, recalls) = await OutcomeData.LoadAsync(db, today.AddYears(-3).AddDays(1), today, null, today, CancellationToken.None);

        var managersSeeGroups = new List<Cohort>();
        foreach (var cohort in Enum.GetValues<Cohort>())
        {
            var report = Outcomes.Build(licences, cohort, today, new DateOnly(2025, 4, 1), recalls);
            // The demo's three care plans are recent, so few licences had one 3 months after release: the page says
            // plainly why that model cannot be fitted rather than showing numbers.
            if (cohort == Cohort.CarePlan)
            {
                Assert.True(report.TimeVaryingCox.Fit.Value is not null || !string.IsNullOrWhiteSpace(report.TimeVaryingCox.Fit.Failure));
                continue;
            }
            Assert.All(report.Groups, g => Assert.True(g.People >= 3 && g.Recalls >= 1, $"{cohort}: {g.Group} has {g.People} periods and {g.Recalls} recalls"));
            foreach (var model in new[] { report.TimeVaryingCox, report.LandmarkCox }.OfType<CoxAnalysis>())
            {
                Assert.True(model.Fit.Value is not null, $"{cohort}: {model.Fit.Failure}");
                Assert.True(model.IncludesOgrs3, $"{cohort}: OGRS3 left out of the model");
            }
            Assert.True(report.LogRank.Value is not null, $"{cohort}: {report.LogRank.Failure}");
            var published = report.Publish(DisclosurePolicy.Default);
            Assert.NotNull(published[^1].People);
            Assert.NotNull(published[^1].RatePer100PersonMonths);
            if (published.Take(2).All(m => m.RatePer100PersonMonths is not null)) managersSeeGroups.Add(cohort);
        }
        // At least one comparison is open to a service manager group by group.
        Assert.NotEmpty(managersSeeGroups);
        // The headline comparison has five or more recalled and not recalled periods on each side, so a service manager
        // sees every figure (the floor hides counts under 5).
        var pathway = Outcomes.Build(licences, Cohort.Pathway, today, new DateOnly(2025, 4, 1), recalls);
        var summary = string.Join("; ", pathway.Groups.Select(g => $"{g.Group}: {g.People} periods, {g.Recalls} recalls"));
        var managers = pathway.Publish(DisclosurePolicy.Default);
        Assert.True(managers.All(m => m.Recalls is not null && m.RatePer100PersonMonths is not null), summary);
        Assert.All(pathway.Publish(DisclosurePolicy.Exact), m => Assert.NotNull(m.Recalls));
    }

    /// <summary>
    /// The page itself on the demo: the clinical lead sees exact figures and a fitted model; the service manager the same
    /// page under the suppression policy, where the headline comparison is big enough to show every figure and the model.
    /// </summary>
    [Fact]
    public async Task Demo_EvaluationPage_ExactForTheClinicalLead_RealFiguresUnderSuppressionForTheServiceManager()
    {
        _ = _factory.Server;
        const string key = "JBSWY3DPEHPK3PXP";
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            Assert.True(await DemoSeed.SeedAsync(db, users, TimeProvider.System));
            foreach (var email in new[] { "clinical.lead@pathway.example", "manager@pathway.example" })
            {
                var u = (await users.FindByEmailAsync(email))!;
                await users.SetAuthenticationTokenAsync(u, "[AspNetUserStore]", "AuthenticatorKey", key);
                await users.SetTwoFactorEnabledAsync(u, true);
            }
        }
        async Task<string> PageAs(string email, string path = "/evaluation")
        {
            using var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            await AppFixture.SignInAsync(_factory.Services, client, email, DemoSeed.DemoPassword, key);
            return await AppFixture.TextAsync(await client.GetAsync(path));
        }

        var lead = await PageAs("clinical.lead@pathway.example");
        Assert.Contains("data-testid=\"km-chart\"", lead);
        Assert.Contains("data-testid=\"cox\"", lead);
        Assert.DoesNotContain("cox-failure", lead);
        Assert.DoesNotContain("suppression-note", lead);
        Assert.All(RecallFiguresTests.Table(lead, "measures"), r => Assert.NotEqual("[c]", r.Cells["Recalled"]));
        // The primary model is the time-varying one; the demo has people with two licence periods, so its CIs and p are
        // robust ones clustered on the person, and the caption says so. The landmark model is the labelled sensitivity analysis.
        Assert.Contains("Every licence period is followed from release. Being on the pathway counts from the day of the first referral", lead);
        Assert.Contains("data-testid=\"cox-robust\"", lead);
        Assert.Contains("The confidence intervals and p allow for people with more than one licence period (robust standard errors clustered on the person).", lead);
        Assert.Contains("Robust Wald test", lead);
        Assert.Matches("<details class=\"govuk-details\" data-testid=\"cox-sensitivity\">\\s*<summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">Sensitivity analysis: landmark at 3 months</span>", lead);
        Assert.Contains("data-testid=\"cox-landmark\"", lead);
        Assert.Matches(@"licence periods of \d+ people\)", lead); // sizes for a reader who sees exact figures
        var csv = (await PageAs("clinical.lead@pathway.example", "/evaluation?handler=Csv&table=cox")).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("Model,Covariate,Coefficient,Hazard ratio,Standard error,Robust standard error,z,p,Lower 95%,Upper 95%", csv[0]);
        var onThePathway = csv.Where(l => l.Contains(",On the pathway,", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, onThePathway.Count);
        Assert.StartsWith("\"Time-varying, from release\",On the pathway,", onThePathway[0], StringComparison.Ordinal);
        Assert.StartsWith("Sensitivity analysis: landmark at 3 months,On the pathway,", onThePathway[1], StringComparison.Ordinal);
        Assert.All(onThePathway, l => Assert.NotEqual("", l.Split(',')[5])); // the robust standard error

        var manager = await PageAs("manager@pathway.example");
        Assert.Contains("suppression-note", manager);
        var measures = RecallFiguresTests.Table(manager, "measures");
        Assert.Equal(3, measures.Count);
        Assert.All(measures, r => Assert.DoesNotContain("[c]", string.Join(" ", r.Cells.Values)));
        Assert.Contains("data-testid=\"cox\"", manager);
        Assert.DoesNotContain("cox-failure", manager);
        Assert.Contains("data-testid=\"cox-robust\"", manager);
        Assert.Contains("Sensitivity analysis: landmark at 3 months", manager);
        Assert.DoesNotMatch(@"licence periods of \d+", manager); // model sizes could reveal a hidden count
    }

    public void Dispose() => _factory.Dispose();
}
