using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Seeding;
using Pathway.Domain.Auditing;
using Pathway.Domain.Referrals;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Referrals;

/// <summary>Referral, queue, allocation, pathway stages and consultations, through the API and the pages, on both providers.</summary>
public abstract class ReferralTests(AppFixture app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object ValidReferral(string urgency = "urgent") => new
    {
        reason = "Escalating anger in supervision; threatened AP staff",
        questions = "How should we respond to outbursts without escalating?",
        concernsBehaviour = "Shouting, door slamming",
        concernsRelationships = "Conflict with partner",
        urgency,
        sharingBasis = "agreedToSharing",
    };

    private async Task<Guid> NewTeamACaseAsync() => (await app.NewCaseAsync(app.World.TeamA.Id)).Id;

    private async Task<JsonElement> ReferAsync(Guid caseId, string urgency = "urgent")
    {
        using var om = app.Api(StaffRole.OffenderManager);
        var res = await om.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", ValidReferral(urgency));
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        return await res.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> ErrorsOf(HttpResponseMessage res)
    {
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        return (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    private static string Message(JsonElement errors, string field) =>
        errors.TryGetProperty(field, out var list) ? list[0].GetString()! : throw new Xunit.Sdk.XunitException($"no error for {field}: {errors}");

    private Task<long> LastAuditAsync() => app.Factory.WithDbAsync(db => db.AuditEvents.MaxAsync(a => (long?)a.Sequence).ContinueWith(t => t.Result ?? 0));

    [Fact]
    public async Task Journey_ViaApi_Refer_Queue_Allocate_Consult_MoveStages()
    {
        var caseId = await NewTeamACaseAsync();
        var psychologist = app.World.Users[StaffRole.Psychologist];
        var om = app.World.Users[StaffRole.OffenderManager];

        // Before the referral the psychologist cannot see the case; after it they can.
        using var psy = app.Api(StaffRole.Psychologist);
        Assert.Equal(HttpStatusCode.NotFound, (await psy.GetAsync($"/api/v1/cases/{caseId}/referral")).StatusCode);
        var created = await ReferAsync(caseId);
        Assert.Equal("referred", created.GetProperty("stage").GetString());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), await app.Factory.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.ReferredToServiceOn).SingleAsync()));

        var queue = await psy.GetFromJsonAsync<JsonElement>("/api/v1/referrals?view=unallocated&urgency=urgent");
        var item = queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("caseId").GetGuid() == caseId);
        Assert.Equal("urgent", item.GetProperty("urgency").GetString());

        var allocated = await psy.PostAsJsonAsync($"/api/v1/cases/{caseId}/referral/allocation", new { psychologistId = psychologist.Id.ToString(), version = item.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, allocated.StatusCode);
        var referral = await allocated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(psychologist.Id, referral.GetProperty("allocatedPsychologistId").GetGuid());
        Assert.Equal(psychologist.Id, await app.Factory.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.PsychologistId).SingleAsync()));
        var mine = await psy.GetFromJsonAsync<JsonElement>("/api/v1/referrals?view=mine");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), i => i.GetProperty("caseId").GetGuid() == caseId);

        // The first consultation moves the referral from referred to consultation.
        var consult = await psy.PostAsJsonAsync($"/api/v1/cases/{caseId}/consultations", new
        {
            heldOn = D(Today.AddDays(-10)),
            staffAttendeeIds = new[] { psychologist.Id.ToString(), om.Id.ToString() },
            otherAttendees = new[] { new { name = "DC Sam Reid", details = "PPU, West Police" } },
            questions = "What helps when he is angry?",
            advice = "Acknowledge the feeling first; keep appointments predictable.",
            nextConsultationOn = D(Today.AddDays(20)),
            actions = new[] { new { id = (string?)null, description = "Arrange a three-way meeting", ownerId = om.Id.ToString(), dueOn = D(Today.AddDays(-2)) } },
        });
        Assert.Equal(HttpStatusCode.Created, consult.StatusCode);
        var consultation = await consult.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, consultation.GetProperty("attendees").GetArrayLength());
        Assert.Contains(consultation.GetProperty("attendees").EnumerateArray(), a => a.GetProperty("role").GetString() == "publicProtectionUnit");
        Assert.True(consultation.GetProperty("actions")[0].GetProperty("overdue").GetBoolean());

        referral = await psy.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/referral");
        Assert.Equal("consultation", referral.GetProperty("stage").GetString());

        // Next stage needs no reason; skipping does.
        var next = await psy.PostAsJsonAsync($"/api/v1/cases/{caseId}/referral/stage", new { to = "screening", version = referral.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        referral = await next.Content.ReadFromJsonAsync<JsonElement>();
        var skip = await psy.PostAsJsonAsync($"/api/v1/cases/{caseId}/referral/stage", new { to = "formulation", version = referral.GetProperty("version").GetInt32() });
        Assert.Equal("Enter why the referral is skipping from screening to formulation", Message(await ErrorsOf(skip), "reason"));
        var skipped = await psy.PostAsJsonAsync($"/api/v1/cases/{caseId}/referral/stage",
            new { to = "formulation", reason = "Assessed by the prison OPD service last month", version = referral.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, skipped.StatusCode);
        referral = await skipped.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["referred", "consultation", "screening", "formulation"], referral.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
        Assert.Equal("Assessed by the prison OPD service last month", referral.GetProperty("history")[3].GetProperty("reason").GetString());
        Assert.Equal(4, referral.GetProperty("periods").GetArrayLength());

        // The overdue action is on the owner's home page.
        var omPages = await app.PagesAsync(StaffRole.OffenderManager);
        var home = await AppFixture.TextAsync(await omPages.GetAsync("/"));
        Assert.Contains("Arrange a three-way meeting", home);
        Assert.Contains("Overdue", home);
    }

    [Fact]
    public async Task Create_WithBadInput_Returns400_NamingEachField_AndSavesNothing()
    {
        var caseId = await NewTeamACaseAsync();
        using var om = app.Api(StaffRole.OffenderManager);
        var res = await om.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { reason = " ", urgency = "whenever", sharingBasis = "sharedWithoutAgreement" });
        var errors = await ErrorsOf(res);
        Assert.Equal("Enter the reason for the referral", Message(errors, "reason"));
        Assert.Equal("Enter the questions you would like the psychologist to help with", Message(errors, "questions"));
        Assert.StartsWith("Describe what worries you", Message(errors, "concernsBehaviour"));
        Assert.StartsWith("'whenever' is not allowed. Use one of: routine, soon, urgent", Message(errors, "urgency"));
        Assert.Equal("Explain why the information is shared without the person's agreement", Message(errors, "lawfulBasisNote"));
        Assert.Equal(0, await app.Factory.WithDbAsync(db => db.Referrals.CountAsync(r => r.CaseId == caseId)));
        Assert.Null(await app.Factory.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.ReferredToServiceOn).SingleAsync()));
    }

    [Fact]
    public async Task Create_WhileAReferralIsOpen_Returns409_AndAReReferralAfterWithdrawalStartsAfresh()
    {
        var caseId = await NewTeamACaseAsync();
        var first = await ReferAsync(caseId);
        using var om = app.Api(StaffRole.OffenderManager);
        Assert.Equal(HttpStatusCode.Conflict, (await om.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", ValidReferral())).StatusCode);

        var withdrawn = await om.PostAsJsonAsync($"/api/v1/cases/{caseId}/referral/stage", new { to = "withdrawn", reason = "Recalled to custody", version = first.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.False((await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isOpen").GetBoolean());

        var second = await ReferAsync(caseId, "routine");
        Assert.NotEqual(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        var list = await om.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/referrals");
        Assert.Equal(["referred", "withdrawn"], list.EnumerateArray().Select(r => r.GetProperty("stage").GetString()));
    }

    [Fact]
    public async Task OffenderManager_MayOnlyWithdraw_WithAReason()
    {
        var caseId = await NewTeamACaseAsync();
        var r = await ReferAsync(caseId);
        using var om = app.Api(StaffRole.OffenderManager);
        var version = r.GetProperty("version").GetInt32();
        var before = await LastAuditAsync();
        var forward = await om.PostAsJsonAsync($"/api/v1/cases/{caseId}/referral/stage", new { to = "consultation", version });
        Assert.Equal(HttpStatusCode.Forbidden, forward.StatusCode);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Sequence > before && a.Action == "referral.stage.update" && a.Outcome == AuditOutcome.Denied && a.CaseId == caseId)));
        var noReason = await om.PostAsJsonAsync($"/api/v1/cases/{caseId}/referral/stage", new { to = "withdrawn", version });
        Assert.Equal("Enter why the referral is being withdrawn", Message(await ErrorsOf(noReason), "reason"));
    }

    [Fact]
    public async Task MoveStage_WithAStaleVersion_Returns409_AndChangesNothing()
    {
        var caseId = await NewTeamACaseAsync();
        var r = await ReferAsync(caseId);
        using var psy = app.Api(StaffRole.Psychologist);
        var version = r.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await psy.PostAsJsonAsync($"/api/v1/cases/{caseId}/referral/stage", new { to = "consultation", version })).StatusCode);
        var stale = await psy.PostAsJsonAsync($"/api/v1/cases/{caseId}/referral/stage", new { to = "notSuitable", reason = "No PD indicated", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var body = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("consultation", body.GetProperty("current").GetProperty("stage").GetString());
        Assert.Equal(PathwayStage.Consultation, await app.Factory.WithDbAsync(db => db.Referrals.Where(x => x.CaseId == caseId).Select(x => x.Stage).SingleAsync()));
    }

    [Fact]
    public async Task Psychologist_CannotAllocateToSomeoneElse()
    {
        var caseId = await NewTeamACaseAsync();
        var r = await ReferAsync(caseId);
        using var psy = app.Api(StaffRole.Psychologist);
        var res = await psy.PostAsJsonAsync($"/api/v1/cases/{caseId}/referral/allocation",
            new { psychologistId = app.World.Users[StaffRole.ClinicalLead].Id.ToString(), version = r.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
        using var lead = app.Api(StaffRole.ClinicalLead);
        var ok = await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/referral/allocation",
            new { psychologistId = app.World.Users[StaffRole.Psychologist].Id.ToString(), version = r.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Consultation_BadInput_AndStaleUpdate_AreRefused()
    {
        var caseId = await NewTeamACaseAsync();
        await ReferAsync(caseId);
        using var psy = app.Api(StaffRole.Psychologist);
        var bad = await psy.PostAsJsonAsync($"/api/v1/cases/{caseId}/consultations", new
        {
            heldOn = D(Today.AddDays(3)), advice = "", nextConsultationOn = "next week",
            staffAttendeeIds = new[] { app.World.Users[StaffRole.Administrator].Id.ToString() },
            actions = new[] { new { description = "Call AP", ownerId = (string?)null, dueOn = (string?)null } },
        });
        var errors = await ErrorsOf(bad);
        Assert.Equal("Date of the consultation must be today or in the past", Message(errors, "heldOn"));
        Assert.Equal("Enter the psychologist's advice", Message(errors, "advice"));
        Assert.Equal("'next week' is not a date in the form yyyy-MM-dd", Message(errors, "nextConsultationOn"));
        Assert.Equal("Choose attendees from the list of staff who work with this person", Message(errors, "staffAttendees"));
        Assert.Equal("Select who owns action 1", Message(errors, "actions[0].OwnerId"));
        Assert.Equal(0, await app.Factory.WithDbAsync(db => db.Consultations.CountAsync(c => c.CaseId == caseId)));

        var me = app.World.Users[StaffRole.Psychologist].Id.ToString();
        var created = await (await psy.PostAsJsonAsync($"/api/v1/cases/{caseId}/consultations", new { heldOn = D(Today), advice = "Predictable contact", staffAttendeeIds = new[] { me } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var url = $"/api/v1/cases/{caseId}/consultations/{created.GetProperty("id").GetGuid()}";
        var v = created.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await psy.PutAsJsonAsync(url, new { heldOn = D(Today), advice = "Changed", staffAttendeeIds = new[] { me }, version = v })).StatusCode);
        var stale = await psy.PutAsJsonAsync(url, new { heldOn = D(Today), advice = "Overwrite?", staffAttendeeIds = new[] { me }, version = v });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Changed", (await psy.GetFromJsonAsync<JsonElement>(url)).GetProperty("advice").GetString());
    }

    [Fact]
    public async Task OutOfScope_Is404_WithADeniedAuditRow()
    {
        using var ppu = app.Api(StaffRole.PublicProtectionOfficer);
        var outId = app.World.OutOfScope.Id;
        var before = await LastAuditAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await ppu.GetAsync($"/api/v1/cases/{outId}/referral")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ppu.GetAsync($"/api/v1/cases/{outId}/consultations")).StatusCode);
        var rows = await app.Factory.WithDbAsync(db => db.AuditEvents.Where(a => a.Sequence > before).ToListAsync());
        Assert.Contains(rows, a => a.Action == "referral.read" && a.Outcome == AuditOutcome.Denied && a.CaseId == outId);
        Assert.Contains(rows, a => a.Action == "consultation.list" && a.Outcome == AuditOutcome.Denied && a.CaseId == outId);
        // The queue never lists cases outside a psychologist's scope (the restricted case's referral is open).
        using var psy = app.Api(StaffRole.Psychologist);
        var all = await psy.GetFromJsonAsync<JsonElement>("/api/v1/referrals?view=all");
        Assert.DoesNotContain(all.GetProperty("items").EnumerateArray(), i => i.GetProperty("caseId").GetGuid() == app.World.Restricted.Id);
    }

    [Fact]
    public async Task CompletingAnAction_IsForItsOwnerOrAnEditor()
    {
        var w = app.World;
        var url = $"/api/v1/cases/{w.InScope.Id}/consultations/{w.InScopeConsultation.Id}/actions/{w.InScopeAction.Id}/complete";
        using var ppu = app.Api(StaffRole.PublicProtectionOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await ppu.PostAsJsonAsync(url, new { version = 1 })).StatusCode);
        Assert.Null(await app.Factory.WithDbAsync(db => db.ConsultationActions.Where(a => a.Id == w.InScopeAction.Id).Select(a => a.CompletedAt).SingleAsync()));
    }

    [Fact]
    public async Task Pages_Refer_Allocate_RecordConsultation_MarkDone()
    {
        var c = await app.NewCaseAsync(app.World.TeamA.Id);
        var om = await app.PagesAsync(StaffRole.OffenderManager);
        var referPath = $"/cases/{c.Id}/referral/new";

        var invalid = await AppFixture.PostFormAsync(om, referPath, new() { ["Input.Reason"] = "Worried" });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var text = await AppFixture.TextAsync(invalid);
        Assert.Contains("There is a problem", text);
        Assert.Contains("Select how urgent the referral is", text);

        var sent = await AppFixture.PostFormAsync(om, referPath, new()
        {
            ["Input.Reason"] = "Worried about self-harm", ["Input.Questions"] = "What should I look out for?", ["Input.ConcernsEmotions"] = "Very low mood",
            ["Input.Urgency"] = nameof(ReferralUrgency.Soon), ["Input.SharingBasis"] = nameof(SharingBasis.SharedWithoutAgreement),
            ["Input.LawfulBasis"] = nameof(LawfulBasis.SafeguardingIndividualsAtRisk), ["Input.LawfulBasisNote"] = "Risk to her children",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/cases/{c.Id}/pathway", sent.Headers.Location?.OriginalString);

        var psy = await app.PagesAsync(StaffRole.Psychologist);
        var queue = await AppFixture.TextAsync(await psy.GetAsync("/referrals?view=unallocated&urgency=soon&sort=oldest"));
        Assert.Contains(c.Crn, queue);
        var take = await AppFixture.PostFormAsync(psy, $"/cases/{c.Id}/referral/allocate", new() { ["Version"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, take.StatusCode);
        var pathway = await AppFixture.TextAsync(await psy.GetAsync($"/cases/{c.Id}/pathway"));
        Assert.Contains("Test Psychologist (allocated", pathway);
        Assert.Contains("Public task, safeguarding children and individuals at risk", pathway);

        var recordPath = $"/cases/{c.Id}/consultations/new";
        var bad = await AppFixture.PostFormAsync(psy, recordPath, new() { ["Input.HeldOn.Day"] = "31", ["Input.HeldOn.Month"] = "2", ["Input.HeldOn.Year"] = "2026", ["Input.Actions[0].Description"] = "Call" });
        var badText = await AppFixture.TextAsync(bad);
        Assert.Contains("Date of the consultation must be a real date", badText);
        Assert.Contains("Select who owns action 1", badText);
        Assert.Contains("Enter the psychologist&#x27;s advice".Replace("&#x27;", "'"), badText);

        var owner = app.World.Users[StaffRole.OffenderManager].Id.ToString();
        var due = Today.AddDays(3);
        var ok = await AppFixture.PostFormAsync(psy, recordPath, new()
        {
            ["Input.HeldOn.Day"] = Today.Day.ToString(CultureInfo.InvariantCulture), ["Input.HeldOn.Month"] = Today.Month.ToString(CultureInfo.InvariantCulture), ["Input.HeldOn.Year"] = Today.Year.ToString(CultureInfo.InvariantCulture),
            ["Input.StaffAttendees"] = app.World.Users[StaffRole.Psychologist].Id.ToString(), ["Input.OtherAttendees"] = "Amir Khan, AP staff",
            ["Input.Advice"] = "Ask directly about self-harm at each contact.",
            ["Input.Actions[0].Description"] = "Share the safety plan with the AP", ["Input.Actions[0].OwnerId"] = owner,
            ["Input.Actions[0].DueOn.Day"] = due.Day.ToString(CultureInfo.InvariantCulture), ["Input.Actions[0].DueOn.Month"] = due.Month.ToString(CultureInfo.InvariantCulture), ["Input.Actions[0].DueOn.Year"] = due.Year.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var detailPath = ok.Headers.Location!.OriginalString;

        var home = await AppFixture.TextAsync(await om.GetAsync("/"));
        Assert.Contains("Share the safety plan with the AP", home);
        Assert.Contains("Due soon", home);

        var action = await app.Factory.WithDbAsync(db => db.ConsultationActions.SingleAsync(a => a.CaseId == c.Id));
        var done = await AppFixture.PostFormAsync(om, detailPath + "?handler=complete", new() { ["actionId"] = action.Id.ToString(), ["version"] = action.Version.ToString(CultureInfo.InvariantCulture) }, formPage: detailPath);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.NotNull(await app.Factory.WithDbAsync(db => db.ConsultationActions.Where(a => a.Id == action.Id).Select(a => a.CompletedAt).SingleAsync()));
        Assert.Equal(PathwayStage.Consultation, await app.Factory.WithDbAsync(db => db.Referrals.Where(r => r.CaseId == c.Id).Select(r => r.Stage).SingleAsync()));

        var version = await app.Factory.WithDbAsync(db => db.Referrals.Where(r => r.CaseId == c.Id).Select(r => r.Version).SingleAsync());
        var move = await AppFixture.PostFormAsync(psy, $"/cases/{c.Id}/pathway/move", new() { ["To"] = nameof(PathwayStage.Assessment), ["Version"] = version.ToString(CultureInfo.InvariantCulture) });
        Assert.Contains("Enter why the referral is skipping from consultation to assessment", await AppFixture.TextAsync(move));
    }

    [Fact]
    public async Task RecordsMadeUnderTheOldSharingOptions_AreCorrectedOnce_ToTheNearestLawfulBasis_AndAudited()
    {
        var caseId = await NewTeamACaseAsync();
        var created = await ReferAsync(caseId);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("publicTaskHealthAndCare", created.GetProperty("lawfulBasis").GetString());
        // As the old code wrote it: consent offered as if it were the basis, and law enforcement (DPA Part 3).
        await app.Factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"Referrals\" SET \"SharingBasis\" = 'ConsentGiven', \"LawfulBasis\" = 'LawEnforcement' WHERE \"CaseId\" = {0}",
            [app.Factory.Provider == Provider.Sqlite ? caseId.ToString().ToUpperInvariant() : caseId]));

        var changed = await app.Factory.WithDbAsync(db => LawfulBasisCorrection.ApplyAsync(db, DateTimeOffset.UtcNow));
        Assert.True(changed >= 1);
        Assert.Equal(0, await app.Factory.WithDbAsync(db => LawfulBasisCorrection.ApplyAsync(db, DateTimeOffset.UtcNow)));

        var r = await app.Factory.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal(SharingBasis.AgreedToSharing, r.SharingBasis);
        Assert.Equal(LawfulBasis.PublicTaskHealthAndCare, r.LawfulBasis);
        var audit = await app.Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.Action == LawfulBasisCorrection.Action && a.EntityId == id.ToString()));
        Assert.Equal(caseId, audit.CaseId);
        Assert.Equal("sharing ConsentGiven → AgreedToSharing; lawful basis LawEnforcement → PublicTaskHealthAndCare", audit.Reason);
    }
}

public sealed class ReferralTestsSqlite(SqliteApp app) : ReferralTests(app), IClassFixture<SqliteApp>;

public sealed class ReferralTestsPostgres(PostgresApp app) : ReferralTests(app), IClassFixture<PostgresApp>;
