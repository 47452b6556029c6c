using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Coordination;
using Pathway.Domain.Recall;
using Pathway.Domain.Referrals;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Tasks;

/// <summary>
/// "Waiting for you": each kind of task waits for the right person and nobody else, never names a case its viewer cannot
/// read, and goes when the work is done; the home page, <c>/tasks</c> and <c>GET /api/v1/me/tasks</c> agree; filters and
/// paging work; the team view is for senior probation officers and the clinical lead; an action's owner can close it.
/// One world per class, several kinds per test, to keep start-ups few.
/// </summary>
public abstract partial class TaskTests(AppFixture app)
{
    private const string Api = "/api/v1/me/tasks";

    /// <summary>Every task of the role, page by page.</summary>
    private async Task<List<JsonElement>> TasksAsync(StaffRole role)
    {
        using var api = app.Api(role);
        var all = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var res = await api.GetAsync($"{Api}?page={page}");
            var body = await res.Content.ReadAsStringAsync();
            Assert.True(res.StatusCode == HttpStatusCode.OK, $"{res.StatusCode}: {body}");
            var json = JsonDocument.Parse(body).RootElement;
            all.AddRange(json.GetProperty("items").EnumerateArray());
            if (all.Count >= json.GetProperty("total").GetInt32() || page > 20) return all;
        }
    }

    private static IEnumerable<JsonElement> OfKind(IEnumerable<JsonElement> items, string kind) => items.Where(i => i.GetProperty("kind").GetString() == kind);

    private static Guid? CaseOf(JsonElement t) => t.GetProperty("caseId").ValueKind == JsonValueKind.Null ? null : t.GetProperty("caseId").GetGuid();

    [Fact]
    public async Task EachKind_WaitsForItsPerson_OnlyOnCasesTheyCanRead_AndGoesWhenTheWorkIsDone()
    {
        var w = app.World;
        var psych = w.Users[StaffRole.Psychologist].Id;
        var om = w.Users[StaffRole.OffenderManager].Id;
        var fresh = await app.NewCaseAsync(w.TeamA.Id);
        var now = DateTimeOffset.UtcNow;
        var (incidentIn, adviceId, decisionId, planId, grantId, referralId) = await app.Factory.WithDbAsync(async db =>
        {
            await db.Cases.Where(c => c.Id == w.InScope.Id || c.Id == w.OutOfScope.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.PsychologistId, psych));
            await db.Cases.Where(c => c.Id == fresh.Id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.PsychologistId, psych).SetProperty(c => c.ReferredToServiceOn, DateOnly.FromDateTime(now.UtcDateTime)));
            Incident I(CaseRecord c) => new()
            {
                CaseId = c.Id, OccurredAt = now.AddDays(-10), Location = "Office", Description = "Threw a chair.", StaffResponse = "Called for help.",
                WhoWasInformed = "Offender manager", RecordedById = om, CreatedAt = now,
            };
            var incidents = new[] { I(w.InScope), I(w.OutOfScope) };
            db.Incidents.AddRange(incidents);
            RecallConsideration R(RecallConsiderationStatus status) => new()
            {
                CaseId = w.InScope.Id, LicenceId = w.InScopeLicence.Id, Status = status, Concern = RecallConcern.RiskIncreased, StartedById = om, CreatedAt = now,
                ConsultationRequestedAt = now.AddDays(-1), SubmittedAt = status == RecallConsiderationStatus.AwaitingDecision ? now : null,
            };
            var advice = R(RecallConsiderationStatus.InProgress);
            var decision = R(RecallConsiderationStatus.AwaitingDecision);
            decision.ConsultedAt = now;
            db.RecallConsiderations.AddRange(advice, decision);
            var plan = new CarePlan
            {
                CaseId = w.InScope.Id, Number = 2, Status = CarePlanStatus.AwaitingCountersignature, Reason = "Review", CreatedById = psych,
                SignedById = psych, SignedAt = now, CreatedAt = now,
            };
            db.CarePlans.Add(plan);
            var grant = new BreakGlassGrant { CaseId = w.OutOfScope.Id, UserId = om, Reason = "Out of hours call", GrantedAt = now.AddDays(-2), ExpiresAt = now.AddDays(-1) };
            db.BreakGlassGrants.Add(grant);
            var referral = new Referral
            {
                CaseId = fresh.Id, ReferredById = om, ReferredAt = now.AddDays(-4), Reason = "Self-harm", Questions = "What next?", Urgency = ReferralUrgency.Routine,
                SharingBasis = SharingBasis.AgreedToSharing, Stage = PathwayStage.Referred, StageEnteredAt = now.AddDays(-4), AllocatedPsychologistId = psych,
                AllocatedAt = now.AddDays(-3), CreatedAt = now,
            };
            db.Referrals.Add(referral);
            await db.DirectoryServices.Where(d => d.Id == w.DirectoryService.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.LastVerifiedOn, (DateOnly?)null));
            await db.ConsultationActions.Where(a => a.Id == w.InScopeAction.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.DueOn, DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1)));
            await db.SaveChangesAsync();
            return (incidents[0].Id, advice.Id, decision.Id, plan.Id, grant.Id, referral.Id);
        });

        var mine = await TasksAsync(StaffRole.Psychologist);
        var chain = Assert.Single(OfKind(mine, "chain-analysis-due"));
        Assert.Equal(incidentIn.ToString(), chain.GetProperty("id").GetString());
        Assert.True(chain.GetProperty("overdue").GetBoolean());
        Assert.Equal(w.InScope.Crn, chain.GetProperty("crn").GetString());
        Assert.Equal(adviceId.ToString(), Assert.Single(OfKind(mine, "recall-advice")).GetProperty("id").GetString());
        Assert.Equal(referralId.ToString(), Assert.Single(OfKind(mine, "first-consultation")).GetProperty("id").GetString());
        Assert.Contains(OfKind(mine, "assessment-draft"), t => CaseOf(t) == w.InScope.Id);
        Assert.Single(OfKind(mine, "directory-check"));
        Assert.DoesNotContain(mine, t => CaseOf(t) is { } c && (c == w.OutOfScope.Id || c == w.Restricted.Id));
        Assert.DoesNotContain(mine, t => t.GetProperty("kind").GetString() is "referral-to-allocate" or "break-glass-review" or "recall-decision");

        var spo = await TasksAsync(StaffRole.SeniorProbationOfficer);
        Assert.Equal(decisionId.ToString(), Assert.Single(OfKind(spo, "recall-decision")).GetProperty("id").GetString());
        var offender = await TasksAsync(StaffRole.OffenderManager);
        Assert.Equal(planId.ToString(), Assert.Single(OfKind(offender, "care-plan-to-countersign")).GetProperty("id").GetString());
        Assert.Contains(OfKind(offender, "consultation-action"), t => t.GetProperty("id").GetString() == w.InScopeAction.Id.ToString());
        Assert.Single(OfKind(offender, "recall-letter"), t => CaseOf(t) == w.InScope.Id);
        Assert.Empty(OfKind(offender, "directory-check"));
        var lead = await TasksAsync(StaffRole.ClinicalLead);
        Assert.Contains(OfKind(lead, "referral-to-allocate"), t => CaseOf(t) == w.InScope.Id);
        var review = Assert.Single(OfKind(lead, "break-glass-review"));
        Assert.Null(CaseOf(review)); // the clinical lead cannot read that case, so the task does not name it
        Assert.Equal(JsonValueKind.Null, review.GetProperty("crn").ValueKind);
        Assert.Equal(3, OfKind(await TasksAsync(StaffRole.PartnerAgency), "signposting-to-answer").Count());
        // Approved-premises staff see the in-scope case but none of this is theirs.
        Assert.DoesNotContain(await TasksAsync(StaffRole.ApprovedPremisesStaff), t => CaseOf(t) is not null);

        // The work is done: every task goes.
        await app.Factory.WithDbAsync(async db =>
        {
            db.ChainAnalyses.Add(new ChainAnalysis { IncidentId = incidentIn, CaseId = w.InScope.Id, ProblemBehaviour = "Chair", CreatedAt = now, CompletedAt = now, CompletedById = psych });
            db.Consultations.Add(new Consultation { CaseId = fresh.Id, ReferralId = referralId, HeldOn = DateOnly.FromDateTime(now.UtcDateTime), Advice = "Keep going.", RecordedById = psych, CreatedAt = now });
            await db.SaveChangesAsync();
            await db.RecallConsiderations.Where(r => r.Id == adviceId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ConsultedAt, now));
            await db.RecallConsiderations.Where(r => r.Id == decisionId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RecallConsiderationStatus.Decided).SetProperty(r => r.Decision, RecallDecisionKind.StandardRecall));
            await db.CarePlans.Where(p => p.Id == planId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, CarePlanStatus.Active));
            await db.BreakGlassGrants.Where(g => g.Id == grantId).ExecuteUpdateAsync(s => s.SetProperty(g => g.ReviewedAt, now));
            await db.DirectoryServices.Where(d => d.Id == w.DirectoryService.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.LastVerifiedOn, DateOnly.FromDateTime(now.UtcDateTime)));
            await db.ConsultationActions.Where(a => a.Id == w.InScopeAction.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.CompletedAt, now));
            return 0;
        });
        mine = await TasksAsync(StaffRole.Psychologist);
        foreach (var kind in new[] { "chain-analysis-due", "recall-advice", "first-consultation", "directory-check" }) Assert.Empty(OfKind(mine, kind));
        Assert.Empty(OfKind(await TasksAsync(StaffRole.SeniorProbationOfficer), "recall-decision"));
        offender = await TasksAsync(StaffRole.OffenderManager);
        Assert.Empty(OfKind(offender, "care-plan-to-countersign"));
        Assert.DoesNotContain(OfKind(offender, "consultation-action"), t => t.GetProperty("id").GetString() == w.InScopeAction.Id.ToString());
        Assert.Empty(OfKind(await TasksAsync(StaffRole.ClinicalLead), "break-glass-review"));

        // The letter goes once someone downloads it.
        var pages = await app.PagesAsync(StaffRole.OffenderManager);
        var consideration = w.RecordIds["considerationId"].InScope;
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync($"/cases/{w.InScope.Id}/recall/{consideration}/letter.pdf")).StatusCode);
        Assert.Empty(OfKind(await TasksAsync(StaffRole.OffenderManager), "recall-letter"));
    }

    [Fact]
    public async Task TheHomePage_TheTaskList_AndTheApi_Agree_AndFiltersAndPagingWork()
    {
        var w = app.World;
        var om = w.Users[StaffRole.SeniorProbationOfficer].Id;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await app.Factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 30; i++)
                db.ConsultationActions.Add(new ConsultationAction
                {
                    ConsultationId = w.InScopeConsultation.Id, CaseId = w.InScope.Id, Description = $"Paged action {i:D2}", OwnerId = om,
                    DueOn = today.AddDays(i < 12 ? -1 - i : 3), CreatedAt = DateTimeOffset.UtcNow,
                });
            return await db.SaveChangesAsync();
        });
        using var api = app.Api(StaffRole.SeniorProbationOfficer);
        var first = await api.GetFromJsonAsync<JsonElement>(Api);
        var total = first.GetProperty("total").GetInt32();
        Assert.True(total >= 30, $"only {total}");
        Assert.Equal(25, first.GetProperty("items").GetArrayLength());
        var items = first.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.TakeWhile(t => t.GetProperty("overdue").GetBoolean()).Count() >= 12, "overdue first");
        var second = await api.GetFromJsonAsync<JsonElement>(Api + "?page=2");
        Assert.Equal(total - 25, second.GetProperty("items").GetArrayLength());

        var pages = await app.PagesAsync(StaffRole.SeniorProbationOfficer);
        var home = await AppFixture.TextAsync(await pages.GetAsync("/"));
        Assert.Contains($"{total} tasks", home);
        Assert.Contains("href=\"/tasks?kind=consultation-action\"", home);
        Assert.Contains("tasks waiting", home);
        var list = await AppFixture.TextAsync(await pages.GetAsync("/tasks?page=2"));
        Assert.Contains($"{total} tasks", list);
        Assert.Equal(total - 25, TaskRows().Matches(list).Count);

        var overdue = await api.GetFromJsonAsync<JsonElement>(Api + "?kind=consultation-action&overdue=true&case=" + w.InScope.Id);
        Assert.Equal(12, overdue.GetProperty("total").GetInt32());
        var filtered = await AppFixture.TextAsync(await pages.GetAsync($"/tasks?kind=consultation-action&overdue=true&case={w.InScope.Id}"));
        Assert.Equal(12, TaskRows().Matches(filtered).Count);

        var bad = await api.GetAsync(Api + "?kind=nonsense&page=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("kind", out _));
        var badPage = await AppFixture.TextAsync(await pages.GetAsync("/tasks?kind=nonsense"));
        Assert.Contains("Choose a kind of task from the list", badPage);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "task.list" && e.UserId == om)));
        Assert.Contains("/api/v1/me/tasks", await app.Anonymous().GetStringAsync("/openapi/v1.json"));
    }

    [Fact]
    public async Task TheTeamView_IsForSeniorProbationOfficersAndTheClinicalLead_GroupedByPerson()
    {
        var w = app.World;
        await app.Factory.WithDbAsync(db =>
        {
            db.ConsultationActions.Add(new ConsultationAction
            {
                ConsultationId = w.InScopeConsultation.Id, CaseId = w.InScope.Id, Description = "Team view action", OwnerId = w.Users[StaffRole.OffenderManager].Id,
                DueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2), CreatedAt = DateTimeOffset.UtcNow,
            });
            return db.SaveChangesAsync();
        });
        var spo = await app.PagesAsync(StaffRole.SeniorProbationOfficer);
        var team = await AppFixture.TextAsync(await spo.GetAsync("/tasks?view=team"));
        Assert.Contains("Waiting across your team", team);
        Assert.Contains("data-testid=\"team-counts\"", team);
        Assert.Contains(app.World.Users[StaffRole.OffenderManager].DisplayName, team);
        using var api = app.Api(StaffRole.SeniorProbationOfficer);
        var json = await api.GetFromJsonAsync<JsonElement>($"{Api}?view=team&person={app.World.Users[StaffRole.OffenderManager].Id}");
        Assert.NotEmpty(json.GetProperty("items").EnumerateArray());
        Assert.All(json.GetProperty("items").EnumerateArray(), t => Assert.Equal(app.World.Users[StaffRole.OffenderManager].Id, t.GetProperty("waitsForUserId").GetGuid()));
        var om = await app.PagesAsync(StaffRole.OffenderManager);
        Assert.Equal(HttpStatusCode.NotFound, (await om.GetAsync("/tasks?view=team")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api(StaffRole.OffenderManager).GetAsync($"{Api}?view=team")).StatusCode);
    }

    [Fact]
    public async Task APartner_CanCloseTheGroupActionTheyOwn_AndNobodyElseWhoIsNotAnAdministratorCan()
    {
        var action = await app.Factory.WithDbAsync(db => db.GroupActions.AsNoTracking().SingleAsync(a => a.Description == "Send the group the new referral form"));
        var partnerTasks = await TasksAsync(StaffRole.PartnerAgency);
        var task = Assert.Single(OfKind(partnerTasks, "coordination-action"));
        Assert.True(task.GetProperty("overdue").GetBoolean());
        var link = task.GetProperty("link").GetString()!;
        var partner = await app.PagesAsync(StaffRole.PartnerAgency);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync(link)).StatusCode);

        // Someone who neither owns it nor administers the group cannot change it.
        using var probation = app.Api(StaffRole.SeniorProbationOfficer);
        var refused = await probation.PutAsJsonAsync($"/api/v1/coordination-group/actions/{action.Id}/status", new { status = "done", version = action.Version });
        Assert.True(refused.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, refused.StatusCode.ToString());

        var res = await AppFixture.PostFormAsync(partner, link, new() { ["Status"] = "Done", ["Version"] = action.Version.ToString() }, link);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Equal(GroupActionStatus.Done, await app.Factory.WithDbAsync(db => db.GroupActions.Where(a => a.Id == action.Id).Select(a => a.Status).SingleAsync()));
        Assert.Empty(OfKind(await TasksAsync(StaffRole.PartnerAgency), "coordination-action"));
    }

    [GeneratedRegex("<tr class=\"govuk-table__row\" data-testid=\"task\"")]
    private static partial Regex TaskRows();
}

public sealed class TaskTestsSqlite(SqliteApp app) : TaskTests(app), IClassFixture<SqliteApp>;

public sealed class TaskTestsPostgres(PostgresApp app) : TaskTests(app), IClassFixture<PostgresApp>;
