using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Cases;
using Pathway.Domain.Licences;
using Pathway.Domain.Recall;
using Pathway.Domain.Referrals;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Compliance;

/// <summary>Recall considerations through HTTP: workflow order, who may decide, fixed-term refusals, documents, licence history, audit.</summary>
public abstract class RecallTests(AppFixture app)
{
    protected static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private static string StandardRef(int number) => "S:" + StandardConditionSets.Lco2015.Conditions.Single(c => c.Number == number).Code;
    protected static string Base(Guid id) => $"/api/v1/cases/{id}/recall-considerations";

    /// <summary>A case in team A with a current licence, an open referral (so on the pathway) and an active care plan with a contingency section.</summary>
    protected async Task<Guid> CaseAsync(MappaLevel mappa = MappaLevel.Level1, bool onPathway = true, int releasedDaysAgo = 200, int expiresInDays = 300, int? topUpEndsInDays = null)
    {
        var id = await ContactTests.NewCaseAsync(app);
        var om = app.World.Users[StaffRole.OffenderManager].Id;
        await app.Factory.WithDbAsync(async db =>
        {
            var c = await db.Cases.FirstAsync(x => x.Id == id);
            c.MappaLevel = mappa;
            db.Licences.Add(new Licence
            {
                CaseId = id, SentenceType = SentenceType.StandardDeterminate, SentenceLengthMonths = 30, ReleaseDate = Today.AddDays(-releasedDaysAgo),
                LicenceExpiryDate = Today.AddDays(expiresInDays), SentenceExpiryDate = Today.AddDays(expiresInDays),
                TopUpSupervisionEndDate = topUpEndsInDays is { } t ? Today.AddDays(t) : null, StandardConditionSetCode = StandardConditionSets.Lco2015.Code,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            if (onPathway)
                db.Referrals.Add(new Referral
                {
                    CaseId = id, ReferredById = om, ReferredAt = DateTimeOffset.UtcNow.AddDays(-30), Reason = "Escalating", Questions = "How to respond?",
                    Urgency = ReferralUrgency.Soon, SharingBasis = SharingBasis.AgreedToSharing, Stage = PathwayStage.CarePlan, StageEnteredAt = DateTimeOffset.UtcNow.AddDays(-5),
                    CreatedAt = DateTimeOffset.UtcNow,
                });
            var plan = new CarePlan
            {
                CaseId = id, Number = 1, Status = CarePlanStatus.Active, Reason = "First plan", CreatedById = app.World.Users[StaffRole.Psychologist].Id,
                Agreement = PersonAgreement.Agreed, CreatedAt = DateTimeOffset.UtcNow,
            };
            plan.Texts.Add(new CarePlanText { CarePlanId = plan.Id, Key = "contingency.alternatives", Text = "Increased reporting and a referral to approved premises before any recall." });
            db.CarePlans.Add(plan);
            await db.SaveChangesAsync();
        });
        return id;
    }

    protected static async Task<JsonElement> Json(HttpResponseMessage res) => await res.Content.ReadFromJsonAsync<JsonElement>();

    protected async Task<(Guid Id, int Version)> StartAsync(HttpClient om, Guid caseId)
    {
        var res = await om.PostAsJsonAsync(Base(caseId), new { concern = "contactStopped" });
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        var body = await Json(res);
        return (body.GetProperty("id").GetGuid(), body.GetProperty("version").GetInt32());
    }

    /// <summary>Circumstances and alternatives recorded by the officer; returns the new version.</summary>
    protected async Task<int> FillAsync(HttpClient om, Guid caseId, Guid rid, int version, bool charge = false)
    {
        var res = await om.PutAsJsonAsync($"{Base(caseId)}/{rid}/circumstances", new
        {
            concern = "contactStopped", circumstances = "Missed three appointments and left the approved address.", riskSummary = "Risk to a former partner if contact resumes.",
            recalledBecauseOfCharge = charge, conditions = new[] { StandardRef(3), StandardRef(5) }, version,
        });
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        res = await om.PutAsJsonAsync($"{Base(caseId)}/{rid}/alternatives", new
        {
            tried = new[] { new { alternative = "warningLetter", outcome = "didNotHelp", details = "First warning on 3 November" } },
            inContingencyPlan = new[] { "increasedReporting", "referralToApprovedPremises" }, version = version + 1,
        });
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var body = await Json(res);
        Assert.Equal(["increasedReporting", "referralToApprovedPremises"], body.GetProperty("contingencyAlternativesNotYetTried").EnumerateArray().Select(e => e.GetString()));
        return body.GetProperty("version").GetInt32();
    }

    [Fact]
    public async Task NoRecall_NeedsEveryStep_OnlyAnSpoDecides_AndProducesTheLetter()
    {
        var id = await CaseAsync();
        using var om = app.Api(StaffRole.OffenderManager);
        var (rid, v) = await StartAsync(om, id);

        // Nothing recorded yet: the refusal lists everything missing, the psychologist's consultation included.
        var early = await om.PostAsJsonAsync($"{Base(id)}/{rid}/submit", new { version = v });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        var missing = (await Json(early)).GetProperty("errors").GetProperty("missing").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(3, missing.Count);
        Assert.Contains(missing, m => m.Contains("psychologist", StringComparison.Ordinal));

        v = await FillAsync(om, id, rid, v);
        using var spo = app.Api(StaffRole.SeniorProbationOfficer);
        var tooSoon = await spo.PostAsJsonAsync($"{Base(id)}/{rid}/decision", new { decision = "noRecall", oversightRationale = "x", version = v });
        Assert.Contains("psychologist", await tooSoon.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var psychologist = app.Api(StaffRole.Psychologist);
        var consult = await psychologist.PutAsJsonAsync($"{Base(id)}/{rid}/consultation", new { advice = "Loss of the flat is the trigger; increased reporting and AP will help.", version = v });
        Assert.Equal(HttpStatusCode.OK, consult.StatusCode);
        v++;
        Assert.Equal(HttpStatusCode.OK, (await om.PostAsJsonAsync($"{Base(id)}/{rid}/submit", new { version = v })).StatusCode);
        v++;

        // Only a senior probation officer decides: the policy refuses the officer and the psychologist.
        Assert.Equal(HttpStatusCode.Forbidden, (await om.PostAsJsonAsync($"{Base(id)}/{rid}/decision", new { decision = "noRecall", oversightRationale = "x", version = v })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await psychologist.PostAsJsonAsync($"{Base(id)}/{rid}/decision", new { decision = "noRecall", oversightRationale = "x", version = v })).StatusCode);
        var noRationale = await spo.PostAsJsonAsync($"{Base(id)}/{rid}/decision", new { decision = "noRecall", version = v });
        Assert.True((await Json(noRationale)).GetProperty("errors").TryGetProperty("oversightRationale", out _));

        var decided = await spo.PostAsJsonAsync($"{Base(id)}/{rid}/decision", new { decision = "noRecall", oversightRationale = "Agreed alternatives not yet tried; advice supports them.", version = v });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("decided", (await Json(decided)).GetProperty("status").GetString());

        // A decided record is read-only.
        var late = await om.PutAsJsonAsync($"{Base(id)}/{rid}/circumstances", new { concern = "both", version = v + 1 });
        Assert.Contains("read-only", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var pages = await app.PagesAsync(StaffRole.OffenderManager);
        var letter = await PdfText.ReadAsync(pages, $"/cases/{id}/recall/{rid}/letter.pdf");
        Assert.Contains("not being recalled", letter, StringComparison.Ordinal);
        Assert.Contains("Keep in touch", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("former partner", letter, StringComparison.Ordinal); // the internal risk summary stays out of the person's letter
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "recall.letter.download" && a.CaseId == id)));
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "recall.decide" && a.CaseId == id && a.Reason == "noRecall")));
    }

    [Fact]
    public async Task Starting_AsksTheCasesPsychologistForAdvice_WhichWaitsForThemUntilGiven()
    {
        var id = await CaseAsync();
        var psychologist = app.World.Users[StaffRole.Psychologist].Id;
        await app.Factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.PsychologistId, psychologist)));
        using var om = app.Api(StaffRole.OffenderManager);
        var (rid, _) = await StartAsync(om, id);

        Assert.NotNull(await app.Factory.WithDbAsync(db => db.RecallConsiderations.Where(r => r.Id == rid).Select(r => r.ConsultationRequestedAt).SingleAsync()));
        using var api = app.Api(StaffRole.Psychologist);
        var tasks = await Json(await api.GetAsync($"/api/v1/me/tasks?kind=recall-advice&case={id}"));
        var task = Assert.Single(tasks.GetProperty("items").EnumerateArray());
        Assert.Equal(rid.ToString(), task.GetProperty("id").GetString());
    }

    [Fact]
    public async Task FixedTerm_IsRefusedWithTheReason_WhenTheFactsExcludeIt()
    {
        var id = await CaseAsync(MappaLevel.Level2, onPathway: false);
        using var om = app.Api(StaffRole.OffenderManager);
        var (rid, v) = await StartAsync(om, id);
        v = await FillAsync(om, id, rid, v, charge: true);
        using var spo = app.Api(StaffRole.SeniorProbationOfficer);
        var res = await spo.PostAsJsonAsync($"{Base(id)}/{rid}/decision", new { decision = "fixedTermRecall", oversightRationale = "Contact lost", version = v });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var message = (await Json(res)).GetProperty("errors").GetProperty("decision")[0].GetString()!;
        Assert.Contains("MAPPA level 2", message, StringComparison.Ordinal);
        Assert.Contains("charge", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FixedTermRecall_IsCountersigned_RecordedOnTheLicence_AndReReleaseStartsANewLicence()
    {
        var id = await CaseAsync();
        using var om = app.Api(StaffRole.OffenderManager);
        var (rid, v) = await StartAsync(om, id);
        v = await FillAsync(om, id, rid, v);
        Assert.Equal(HttpStatusCode.OK, (await om.PutAsJsonAsync($"{Base(id)}/{rid}/consultation-not-possible", new { reason = "Psychologist on leave; risk immediate", version = v })).StatusCode);
        v++;
        using var spo = app.Api(StaffRole.SeniorProbationOfficer);
        var decided = await spo.PostAsJsonAsync($"{Base(id)}/{rid}/decision", new { decision = "fixedTermRecall", oversightRationale = "Whereabouts unknown for 3 weeks.", version = v });
        var decision = await Json(decided);
        Assert.Equal("awaitingCountersignature", decision.GetProperty("status").GetString());
        var expected = RecallRegimeAssessor.Assess(new(Today, 30, SentenceType.StandardDeterminate, 30, false, false, false, false, MappaLevel.Level1))!;
        var under = decision.GetProperty("decidedUnder");
        Assert.Equal(expected.Regime.VersionId, under.GetProperty("regime").GetProperty("versionId").GetString());
        Assert.Equal(expected.FixedTermDays, under.GetProperty("fixedTermDays").GetInt32());
        v++;

        // New facts after the decision would change a fresh assessment, never the decision: the recall keeps its fixed term.
        await app.Factory.WithDbAsync(async db =>
        {
            (await db.Cases.FirstAsync(x => x.Id == id)).MappaLevel = MappaLevel.Level3;
            await db.SaveChangesAsync();
        });
        var reread = await Json(await om.GetAsync($"{Base(id)}/{rid}"));
        Assert.Equal("standardRecall", reread.GetProperty("regime").GetProperty("route").GetString());
        Assert.Equal(expected.FixedTermDays, reread.GetProperty("decidedUnder").GetProperty("fixedTermDays").GetInt32());
        var self = await spo.PostAsJsonAsync($"{Base(id)}/{rid}/countersignature", new { version = v });
        Assert.Contains("someone other than", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var second = await app.ApiAsAsync(await app.NewStaffAsync(StaffRole.SeniorProbationOfficer, app.World.TeamA.Id));
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsJsonAsync($"{Base(id)}/{rid}/countersignature", new { version = v })).StatusCode);
        v++;

        var recorded = await om.PostAsJsonAsync($"{Base(id)}/{rid}/recall", new { recallDate = Iso(Today.AddDays(-2)), returnToCustodyDate = Iso(Today.AddDays(-1)), version = v });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        v++;
        var recalls = await app.Factory.WithDbAsync(db => db.Recalls.Where(r => r.CaseId == id).ToListAsync());
        Assert.Equal(expected.FixedTermType, Assert.Single(recalls).Type);

        var reReleased = await om.PostAsJsonAsync($"{Base(id)}/{rid}/re-release", new { reReleaseDate = Iso(Today), version = v });
        Assert.Equal(HttpStatusCode.OK, reReleased.StatusCode);
        var licences = await app.Factory.WithDbAsync(db => db.Licences.Where(l => l.CaseId == id).OrderBy(l => l.ReleaseDate).ToListAsync());
        Assert.Equal(2, licences.Count);
        Assert.Equal(Today, licences[1].ReleaseDate);

        var pages = await app.PagesAsync(StaffRole.Psychologist);
        var page = await AppFixture.TextAsync(await pages.GetAsync($"/cases/{id}/recall/{rid}"));
        Assert.Contains("Decided under", page, StringComparison.Ordinal);
        Assert.Contains(expected.Regime.Name, page, StringComparison.Ordinal);
        Assert.DoesNotContain("[check", page, StringComparison.Ordinal);
        var report = await PdfText.ReadAsync(pages, $"/cases/{id}/recall/{rid}/report.pdf");
        foreach (var text in new[] { "Recall report", "Missed three appointments", "Keep in touch", "Warning letter", "MAPPA", "Whereabouts unknown", RecallTypes.DisplayName(expected.FixedTermType!.Value), "What follows a recall" })
            Assert.Contains(text, report, StringComparison.Ordinal);

    }

    [Fact]
    public async Task AStaleVersion_Is409_AndTheTaskListPutsAgreedAlternativesFirst()
    {
        var id = await CaseAsync();
        using var om = app.Api(StaffRole.OffenderManager);
        var (rid, v) = await StartAsync(om, id);
        v = await FillAsync(om, id, rid, v);
        var stale = await om.PutAsJsonAsync($"{Base(id)}/{rid}/alternatives", new { noAlternativesReason = "x", version = v - 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(v, (await Json(stale)).GetProperty("currentVersion").GetInt32());

        var pages = await app.PagesAsync(StaffRole.OffenderManager);
        var html = await AppFixture.TextAsync(await pages.GetAsync($"/cases/{id}/recall/{rid}"));
        Assert.Contains("Agreed for this person and not yet tried", html, StringComparison.Ordinal);
        Assert.DoesNotContain("[check", html, StringComparison.Ordinal);
        Assert.Contains(RecallRegimes.Register.On(Today)!.Version.Source.Citation, html, StringComparison.Ordinal);
        Assert.Contains("Referral to approved premises", html, StringComparison.Ordinal);

        // The page form: a decision by the page is refused the same way when steps are missing.
        var second = await app.Factory.WithDbAsync(db => db.RecallConsiderations.AsNoTracking().FirstAsync(r => r.Id == rid));
        var form = await AppFixture.PostFormAsync(pages, $"/cases/{id}/recall/{rid}/submit", new() { ["Version"] = second.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains("psychologist", await AppFixture.TextAsync(form), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-10, 20, null, "not yet released")]
    [InlineData(400, -1, null, "licence ended")]
    [InlineData(400, -1, 100, "top-up supervision")]
    public async Task Start_IsRefused_WhenThePersonIsNotOnLicenceToday(int releasedDaysAgo, int expiresInDays, int? topUpEndsInDays, string why)
    {
        var id = await CaseAsync(releasedDaysAgo: releasedDaysAgo, expiresInDays: expiresInDays, topUpEndsInDays: topUpEndsInDays);
        using var om = app.Api(StaffRole.OffenderManager);
        var res = await om.PostAsJsonAsync(Base(id), new { concern = "contactStopped" });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var message = (await Json(res)).GetProperty("errors").GetProperty("licence")[0].GetString()!;
        Assert.StartsWith("Recall is possible only while the person is on licence", message, StringComparison.Ordinal);
        Assert.Contains(why, message, StringComparison.OrdinalIgnoreCase);

        var pages = await app.PagesAsync(StaffRole.OffenderManager);
        var start = await AppFixture.TextAsync(await pages.GetAsync($"/cases/{id}/recall/new"));
        Assert.Contains("Recall is possible only while the person is on licence", start, StringComparison.Ordinal);
        Assert.DoesNotContain("Start considering recall", start, StringComparison.Ordinal);
        var form = await AppFixture.PostFormAsync(pages, $"/cases/{id}/recall/new", new() { ["Concern"] = "ContactStopped" });
        var html = await AppFixture.TextAsync(form);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Recall is possible only while the person is on licence", html, StringComparison.Ordinal);
        Assert.False(await app.Factory.WithDbAsync(db => db.RecallConsiderations.AnyAsync(r => r.CaseId == id)));
    }

    [Fact]
    public async Task TheRegimeOfADay_IsReadWithItsSourceTestsAndLicenceStanding_AndAudited()
    {
        var id = await CaseAsync(MappaLevel.Level2);
        using var om = app.Api(StaffRole.OffenderManager);
        var today = await Json(await om.GetAsync($"/api/v1/cases/{id}/recall-regime"));
        Assert.Equal(Iso(Today), today.GetProperty("on").GetString());
        Assert.Equal("onLicence", today.GetProperty("licenceStatus").GetString());
        Assert.True(today.GetProperty("canBeRecalled").GetBoolean());
        var regime = today.GetProperty("assessment").GetProperty("regime");
        Assert.Equal(RecallRegimes.Register.On(Today)!.Version.VersionId, regime.GetProperty("versionId").GetString());
        Assert.False(regime.GetProperty("confirmed").GetBoolean());
        Assert.Contains(today.GetProperty("assessment").GetProperty("tests").EnumerateArray(), t => t.GetProperty("test").GetString() == "MAPPA" && !t.GetProperty("met").GetBoolean());

        // A day under the 2025 order, before this licence began: the order's tests and the person's standing that day.
        var in2025 = await Json(await om.GetAsync($"/api/v1/cases/{id}/recall-regime?on=2025-09-01"));
        Assert.Equal("recall-2025-suitability-order", in2025.GetProperty("assessment").GetProperty("regime").GetProperty("versionId").GetString());
        Assert.Equal("fixedTermOnRiskTest", in2025.GetProperty("assessment").GetProperty("route").GetString());
        Assert.Equal(Today.AddDays(-200) > new DateOnly(2025, 9, 1) ? "notYetReleased" : "onLicence", in2025.GetProperty("licenceStatus").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await om.GetAsync($"/api/v1/cases/{id}/recall-regime?on=31-12-2025")).StatusCode);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "recall.regime.read" && a.CaseId == id)));
    }

    [Fact]
    public async Task None_CannotBeCombinedWithAnotherAlternative_AndRiskEscalationIsOne()
    {
        var id = await CaseAsync();
        using var om = app.Api(StaffRole.OffenderManager);
        var (rid, v) = await StartAsync(om, id);
        var both = await om.PutAsJsonAsync($"{Base(id)}/{rid}/alternatives", new
        {
            tried = new[] { new { alternative = "none", outcome = "didNotHelp", details = "Risk immediate" }, new { alternative = "riskEscalation", outcome = "ongoing", details = "Raised with MAPPA" } },
            version = v,
        });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Contains((await Json(both)).GetProperty("errors").GetProperty("tried").EnumerateArray(),
            e => e.GetString()!.StartsWith("\"None\" cannot be chosen with another alternative", StringComparison.Ordinal));
        var escalated = await om.PutAsJsonAsync($"{Base(id)}/{rid}/alternatives", new
        {
            tried = new[] { new { alternative = "riskEscalation", outcome = "ongoing", details = "Raised with MAPPA" } }, version = v,
        });
        Assert.Equal(HttpStatusCode.OK, escalated.StatusCode);
    }

    [Fact]
    public async Task TheRulesPage_ListsEveryRegime_WithItsSourceAndWhatIsUnconfirmed_ForTheClinicalLeadOnly()
    {
        var lead = await app.PagesAsync(StaffRole.ClinicalLead);
        var html = await AppFixture.TextAsync(await lead.GetAsync("/manage/rules"));
        foreach (var v in RecallRegimes.Register.Versions)
        {
            Assert.Contains(v.Name, html, StringComparison.Ordinal);
            Assert.Contains(v.Source.Citation, html, StringComparison.Ordinal);
        }
        Assert.Contains("Not confirmed — clinical lead to check", html, StringComparison.Ordinal);
        Assert.Contains("relevant young offender", html, StringComparison.Ordinal);
        var om = await app.PagesAsync(StaffRole.OffenderManager);
        Assert.NotEqual(HttpStatusCode.OK, (await om.GetAsync("/manage/rules")).StatusCode);
    }
}

