using System.Net;
using Microsoft.EntityFrameworkCore;
using Pathway.Domain.Auditing;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.CarePlans;

public abstract class CarePlanTests(AppFixture app)
{
    private Guid CaseId => app.World.InScope.Id;
    private Guid PlanId => app.World.Plans[CaseId].Id;

    /// <summary>The active version now: the lifecycle test in this class may have replaced the world's first one.</summary>
    private Task<Guid> ActiveIdAsync() =>
        app.Factory.WithDbAsync(db => db.CarePlans.Where(p => p.CaseId == CaseId && p.Status == CarePlanStatus.Active).Select(p => p.Id).SingleAsync());

    private async Task<string> GetHtmlAsync(StaffRole role, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var client = await app.PagesAsync(role);
        var res = await client.GetAsync(path);
        Assert.Equal(expected, res.StatusCode);
        return await res.Content.ReadAsStringAsync();
    }

    private static string Field(string html, string name)
    {
        var m = System.Text.RegularExpressions.Regex.Match(html, $"name=\"{name}\" value=\"(\\d+)\"");
        Assert.True(m.Success, $"no {name} on the page");
        return m.Groups[1].Value;
    }

    [Theory]
    [InlineData(StaffRole.ApprovedPremisesStaff)]
    [InlineData(StaffRole.PublicProtectionOfficer)]
    public async Task SummaryRoles_SeeOnlyTheSummarySections_NeverTheRestrictedNote(StaffRole role)
    {
        var PlanId = await ActiveIdAsync();
        var html = await GetHtmlAsync(role, $"/cases/{CaseId}/care-plans/{PlanId}");
        Assert.Contains("World text for triggers", html, StringComparison.Ordinal);
        Assert.Contains("World text for contingency", html, StringComparison.Ordinal);
        Assert.DoesNotContain("World text for risk.supervision", html, StringComparison.Ordinal);
        Assert.DoesNotContain("World text for understanding.summary", html, StringComparison.Ordinal);
        Assert.DoesNotContain("WORLD-RESTRICTED-NOTE", html, StringComparison.Ordinal);
        var summary = await GetHtmlAsync(role, $"/cases/{CaseId}/care-plans/{PlanId}/summary");
        Assert.Contains("How to work with this person", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("WORLD-RESTRICTED-NOTE", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StaffRole.Psychologist)]
    [InlineData(StaffRole.OffenderManager)]
    [InlineData(StaffRole.SeniorProbationOfficer)]
    public async Task RestrictedRoles_SeeTheWholePlan_IncludingWhatIsNotToBeDisclosed(StaffRole role)
    {
        var PlanId = await ActiveIdAsync();
        var html = await GetHtmlAsync(role, $"/cases/{CaseId}/care-plans/{PlanId}");
        Assert.Contains("World text for risk.supervision", html, StringComparison.Ordinal);
        Assert.Contains("WORLD-RESTRICTED-NOTE", html, StringComparison.Ordinal);
        // The one-page summary never carries it, whoever prints it.
        Assert.DoesNotContain("WORLD-RESTRICTED-NOTE", await GetHtmlAsync(role, $"/cases/{CaseId}/care-plans/{PlanId}/summary"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lifecycle_NewVersion_SignNamesEmptySections_NoSelfCountersign_ThenActiveWithChanges()
    {
        var psych = await app.PagesAsync(StaffRole.Psychologist);
        var om = await app.PagesAsync(StaffRole.OffenderManager);
        var start = await AppFixture.PostFormAsync(psych, $"/cases/{CaseId}/care-plan?handler=Start", new() { ["Reason"] = "Scheduled review" }, $"/cases/{CaseId}/care-plan");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var draftPath = start.Headers.Location!.OriginalString;
        var draftId = Guid.Parse(draftPath.Split('/').Last());

        // Copied from the active version, but the person and the review date are asked again: signing names both.
        var html = await (await psych.GetAsync(draftPath)).Content.ReadAsStringAsync();
        var sign = await AppFixture.PostFormAsync(psych, $"{draftPath}?handler=Sign", new() { ["PlanVersion"] = Field(html, "PlanVersion") }, draftPath);
        var signHtml = await sign.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, sign.StatusCode);
        Assert.Contains("Complete &#x27;The person&#x27;s involvement&#x27; before signing", signHtml, StringComparison.Ordinal);
        Assert.Contains("Complete &#x27;Review date&#x27; before signing", signHtml, StringComparison.Ordinal);

        async Task<HttpResponseMessage> SaveSection(string slug, Dictionary<string, string> fields)
        {
            var form = $"{draftPath}/sections/{slug}";
            var page = await (await psych.GetAsync(form)).Content.ReadAsStringAsync();
            fields["PlanVersion"] = Field(page, "PlanVersion");
            return await AppFixture.PostFormAsync(psych, form, fields, form);
        }
        var review = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(2);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveSection("persons-involvement", new() { ["Agreement"] = "Disagreed", ["AgreementReason"] = "Wants fewer appointments" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveSection("review", new() { ["ReviewDate.Day"] = review.Day.ToString(), ["ReviewDate.Month"] = review.Month.ToString(), ["ReviewDate.Year"] = review.Year.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveSection("triggers-and-early-warning-signs", new() { ["Text[triggers]"] = "World text for triggers\nNew: anniversaries", ["Text[triggers.early-warning]"] = "Goes quiet" })).StatusCode);

        html = await (await psych.GetAsync(draftPath)).Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(psych, $"{draftPath}?handler=Sign", new() { ["PlanVersion"] = Field(html, "PlanVersion") }, draftPath)).StatusCode);

        // The clinical lead may sign, but nobody countersigns their own signature; here the psychologist tries.
        html = await (await om.GetAsync(draftPath)).Content.ReadAsStringAsync();
        var self = await AppFixture.PostFormAsync(psych, $"{draftPath}?handler=Countersign", new() { ["PlanVersion"] = Field(html, "PlanVersion") }, draftPath);
        Assert.Contains("You signed this plan", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(om, $"{draftPath}?handler=Countersign", new() { ["PlanVersion"] = Field(html, "PlanVersion") }, draftPath)).StatusCode);

        var statuses = await app.Factory.WithDbAsync(db => db.CarePlans.Where(p => p.CaseId == CaseId).OrderBy(p => p.Number).Select(p => p.Status).ToListAsync());
        Assert.Equal([CarePlanStatus.Superseded, CarePlanStatus.Active], statuses);
        var changes = await (await om.GetAsync($"{draftPath}/changes")).Content.ReadAsStringAsync();
        Assert.Contains("New: anniversaries", changes, StringComparison.Ordinal);
        Assert.Contains("app-diff__added", changes, StringComparison.Ordinal);
        // The earlier version stays readable.
        Assert.Contains("WORLD-RESTRICTED-NOTE", await (await om.GetAsync($"/cases/{CaseId}/care-plans/{PlanId}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "careplan.countersign" && a.EntityId == draftId.ToString())));
        // AP staff now see the new version only.
        var ap = await app.PagesAsync(StaffRole.ApprovedPremisesStaff);
        Assert.Equal(HttpStatusCode.NotFound, (await ap.GetAsync($"/cases/{CaseId}/care-plans/{PlanId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ap.GetAsync($"{draftPath}/summary")).StatusCode);
    }

    [Fact]
    public async Task TwoPeopleEditingOneDraft_TheSecondSaveIsRefused_AndNothingIsOverwritten()
    {
        var om = await app.PagesAsync(StaffRole.OffenderManager);
        var draft = await RestrictedDraftAsync(om);
        var form = draft + "/sections/what-helps";
        var page = await (await om.GetAsync(form)).Content.ReadAsStringAsync();
        var version = Field(page, "PlanVersion");
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(om, form, new() { ["PlanVersion"] = version, ["Text[helps]"] = "First writer" }, form)).StatusCode);
        var second = await AppFixture.PostFormAsync(om, form, new() { ["PlanVersion"] = version, ["Text[helps]"] = "Second writer" }, form);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Someone else changed this care plan", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"conflict\"", html, StringComparison.Ordinal);
        var saved = await app.Factory.WithDbAsync(db => db.CarePlanTexts.Where(t => t.Key == "helps" && t.CarePlanId == Guid.Parse(draft.Split('/').Last())).Select(t => t.Text).SingleAsync());
        Assert.Equal("First writer", saved);
    }

    /// <summary>The open draft on the restricted case (only the offender manager may edit it), started if there is none.</summary>
    private async Task<string> RestrictedDraftAsync(HttpClient om)
    {
        var caseId = app.World.Restricted.Id;
        var open = await app.Factory.WithDbAsync(db => db.CarePlans.Where(p => p.CaseId == caseId && p.Status == CarePlanStatus.Draft).Select(p => (Guid?)p.Id).FirstOrDefaultAsync());
        if (open is { } id) return $"/cases/{caseId}/care-plans/{id}";
        var start = await AppFixture.PostFormAsync(om, $"/cases/{caseId}/care-plan?handler=Start", new() { ["Reason"] = "Change after an incident" }, $"/cases/{caseId}/care-plan");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        return start.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task Goals_AreRowsWithStatusHistory_CarriedIntoTheDraft_AndNeverSilentlyOverwritten()
    {
        var om = await app.PagesAsync(StaffRole.OffenderManager);
        var draft = await RestrictedDraftAsync(om);
        var draftId = Guid.Parse(draft.Split('/').Last());
        var worldGoal = app.World.RecordIds["goalId"].Restricted;
        // The active version's goal was copied into the draft with its history, in the same series.
        var carried = await app.Factory.WithDbAsync(db => db.CarePlanGoals.Include(g => g.History).SingleAsync(g => g.CarePlanId == draftId && g.SeriesId == worldGoal));
        Assert.Single(carried.History);

        var goals = $"{draft}/goals";
        var goalsRes = await om.GetAsync(goals);
        var page = await goalsRes.Content.ReadAsStringAsync();
        Assert.True(goalsRes.StatusCode == HttpStatusCode.OK, page[..Math.Min(page.Length, 3000)]);
        var bad = await AppFixture.PostFormAsync(om, goals, new() { ["PlanVersion"] = Field(page, "PlanVersion"), ["Area"] = "Relationships" }, goals);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Enter the goal in the person&#x27;s own words", badHtml, StringComparison.Ordinal);
        Assert.Contains("Enter the target date", badHtml, StringComparison.Ordinal);
        var target = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6);
        var add = await AppFixture.PostFormAsync(om, goals, new()
        {
            ["PlanVersion"] = Field(page, "PlanVersion"), ["Area"] = "EmploymentAndTraining", ["InOwnWords"] = "Get a job on a building site",
            ["Smart"] = "Complete the CSCS card course by the target date", ["TargetDate.Day"] = target.Day.ToString(), ["TargetDate.Month"] = target.Month.ToString(), ["TargetDate.Year"] = target.Year.ToString(),
        }, goals);
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);

        // Status changes go through Goals.CanChangeStatus and leave a history row each.
        var goalPath = $"{goals}/{carried.Id}";
        var goalRes = await om.GetAsync(goalPath);
        var goalHtml = await goalRes.Content.ReadAsStringAsync();
        Assert.True(goalRes.StatusCode == HttpStatusCode.OK, goalHtml);
        var version = Field(goalHtml, "GoalVersion");
        var noReason = await AppFixture.PostFormAsync(om, $"{goalPath}?handler=Status", new() { ["GoalVersion"] = version, ["NewStatus"] = "Removed" }, goalPath);
        Assert.Contains("Enter why the goal is being removed", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(om, $"{goalPath}?handler=Status",
            new() { ["GoalVersion"] = version, ["NewStatus"] = "NotAchieved", ["Note"] = "Sister moved abroad" }, goalPath)).StatusCode);
        // A second change sent with the version read before the first is refused, and the first stays.
        var stale = await AppFixture.PostFormAsync(om, $"{goalPath}?handler=Status", new() { ["GoalVersion"] = version, ["NewStatus"] = "Achieved" }, goalPath);
        Assert.Contains("Only an active goal can change status", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var history = await app.Factory.WithDbAsync(db => db.CarePlanGoalStatusChanges.Where(h => h.GoalId == carried.Id).OrderBy(h => h.ChangedAt).ToListAsync());
        Assert.Equal(2, history.Count);
        Assert.Equal((GoalStatus?)GoalStatus.Active, history[1].From);
        Assert.Equal(GoalStatus.NotAchieved, history[1].To);
        Assert.Equal("Sister moved abroad", history[1].Note);
        Assert.Equal(app.World.Users[StaffRole.OffenderManager].Id, history[1].ChangedById);
        // The signed version's own goal is untouched.
        Assert.Equal(GoalStatus.Active, await app.Factory.WithDbAsync(db => db.CarePlanGoals.Where(g => g.Id == worldGoal).Select(g => g.Status).SingleAsync()));

        // Two people changing the new goal's details: the second is told, and nothing of theirs is saved.
        var newGoal = await app.Factory.WithDbAsync(db => db.CarePlanGoals.SingleAsync(g => g.CarePlanId == draftId && g.InOwnWords == "Get a job on a building site"));
        var edit = $"{goals}/{newGoal.Id}";
        var form = new Dictionary<string, string>
        {
            ["GoalVersion"] = newGoal.Version.ToString(), ["Area"] = "EmploymentAndTraining", ["Smart"] = "Complete the course",
            ["TargetDate.Day"] = target.Day.ToString(), ["TargetDate.Month"] = target.Month.ToString(), ["TargetDate.Year"] = target.Year.ToString(),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(om, edit, new(form) { ["InOwnWords"] = "First writer" }, edit)).StatusCode);
        var second = await AppFixture.PostFormAsync(om, edit, new(form) { ["InOwnWords"] = "Second writer" }, edit);
        Assert.Contains("data-testid=\"conflict\"", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("First writer", await app.Factory.WithDbAsync(db => db.CarePlanGoals.Where(g => g.Id == newGoal.Id).Select(g => g.InOwnWords).SingleAsync()));

        // Actions: what, who, when, status.
        var actions = $"{draft}/actions";
        page = await (await om.GetAsync(actions)).Content.ReadAsStringAsync();
        var noWho = await AppFixture.PostFormAsync(om, actions, new() { ["PlanVersion"] = Field(page, "PlanVersion"), ["What"] = "Housing referral", ["When"] = "This week", ["Status"] = "NotStarted" }, actions);
        Assert.Contains("Enter who will do it", await noWho.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(om, actions,
            new() { ["PlanVersion"] = Field(page, "PlanVersion"), ["What"] = "Housing referral", ["Who"] = "Offender manager", ["When"] = "This week", ["Status"] = "NotStarted" }, actions)).StatusCode);
        var html = await (await om.GetAsync(draft)).Content.ReadAsStringAsync();
        Assert.Contains("Housing referral", html, StringComparison.Ordinal);
        Assert.Contains("First writer", html, StringComparison.Ordinal);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "careplan.goal.status.update" && a.EntityId == carried.Id.ToString())));
    }

