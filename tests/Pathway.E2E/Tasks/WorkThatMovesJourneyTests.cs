using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pathway.Data.Entities;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Cases;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;
using Pathway.Domain.Staff;
using Pathway.E2E.Infrastructure;
using Pathway.Web.Infrastructure.Outbox;
using static Microsoft.Playwright.Assertions;

namespace Pathway.E2E.Tasks;

/// <summary>
/// Issue 18's "done when": the referral-to-countersigned-assessment, recall consideration and care-plan journeys are done
/// by following only what the home pages and notifications say, with no address typed but the sign-in page's (see
/// <see cref="Journey"/>); the outbox dispatcher runs in the background as in production, and at the end of each journey
/// the administrator finds every email it sent, each with its event, none naming the person or giving their identifiers.
/// Each journey has a person of its own, arranged in the database as the case records the journey starts from.
/// </summary>
public sealed class WorkThatMovesJourneyTests(DeliveringBrowserApp app, ITestOutputHelper output) : IClassFixture<DeliveringBrowserApp>
{
    private StaffUser User(StaffRole role) => app.World.Users[role];

    [Fact]
    public async Task AReferral_ReachesACountersignedAssessment_ByFollowingWaitingForYouAndNotifications()
    {
        var person = await PersonAsync("J180001", "Referral", psychologist: false, onPathway: false, licence: false);
        var journey = new Journey(app, output);

        // The offender manager refers from the person's case, reached from their caseload on the home page.
        var om = await journey.AsAsync(User(StaffRole.OffenderManager));
        await om.GetByRole(AriaRole.Link, new() { Name = "Your caseload" }).ClickAsync();
        await om.GetByRole(AriaRole.Link, new() { Name = $"{person.FamilyName}, {person.GivenName}" }).ClickAsync();
        await CaseTabAsync(om, "Pathway");
        await om.GetByRole(AriaRole.Button, new() { Name = "Refer to the PD service" }).ClickAsync();
        await om.GetByLabel("Why are you referring?").FillAsync("Angry outbursts in supervision since a change of hostel.");
        await om.GetByLabel("What would you like the psychologist to help with?").FillAsync("How to keep supervision going without escalation.");
        await om.GetByLabel("Behaviour").FillAsync("Shouting at staff, leaving appointments early.");
        await om.Locator("input[name='Input.Urgency'][value='Soon']").CheckAsync();
        await om.Locator("input[name='Input.SharingBasis'][value='AgreedToSharing']").CheckAsync();
        await om.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();
        await Journey.ExpectNoErrorsAsync(om);

        // The clinical lead hears of it and allocates it from Waiting for you.
        var lead = await journey.AsAsync(User(StaffRole.ClinicalLead));
        await journey.NotificationAsync(lead, "A new referral has been made to the PD service.", caseId: null, open: false);
        await journey.OpenTaskAsync(lead, "Allocate this referral", person.Crn);
        await lead.GetByLabel("Psychologist").SelectOptionAsync(new SelectOptionValue { Label = User(StaffRole.Psychologist).DisplayName });
        await lead.GetByRole(AriaRole.Button, new() { Name = "Allocate" }).ClickAsync();
        await Journey.ExpectNoTaskAsync(lead, "Allocate this referral", person.Crn);

        // The psychologist is told, and holds the first consultation from Waiting for you.
        var psychologist = await journey.AsAsync(User(StaffRole.Psychologist));
        await journey.NotificationAsync(psychologist, "A referral has been allocated to you.", person.Id);
        await Expect(psychologist.GetByText(person.Crn).First).ToBeVisibleAsync();
        await journey.OpenTaskAsync(psychologist, "Hold and record the first consultation", person.Crn);
        await psychologist.Locator("input[name='Input.StaffAttendees']").First.CheckAsync();
        await psychologist.GetByLabel("The psychologist's advice").FillAsync("Keep appointments short and predictable; name the pattern calmly.");
        await psychologist.GetByRole(AriaRole.Button, new() { Name = "Save consultation" }).ClickAsync();
        await Journey.ExpectNoErrorsAsync(psychologist);

        // The assessment: started from the case's Assessments tab on the consultation's page, then finished from Waiting for you.
        await CaseTabAsync(psychologist, "Assessments");
        await psychologist.GetByRole(AriaRole.Button, new() { Name = "Start an assessment" }).ClickAsync();
        await psychologist.GetByRole(AriaRole.Button, new() { Name = "Start assessment" }).ClickAsync();
        await Expect(psychologist.GetByRole(AriaRole.Button, new() { Name = "Submit for countersigning" })).ToBeVisibleAsync();
        await Journey.ExpectNoTaskAsync(psychologist, "Hold and record the first consultation", person.Crn);
        await journey.OpenTaskAsync(psychologist, "Finish and submit the assessment", person.Crn);
        foreach (var section in new[]
                 {
                     "Sources of information", "Developmental and personal history", "Offending history and pattern",
                     "Mental health, substance use, self-harm and suicide", "How difficulties show", "Risk assessment", "Formulation",
                     "Recommendations to probation",
                 })
        {
            await psychologist.GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();
            await psychologist.Locator("textarea").First.FillAsync($"Synthetic text for {section.ToLowerInvariant()}.");
            await psychologist.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Journey.ExpectNoErrorsAsync(psychologist);
        }
        await psychologist.GetByRole(AriaRole.Button, new() { Name = "Submit for countersigning" }).ClickAsync();
        await Journey.ExpectNoErrorsAsync(psychologist);

        // The clinical lead is asked to countersign, and does.
        await journey.NotificationAsync(lead, "An assessment is waiting for your countersignature.", person.Id, open: false);
        await journey.OpenTaskAsync(lead, "Countersign the assessment", person.Crn);
        await lead.AssertAccessibleAsync(output, "assessment waiting for the clinical lead's countersignature");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Countersign and lock" }).ClickAsync();
        await Journey.ExpectNoTaskAsync(lead, "Countersign the assessment", person.Crn);

        // The offender manager who referred, and the author, are told the assessment is final.
        await journey.NotificationAsync(om, "An assessment on a case you work with has been countersigned.", person.Id);
        await Expect(om).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/cases/{person.Id}/assessments/"));
        await journey.NotificationAsync(psychologist, "An assessment on a case you work with has been countersigned.", person.Id, open: false);

        await journey.EmailsAreListedWithTheirEventsAndNoPersonalDataAsync(User(StaffRole.Administrator), person, screenshots: "journey-sent-emails");
    }