public sealed class RecallTestsSqlite(SqliteApp app) : RecallTests(app), IClassFixture<SqliteApp>
{
    /// <summary>
    /// A service whose local policy has no senior manager's countersignature switches the step off: a recall is then
    /// decided at the SPO's decision. A setting, not data, so this runs once, in a second app over the fixture's database.
    /// </summary>
    [Fact]
    public async Task WithoutTheSeniorManagerCountersignatureStep_ARecallIsDecidedAtTheSposDecision()
    {
        var id = await CaseAsync();
        using var om = app.Api(StaffRole.OffenderManager);
        var (rid, v) = await StartAsync(om, id);
        v = await FillAsync(om, id, rid, v);
        Assert.Equal(HttpStatusCode.OK, (await om.PutAsJsonAsync($"{Base(id)}/{rid}/consultation-not-possible", new { reason = "Psychologist on leave; risk immediate", version = v })).StatusCode);
        v++;

        using var noStep = app.Factory.WithWebHostBuilder(b => b.UseSetting("Recall:SeniorManagerCountersignature", "false"));
        using var spo = noStep.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        spo.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", app.World.Tokens[StaffRole.SeniorProbationOfficer]);
        var decided = await spo.PostAsJsonAsync($"{Base(id)}/{rid}/decision", new { decision = "fixedTermRecall", oversightRationale = "Whereabouts unknown for 3 weeks.", version = v });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("decided", (await Json(decided)).GetProperty("status").GetString());

        // The default app still asks for it, for the same kind of decision.
        var other = await CaseAsync();
        var (rid2, v2) = await StartAsync(om, other);
        v2 = await FillAsync(om, other, rid2, v2);
        Assert.Equal(HttpStatusCode.OK, (await om.PutAsJsonAsync($"{Base(other)}/{rid2}/consultation-not-possible", new { reason = "Psychologist on leave; risk immediate", version = v2 })).StatusCode);
        using var defaultSpo = app.Api(StaffRole.SeniorProbationOfficer);
        var waiting = await defaultSpo.PostAsJsonAsync($"{Base(other)}/{rid2}/decision", new { decision = "fixedTermRecall", oversightRationale = "Whereabouts unknown for 3 weeks.", version = v2 + 1 });
        Assert.Equal("awaitingCountersignature", (await Json(waiting)).GetProperty("status").GetString());
    }
}

public sealed class RecallTestsPostgres(PostgresApp app) : RecallTests(app), IClassFixture<PostgresApp>;