    [Fact]
    public async Task Functions_SkillsArePickedFromTheDbtList_AndAnUnknownOneIsRefused()
    {
        var om = await app.PagesAsync(StaffRole.OffenderManager);
        var form = $"{await RestrictedDraftAsync(om)}/sections/functions-of-behaviour";
        var page = await (await om.GetAsync(form)).Content.ReadAsStringAsync();
        Assert.Contains("value=\"tip\" checked", page, StringComparison.Ordinal); // carried from the active version
        var bad = await AppFixture.PostFormAsync(om, form, new() { ["PlanVersion"] = Field(page, "PlanVersion"), ["Text[functions]"] = "Relief", ["Skills"] = "juggling" }, form);
        Assert.Contains("is not a DBT skill this service uses", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var ok = await AppFixture.PostFormAsync(om, form, new() { ["PlanVersion"] = Field(page, "PlanVersion"), ["Text[functions]"] = "Relief", ["Skills"] = "dear-man" }, form);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var draft = ok.Headers.Location!.OriginalString;
        var html = await (await om.GetAsync(draft)).Content.ReadAsStringAsync();
        Assert.Contains("Interpersonal effectiveness: DEAR MAN", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Distress tolerance: TIP", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstPlan_IsDrawnFromTheLatestLockedFormulation_AndSaysWhichAssessmentVersion()
    {
        var om = app.World.Users[StaffRole.OffenderManager];
        var now = DateTimeOffset.UtcNow;
        var (caseId, lockedId) = await app.Factory.WithDbAsync(async db =>
        {
            var c = new Pathway.Data.Entities.CaseRecord
            {
                Crn = "T0000F1", GivenName = "Test", FamilyName = "Formulation", DateOfBirth = new DateOnly(1990, 1, 1), Gender = Pathway.Domain.Cases.Gender.Male,
                Ethnicity = Pathway.Domain.Cases.Ethnicity.NotStated, RoshLevel = Pathway.Domain.Cases.RoshLevel.High, MappaCategory = Pathway.Domain.Cases.MappaCategory.Category2,
                MappaLevel = Pathway.Domain.Cases.MappaLevel.Level1, TeamId = app.World.InScope.TeamId, OffenderManagerId = om.Id, CreatedAt = now,
            };
            db.Cases.Add(c);
            Pathway.Data.Entities.Assessment A(int number, Pathway.Domain.Assessments.AssessmentStatus status, string narrative)
            {
                var a = new Pathway.Data.Entities.Assessment { CaseId = c.Id, VersionNumber = number, Status = status, AssessmentDate = new DateOnly(2026, number, 5), AuthorId = app.World.Users[StaffRole.Psychologist].Id, CreatedAt = now };
                a.SeriesId = a.Id;
                a.Fields.Add(new() { AssessmentId = a.Id, Key = "formulation.narrative", Text = narrative });
                a.Fields.Add(new() { AssessmentId = a.Id, Key = "presentation.emotions", Text = "Shame turns to anger" });
                a.Fields.Add(new() { AssessmentId = a.Id, Key = "recommendations.alternatives", Text = "Three-way meeting before recall" });
                db.Assessments.Add(a);
                return a;
            }
            A(1, Pathway.Domain.Assessments.AssessmentStatus.Locked, "OLDER formulation");
            var locked = A(2, Pathway.Domain.Assessments.AssessmentStatus.Locked, "LATEST locked formulation");
            A(3, Pathway.Domain.Assessments.AssessmentStatus.Draft, "DRAFT formulation, not agreed");
            await db.SaveChangesAsync();
            return (c.Id, locked.Id);
        });
        var client = await app.PagesAsync(StaffRole.OffenderManager);
        var start = await AppFixture.PostFormAsync(client, $"/cases/{caseId}/care-plan?handler=Start", new() { ["Reason"] = "First plan" }, $"/cases/{caseId}/care-plan");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var html = await (await client.GetAsync(start.Headers.Location!.OriginalString)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"formulation-source\"", html, StringComparison.Ordinal);
        Assert.Contains($"/assessments/{lockedId}", html, StringComparison.Ordinal);
        Assert.Contains("assessment version 2", html, StringComparison.Ordinal);
        var summary = await GetHtmlAsync(StaffRole.OffenderManager, start.Headers.Location!.OriginalString + "/sections/understanding-this-person");
        Assert.Contains("LATEST locked formulation", summary, StringComparison.Ordinal);
        Assert.Contains("Emotions: Shame turns to anger", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("DRAFT formulation", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdfs_FollowTheSectionVisibility_SummaryRolesGetOnlyTheSummary_AndAreAudited()
    {
        var planId = await ActiveIdAsync();
        var om = await app.PagesAsync(StaffRole.OffenderManager);
        var full = await PdfText.ReadAsync(om, $"/cases/{CaseId}/care-plans/{planId}/pdf");
        Assert.Contains("Care plan", full, StringComparison.Ordinal);
        Assert.Contains("World text for risk.supervision", full, StringComparison.Ordinal);
        Assert.Contains("World SMART goal", full, StringComparison.Ordinal);
        Assert.Contains("PD service", full, StringComparison.Ordinal);
        Assert.Contains("WORLD-RESTRICTED-NOTE", full, StringComparison.Ordinal);
        var summary = await PdfText.ReadAsync(om, $"/cases/{CaseId}/care-plans/{planId}/summary/pdf");
        Assert.Contains("World text for triggers", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("WORLD-RESTRICTED-NOTE", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("World text for risk.supervision", summary, StringComparison.Ordinal);

        var ap = await app.PagesAsync(StaffRole.ApprovedPremisesStaff);
        Assert.Equal(HttpStatusCode.NotFound, (await ap.GetAsync($"/cases/{CaseId}/care-plans/{planId}/pdf")).StatusCode);
        var apSummary = await PdfText.ReadAsync(ap, $"/cases/{CaseId}/care-plans/{planId}/summary/pdf");
        Assert.Contains("How to work with this person", apSummary, StringComparison.Ordinal);
        Assert.DoesNotContain("WORLD-RESTRICTED-NOTE", apSummary, StringComparison.Ordinal);
        var omId = app.World.Users[StaffRole.OffenderManager].Id;
        var apId = app.World.Users[StaffRole.ApprovedPremisesStaff].Id;
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "careplan.download" && a.UserId == omId && a.EntityId == planId.ToString())));
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "careplan.summary.download" && a.UserId == apId)));
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "careplan.download" && a.UserId == apId && a.Outcome == AuditOutcome.Denied)));
    }

    [Fact]
    public async Task Fhir_CarePlanWithGoalsAndActivities_IsValid_AndNeverCarriesTheRestrictedNote()
    {
        var planId = await ActiveIdAsync();
        using var om = app.Api(StaffRole.OffenderManager);
        var json = await om.GetStringAsync($"/fhir/r4/CarePlan/{planId}");
        Assert.DoesNotContain("WORLD-RESTRICTED-NOTE", json, StringComparison.Ordinal);
        var plan = FhirValidation.ParseAndValidate<Hl7.Fhir.Model.CarePlan>(json);
        Assert.Equal(Hl7.Fhir.Model.RequestStatus.Active, plan.Status);
        Assert.NotEmpty(plan.Goal);
        Assert.Contains(plan.Activity, a => a.Detail?.Description == "World action");
        var goal = plan.Contained.OfType<Hl7.Fhir.Model.Goal>().First();
        Assert.Equal("World goal in own words", goal.Description.Text);
        var goalId = app.World.RecordIds["goalId"].InScope;
        FhirValidation.ParseAndValidate<Hl7.Fhir.Model.Goal>(await om.GetStringAsync($"/fhir/r4/Goal/{goalId}"));
        var bundle = await om.GetStringAsync($"/fhir/r4/Patient/{CaseId}/CarePlan");
        Assert.DoesNotContain("WORLD-RESTRICTED-NOTE", bundle, StringComparison.Ordinal);
        FhirValidation.ParseAndValidate<Hl7.Fhir.Model.Bundle>(bundle);
        using var ap = app.Api(StaffRole.ApprovedPremisesStaff);
        Assert.Equal(HttpStatusCode.NotFound, (await ap.GetAsync($"/fhir/r4/CarePlan/{planId}")).StatusCode);
    }

    [Fact]
    public async Task PartnerAgency_NeverSeesCarePlans()
    {
        var client = await app.PagesAsync(StaffRole.PartnerAgency);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{CaseId}/care-plans/{PlanId}")).StatusCode);
        var userId = app.World.Users[StaffRole.PartnerAgency].Id;
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == userId && a.Outcome == AuditOutcome.Denied && a.EntityType == "CarePlan")));
    }

    [Fact]
    public async Task Home_ShowsReviewsDue_ToTheResponsibleOffenderManager()
    {
        await app.Factory.WithDbAsync(async db =>
        {
            var plan = await db.CarePlans.FirstAsync(p => p.CaseId == app.World.OutOfScope.Id);
            plan.ReviewDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
            var c = await db.Cases.FirstAsync(x => x.Id == app.World.Restricted.Id);
            var rplan = await db.CarePlans.FirstAsync(p => p.CaseId == c.Id && p.Status == CarePlanStatus.Active);
            rplan.ReviewDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5);
            c.OffenderManagerId = app.World.Users[StaffRole.OffenderManager].Id;
            return await db.SaveChangesAsync();
        });
        var html = await GetHtmlAsync(StaffRole.OffenderManager, "/");
        Assert.Contains("data-kind=\"care-plan-review\"", html, StringComparison.Ordinal);
        Assert.Contains(app.World.Restricted.Crn, html, StringComparison.Ordinal);
        Assert.DoesNotContain(app.World.OutOfScope.Crn, html, StringComparison.Ordinal); // not theirs, not visible
        Assert.DoesNotContain("care-plan-review", await GetHtmlAsync(StaffRole.ApprovedPremisesStaff, "/"), StringComparison.Ordinal);
    }
}

public sealed class CarePlanTestsSqlite(SqliteApp app) : CarePlanTests(app), IClassFixture<SqliteApp>;

public sealed class CarePlanTestsPostgres(PostgresApp app) : CarePlanTests(app), IClassFixture<PostgresApp>;