    [Fact]
    public async Task ARecallConsideration_IsAdvisedDecidedAndCountersigned_ByFollowingWaitingForYouAndNotifications()
    {
        var person = await PersonAsync("J180002", "Recall", psychologist: true, onPathway: true, licence: true);
        var secondSpo = await app.CreateStaffAsync(StaffRole.SeniorProbationOfficer, app.World.TeamA.Id, "Second Senior Probation Officer");
        var journey = new Journey(app, output);

        // The offender manager starts the consideration from the person's compliance page and records what happened.
        var om = await journey.AsAsync(User(StaffRole.OffenderManager));
        await om.GetByRole(AriaRole.Link, new() { Name = "Your caseload" }).ClickAsync();
        await om.GetByRole(AriaRole.Link, new() { Name = $"{person.FamilyName}, {person.GivenName}" }).ClickAsync();
        await CaseTabAsync(om, "Compliance");
        await om.GetByTestId("consider-recall").ClickAsync();
        await om.GetByLabel("Contact has stopped", new() { Exact = true }).CheckAsync();
        await om.GetByRole(AriaRole.Button, new() { Name = "Start considering recall" }).ClickAsync();
        await om.GetByRole(AriaRole.Link, new() { Name = "Why recall is being considered and conditions breached" }).ClickAsync();
        await om.GetByLabel("What has happened").FillAsync("Missed three appointments and left the approved address.");
        await om.GetByLabel("Current risk").FillAsync("Risk to a former partner if contact resumes.");
        await om.Locator("input[name='Input.Conditions']").First.CheckAsync();
        await om.GetByRole(AriaRole.Button, new() { Name = "Save and return" }).ClickAsync();
        await om.GetByRole(AriaRole.Link, new() { Name = "Alternatives to recall" }).ClickAsync();
        await om.GetByLabel("If none has been tried, why not?").FillAsync("Contact stopped before any could be arranged.");
        await om.GetByRole(AriaRole.Button, new() { Name = "Save and return" }).ClickAsync();
        await Expect(om.GetByTestId("recall-tasks")).ToBeVisibleAsync();

        // The senior probation officer hears a consideration has started on their team's case.
        var spo = await journey.AsAsync(User(StaffRole.SeniorProbationOfficer));
        await journey.NotificationAsync(spo, "A recall consideration has been started on a case you work with.", person.Id, open: false);

        // The case's psychologist is asked for advice (told, and it waits for them), and gives it.
        var psychologist = await journey.AsAsync(User(StaffRole.Psychologist));
        await journey.NotificationAsync(psychologist, "Your advice has been asked for on a recall consideration.", person.Id, open: false);
        await journey.OpenTaskAsync(psychologist, "Give your advice on the recall consideration", person.Crn);
        await psychologist.AssertAccessibleAsync(output, "recall consultation (psychologist)");
        await psychologist.GetByLabel("Your advice").FillAsync("Recall is likely needed; the contingency plan could not be used once contact stopped.");
        await psychologist.GetByRole(AriaRole.Button, new() { Name = "Record advice" }).ClickAsync();
        await Journey.ExpectNoTaskAsync(psychologist, "Give your advice on the recall consideration", person.Crn);

        // The officer is told the advice is in, and sends the record for a decision.
        await journey.NotificationAsync(om, "The psychologist's advice has been recorded on a recall consideration you are working on.", person.Id);
        await om.GetByRole(AriaRole.Link, new() { Name = "Check and send for a decision" }).ClickAsync();
        await om.GetByRole(AriaRole.Button, new() { Name = "Send to a senior probation officer" }).ClickAsync();
        await Expect(om.GetByTestId("recall-status")).Not.ToContainTextAsync("In progress");

        // The senior probation officer decides to recall.
        await journey.NotificationAsync(spo, "A recall consideration is waiting for your decision.", person.Id, open: false);
        await journey.OpenTaskAsync(spo, "Decide whether to recall", person.Crn);
        await spo.GetByLabel("Management oversight rationale").FillAsync("Contact has stopped and risk to a former partner is rising; alternatives could not be used.");
        var recall = spo.Locator(".govuk-radios__item").Filter(new() { HasTextRegex = new("-term recall|Standard recall") }).Filter(new() { HasNotText = "not available" });
        await recall.First.Locator("input").CheckAsync();
        await spo.AssertAccessibleAsync(output, "recall decision filled in");
        await spo.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Journey.ExpectNoErrorsAsync(spo);
        await Journey.ExpectNoTaskAsync(spo, "Decide whether to recall", person.Crn);
        // The one who decided is not asked to countersign their own decision.
        await Journey.ExpectNoTaskAsync(spo, "Countersign the decision to recall", person.Crn);

        // A second senior probation officer of the team is asked to countersign, and does.
        var second = await journey.AsAsync(secondSpo);
        await journey.NotificationAsync(second, "A decision to recall is waiting for your countersignature.", person.Id, open: false);
        await journey.OpenTaskAsync(second, "Countersign the decision to recall", person.Crn);
        await second.GetByRole(AriaRole.Button, new() { Name = "Countersign" }).ClickAsync();
        await Expect(second.GetByTestId("decision-panel")).ToBeVisibleAsync();
        await Journey.ExpectNoTaskAsync(second, "Countersign the decision to recall", person.Crn);

        // The officer is told the decision is final, follows the notice to the record and records the recall on the licence.
        await journey.NotificationAsync(om, "A recall decision has been made on a case you work with.", person.Id);
        await Expect(om.GetByTestId("decision-panel")).ToContainTextAsync("countersigned by");
        await om.GetByRole(AriaRole.Link, new() { Name = "Record the recall on the licence" }).ClickAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await om.Locator("#Input_RecallDate").FillAsync(today.Day.ToString(CultureInfo.InvariantCulture));
        await om.Locator("#Input_RecallDate_Month").FillAsync(today.Month.ToString(CultureInfo.InvariantCulture));
        await om.Locator("#Input_RecallDate_Year").FillAsync(today.Year.ToString(CultureInfo.InvariantCulture));
        await om.GetByRole(AriaRole.Button, new() { Name = "Record the recall" }).ClickAsync();
        await Journey.ExpectNoErrorsAsync(om);

        await journey.EmailsAreListedWithTheirEventsAndNoPersonalDataAsync(User(StaffRole.Administrator), person);
    }

