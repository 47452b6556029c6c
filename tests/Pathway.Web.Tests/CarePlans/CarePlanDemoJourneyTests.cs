using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Security;
using Pathway.Data.Seeding;
using Pathway.Domain.CarePlans;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.CarePlans;

/// <summary>
/// The issue's "done when", on the demo data itself: the psychologist writes a plan from the demo formulation, the
/// offender manager countersigns, AP staff see the one-page summary and log an incident, a chain analysis is written,
/// and the review page shows both. SQLite only: the journey checks the demo, the providers are covered elsewhere.
/// </summary>
public sealed class CarePlanDemoJourneyTests : IDisposable
{
    private const string Key = "JBSWY3DPEHPK3PXP";
    private readonly PathwayFactory _factory = new(Provider.Sqlite);

    [Fact]
    public async Task Demo_PlanFromFormulation_Countersigned_SummaryForAp_IncidentWithChainAnalysis_ShownAtReview()
    {
        _ = _factory.Server;
        var tokens = new Dictionary<string, string>();
        Guid caseId = default;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PathwayDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            Assert.True(await DemoSeed.SeedAsync(db, users, TimeProvider.System));
            // The demo case: an approved-premises resident with a locked formulation and no care plan yet.
            var planned = await db.CarePlans.Select(p => p.CaseId).ToListAsync();
            var ready = await db.Assessments.Where(a => a.Status == Domain.Assessments.AssessmentStatus.Locked && !planned.Contains(a.CaseId))
                .Join(db.Cases.Where(c => c.ApprovedPremisesId != null), a => a.CaseId, c => c.Id, (a, c) => c).ToListAsync();
            caseId = Assert.Single(ready).Id;
            foreach (var email in new[] { "psychologist@pathway.example", "om.south@pathway.example", "ap@pathway.example" })
            {
                var u = await users.FindByEmailAsync(email);
                ApiTokens.Issue(db, u!.Id, "demo journey", DateTimeOffset.UtcNow, 1, ApiTokenIssuance.OperatorCli, out var plain);
                tokens[email] = plain;
            }
            var psychologistUser = await users.FindByEmailAsync("psychologist@pathway.example");
            await users.SetAuthenticationTokenAsync(psychologistUser!, "[AspNetUserStore]", "AuthenticatorKey", Key);
            await users.SetTwoFactorEnabledAsync(psychologistUser!, true);
            await db.SaveChangesAsync();
        }
        using var psych = Client(tokens["psychologist@pathway.example"]);
        using var om = Client(tokens["om.south@pathway.example"]);
        using var ap = Client(tokens["ap@pathway.example"]);
        var plans = $"/api/v1/cases/{caseId}/care-plans";

        // 1. The psychologist starts the first plan: it is drawn from the formulation.
        var started = await psych.PostAsJsonAsync(plans, new { reason = "First plan after the assessment" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var plan = await started.Content.ReadFromJsonAsync<JsonElement>();
        var planId = plan.GetProperty("id").GetGuid();
        Assert.Contains("Endings feel like proof that everyone leaves", plan.GetRawText(), StringComparison.Ordinal);
        var version = plan.GetProperty("version").GetInt32();
        foreach (var slug in plan.GetProperty("emptySections").EnumerateArray().Select(s => s.GetString()!))
        {
            var section = CarePlanFields.FromSlug(slug)!.Value;
            HttpResponseMessage saved = section switch
            {
                CarePlanSection.Goals => await psych.PostAsJsonAsync($"{plans}/{planId}/goals", new
                {
                    area = "relationships", inOwnWords = "I want to know before a worker leaves", smart = "Every change of key worker announced two weeks ahead and talked through",
                    targetDate = DateTime.UtcNow.AddMonths(3).ToString("yyyy-MM-dd"), version,
                }),
                CarePlanSection.Actions => await psych.PostAsJsonAsync($"{plans}/{planId}/actions", new { what = "Three-way meeting", who = "AP key worker and OM", when = "Monthly", status = "notStarted", version }),
                _ => await psych.PutAsJsonAsync($"{plans}/{planId}/sections/{slug}", new
                {
                    text = CarePlanFields.For(section).ToDictionary(f => f.Key, f => $"Demo text for {f.Label}"),
                    agreement = "agreed", reviewDate = DateTime.UtcNow.AddMonths(3).ToString("yyyy-MM-dd"), skills = new[] { "tip" }, version,
                }),
            };
            Assert.True(saved.IsSuccessStatusCode, $"{slug}: {(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync()}");
            version = (await psych.GetFromJsonAsync<JsonElement>($"{plans}/{planId}")).GetProperty("version").GetInt32();
        }
        var signed = await psych.PostAsJsonAsync($"{plans}/{planId}/sign", new { version });
        Assert.True(signed.IsSuccessStatusCode, await signed.Content.ReadAsStringAsync());

        // 2. The case's offender manager countersigns: the plan is active.
        var countersigned = await om.PostAsJsonAsync($"{plans}/{planId}/countersign", new { version = (await signed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32() });
        Assert.True(countersigned.IsSuccessStatusCode, await countersigned.Content.ReadAsStringAsync());
        Assert.Equal("active", (await countersigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        // 3. AP staff see the one-page summary (and nothing else of the plan), and log an incident.
        var summary = await ap.GetFromJsonAsync<JsonElement>($"{plans}/{planId}");
        Assert.Equal("summary", summary.GetProperty("view").GetString());
        Assert.Contains("Endings and changes", summary.GetRawText(), StringComparison.Ordinal);
        var now = DateTime.UtcNow;
        var incident = await ap.PostAsJsonAsync($"/api/v1/cases/{caseId}/incidents", new
        {
            date = now.ToString("yyyy-MM-dd"), time = now.ToString("HH:mm"), location = "AP lounge", type = "threats", severity = "moderate",
            description = "Shouted threats at the night worker after hearing the key worker is leaving.", trigger = "Key worker leaving",
            staffResponse = "Gave space, then talked it through.", whoWasInformed = "Offender manager",
        });
        Assert.Equal(HttpStatusCode.Created, incident.StatusCode);
        var incidentId = (await incident.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // 4. The chain analysis (psychologist), completed.
        var analysis = await psych.PostAsJsonAsync($"/api/v1/cases/{caseId}/incidents/{incidentId}/chain-analysis", new
        {
            problemBehaviour = "Shouted threats to hurt the night worker, for about five minutes", vulnerabilityFactors = "Two nights of poor sleep",
            promptingEvent = "Told the key worker is leaving next week", shortTermConsequences = "Staff came close", longTermConsequences = "Warning letter; shame",
            function = "Stopping the feeling of being left", functionCategory = "escapeOrAvoidance", preventionAndRepair = "Announce changes early; apologise to the night worker",
            links = new object[] { new { kind = "thought", text = "Everyone leaves" }, new { kind = "emotion", text = "Panic", skill = "tip" }, new { kind = "action", text = "Shouted" } },
        });
        Assert.Equal(HttpStatusCode.Created, analysis.StatusCode);
        var completed = await psych.PostAsJsonAsync($"/api/v1/cases/{caseId}/incidents/{incidentId}/chain-analysis/complete",
            new { version = (await analysis.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32() });
        Assert.True(completed.IsSuccessStatusCode, await completed.Content.ReadAsStringAsync());

        // 5. The next review lists the incident with the function and trigger it points to.
        using var pages = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await AppFixture.SignInAsync(_factory.Services, pages, "psychologist@pathway.example", DemoSeed.DemoPassword, Key);
        var review = await (await pages.GetAsync($"/cases/{caseId}/care-plans/{planId}/review")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"incident-count\">1<", review, StringComparison.Ordinal);
        Assert.Contains("Escape or avoidance (1)", review, StringComparison.Ordinal);
        Assert.Contains("Key worker leaving (1)", review, StringComparison.Ordinal);
    }

    private HttpClient Client(string token)
    {
        var c = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return c;
    }

    public void Dispose() => _factory.Dispose();
}