    [Fact]
    public async Task ACarePlanReview_IsSignedAndCountersigned_ByFollowingWaitingForYouAndNotifications()
    {
        // The person has an active, complete care plan whose review falls due in three days: the review is waiting for
        // the case's psychologist and offender manager now (a task from the plan's state, not from time passing).
        var person = await PersonAsync("J180003", "Careplan", psychologist: true, onPathway: true, licence: false);
        await ActivePlanDueForReviewAsync(person);
        // The daily reminders job ran when the app started, before this plan existed, and runs once a day: run today's
        // again through the app's own service, as tomorrow's run would, so that its review-due reminder goes out.
        await app.WithDbAsync(db => db.JobLeases.Where(l => l.Name == DailyReminders.JobName)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LastRunOn, (DateOnly?)null).SetProperty(l => l.LeasedUntil, DateTimeOffset.UnixEpoch)));
        Assert.True(await app.Services.GetRequiredService<DailyReminders>().RunIfDueAsync());
        var journey = new Journey(app, output);

        var om = await journey.AsAsync(User(StaffRole.OffenderManager));
        await Expect(om.GetByTestId("task").Filter(new() { HasText = person.Crn }).GetByRole(AriaRole.Link, new() { Name = "Review the care plan" })).ToHaveCountAsync(1);

        // The psychologist is reminded, and starts the review from Waiting for you, makes the new version and signs it.
        var psychologist = await journey.AsAsync(User(StaffRole.Psychologist));
        await journey.NotificationAsync(psychologist, "A care plan review is due.", person.Id, open: false);
        await journey.OpenTaskAsync(psychologist, "Review the care plan", person.Crn);
        await psychologist.GetByRole(AriaRole.Link, new() { Name = "Start a new version from the care plan page" }).ClickAsync();
        await psychologist.GetByLabel("Why is this version being made?").FillAsync("Scheduled review");
        await psychologist.GetByRole(AriaRole.Button, new() { Name = "Start a new version" }).ClickAsync();
        await psychologist.GetByRole(AriaRole.Link, new() { Name = "The person's involvement" }).ClickAsync();
        await psychologist.Locator("input[name='Agreement'][value='Agreed']").CheckAsync();
        await psychologist.GetByRole(AriaRole.Button, new() { Name = "Save and return to the plan" }).ClickAsync();
        await psychologist.GetByRole(AriaRole.Link, new() { Name = "Review date" }).ClickAsync();
        var review = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3);
        await psychologist.Locator("#ReviewDate").FillAsync(review.Day.ToString(CultureInfo.InvariantCulture));
        await psychologist.Locator("#ReviewDate_Month").FillAsync(review.Month.ToString(CultureInfo.InvariantCulture));
        await psychologist.Locator("#ReviewDate_Year").FillAsync(review.Year.ToString(CultureInfo.InvariantCulture));
        await psychologist.GetByRole(AriaRole.Button, new() { Name = "Save and return to the plan" }).ClickAsync();
        await psychologist.GetByTestId("sign").ClickAsync();
        await Journey.ExpectNoErrorsAsync(psychologist);

        // The offender manager, who countersigns care plans, is told and countersigns from Waiting for you.
        await journey.NotificationAsync(om, "A care plan is waiting for your countersignature.", person.Id, open: false);
        await journey.OpenTaskAsync(om, "Countersign the care plan", person.Crn);
        await om.AssertAccessibleAsync(output, "care plan waiting for the offender manager's countersignature");
        await om.GetByTestId("countersign").ClickAsync();
        await Journey.ExpectNoErrorsAsync(om);
        await Journey.ExpectNoTaskAsync(om, "Countersign the care plan", person.Crn);
        // The new version's review is months away: the review no longer waits for anyone.
        await Journey.ExpectNoTaskAsync(om, "Review the care plan", person.Crn);
        await Journey.ExpectNoTaskAsync(psychologist, "Review the care plan", person.Crn);

        // The psychologist who signed is told it is active.
        await journey.NotificationAsync(psychologist, "A care plan you worked on has been countersigned.", person.Id);

        await journey.EmailsAreListedWithTheirEventsAndNoPersonalDataAsync(User(StaffRole.Administrator), person);
    }

    /// <summary>The case page of that name: its group in the case sections first, then the page in the group's row.</summary>
    private static async Task CaseTabAsync(IPage page, string tab)
    {
        var group = Pathway.Web.Features.Cases.CaseHeader.Groups.Single(g => g.Pages.Any(p => p.Text == tab));
        await page.GetByTestId("case-groups").GetByRole(AriaRole.Link, new() { Name = group.Text, Exact = true }).ClickAsync();
        var pages = page.GetByTestId("case-pages");
        if (await pages.CountAsync() > 0 && await pages.GetByRole(AriaRole.Link, new() { Name = tab, Exact = true }).CountAsync() > 0)
            await pages.GetByRole(AriaRole.Link, new() { Name = tab, Exact = true }).ClickAsync();
    }

    /// <summary>
    /// A person on team A's caseload with the world's offender manager; optionally the world's psychologist, an open
    /// referral (on the PD pathway) and a current licence. Their names, CRN, PNC number and date of birth are the journey's
    /// own, so that an email carrying any of them would be found.
    /// </summary>
    private async Task<CaseRecord> PersonAsync(string crn, string family, bool psychologist, bool onPathway, bool licence)
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var c = new CaseRecord
        {
            Crn = crn, PncNumber = $"2019/{crn[1..]}Q", GivenName = "Journeyperson", FamilyName = family + "son", DateOfBirth = new DateOnly(1991, 3, 17),
            Gender = Gender.Male, Ethnicity = Ethnicity.NotStated, RoshLevel = RoshLevel.High, MappaCategory = MappaCategory.Category2,
            MappaLevel = MappaLevel.Level1, TeamId = app.World.TeamA.Id, OffenderManagerId = User(StaffRole.OffenderManager).Id,
            PsychologistId = psychologist ? User(StaffRole.Psychologist).Id : null, ReferredToServiceOn = onPathway ? today.AddDays(-40) : null, CreatedAt = now,
        };
        await app.WithDbAsync(async db =>
        {
            db.Cases.Add(c);
            if (licence)
            {
                var l = new Licence
                {
                    CaseId = c.Id, SentenceType = SentenceType.StandardDeterminate, SentenceLengthMonths = 30, ReleaseDate = today.AddDays(-200),
                    LicenceExpiryDate = today.AddDays(300), SentenceExpiryDate = today.AddDays(300), StandardConditionSetCode = StandardConditionSets.Lco2015.Code,
                    CreatedAt = now,
                };
                l.AdditionalConditions.Add(new AdditionalCondition { LicenceId = l.Id, Category = AdditionalConditionCategory.Residence, Text = "Reside at the approved address.", CreatedAt = now });
                db.Licences.Add(l);
            }
            if (onPathway)
                db.Referrals.Add(new Referral
                {
                    CaseId = c.Id, ReferredById = User(StaffRole.OffenderManager).Id, ReferredAt = now.AddDays(-40), Reason = "Escalating", Questions = "How to respond?",
                    Urgency = ReferralUrgency.Soon, SharingBasis = SharingBasis.AgreedToSharing, Stage = PathwayStage.CarePlan, StageEnteredAt = now.AddDays(-10),
                    AllocatedPsychologistId = User(StaffRole.Psychologist).Id, AllocatedAt = now.AddDays(-39), CreatedAt = now,
                });
            await db.SaveChangesAsync();
            if (onPathway) // the first consultation was held long ago
            {
                var referral = await db.Referrals.FirstAsync(r => r.CaseId == c.Id);
                db.Consultations.Add(new Consultation
                {
                    CaseId = c.Id, ReferralId = referral.Id, HeldOn = today.AddDays(-35), Advice = "Keep contact predictable.", RecordedById = User(StaffRole.Psychologist).Id, CreatedAt = now,
                });
                await db.SaveChangesAsync();
            }
        });
        return c;
    }

    /// <summary>Copies the world's complete active plan (texts, goals, actions) to the person, reviewed in three days.</summary>
    private async Task ActivePlanDueForReviewAsync(CaseRecord person)
    {
        var world = app.World.Plans[app.World.InScope.Id].Id;
        var now = DateTimeOffset.UtcNow;
        await app.WithDbAsync(async db =>
        {
            var from = await db.CarePlans.AsNoTracking().Include(p => p.Texts).FirstAsync(p => p.Id == world);
            var plan = new CarePlan
            {
                CaseId = person.Id, Number = 1, Status = CarePlanStatus.Active, Reason = "First plan", CreatedById = User(StaffRole.Psychologist).Id,
                SignedById = User(StaffRole.Psychologist).Id, SignedAt = now.AddMonths(-6), CountersignedById = User(StaffRole.OffenderManager).Id,
                CountersignedAt = now.AddMonths(-6), Agreement = PersonAgreement.Agreed, ReviewDate = DateOnly.FromDateTime(now.UtcDateTime).AddDays(3), CreatedAt = now.AddMonths(-6),
            };
            plan.Texts = from.Texts.Select(t => new CarePlanText { CarePlanId = plan.Id, Key = t.Key, Text = t.Text }).ToList();
            db.CarePlans.Add(plan);
            foreach (var g in await db.CarePlanGoals.AsNoTracking().Where(g => g.CarePlanId == world).ToListAsync())
            {
                g.Id = Guid.CreateVersion7();
                g.SeriesId = g.Id;
                g.CarePlanId = plan.Id;
                g.History = [];
                db.CarePlanGoals.Add(g);
            }
            foreach (var a in await db.CarePlanActions.AsNoTracking().Where(a => a.CarePlanId == world).ToListAsync())
            {
                a.Id = Guid.CreateVersion7();
                a.SeriesId = a.Id;
                a.CarePlanId = plan.Id;
                db.CarePlanActions.Add(a);
            }
            foreach (var k in await db.CarePlanSkills.AsNoTracking().Where(k => k.CarePlanId == world).ToListAsync())
                db.CarePlanSkills.Add(new CarePlanSkill { CarePlanId = plan.Id, SkillCode = k.SkillCode });
            await db.SaveChangesAsync();
        });
    }
}
