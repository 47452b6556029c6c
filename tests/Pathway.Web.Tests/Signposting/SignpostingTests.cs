using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Signposting;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Signposting;

/// <summary>
/// Matching, signposting referrals and the partner agency's narrowed view: refusals name their reason, moves follow the
/// state machine, and a partner sees only referrals sent to their organisation and only the minimum fields.
/// </summary>
public abstract class SignpostingTests(AppFixture app)
{
    private Guid CaseId => app.World.InScope.Id;
    private string Referrals => $"/api/v1/cases/{CaseId}/signposting/referrals";

    private async Task<DirectoryService> ServiceAsync(string name, Action<DirectoryService>? rules = null) => await app.Factory.WithDbAsync(async db =>
    {
        var s = new DirectoryService
        {
            OrganisationId = app.World.DirectoryOrganisation.Id, Name = name, ReferralRoute = "Form", NeedsMet = [NeedArea.Accommodation, NeedArea.Finance],
            LastVerifiedOn = DateOnly.FromDateTime(DateTime.UtcNow), CreatedAt = DateTimeOffset.UtcNow,
        };
        rules?.Invoke(s);
        db.DirectoryServices.Add(s);
        await db.SaveChangesAsync();
        return s;
    });

    private static object Referral(Guid serviceId, bool consented = true, bool sendNow = true, string need = "accommodation") => new
    {
        serviceId, need, reasonForReferral = "Wants a stable place to live", staffSafetySummary = "Meet in the office", contactRoute = "Via OM",
        personConsented = consented, sendNow,
    };

    private static async Task<JsonElement> ErrorsOf(HttpResponseMessage res)
    {
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        return (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    private async Task<JsonElement> CreateAsync(Guid serviceId)
    {
        using var api = app.Api(StaffRole.OffenderManager);
        var res = await api.PostAsJsonAsync(Referrals, Referral(serviceId));
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        return await res.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task AClosedService_IsRefusedWithTheReason_AndNothingIsSaved()
    {
        var closed = await ServiceAsync("Closed " + Guid.NewGuid().ToString("N")[..6], s => s.OpenToReferrals = false);
        using var api = app.Api(StaffRole.OffenderManager);
        var errors = await ErrorsOf(await api.PostAsJsonAsync(Referrals, Referral(closed.Id)));
        Assert.Equal($"{closed.Name} is closed to referrals. Choose another service, or record the need as unmet", errors.GetProperty("serviceId")[0].GetString());
        Assert.False(await app.Factory.WithDbAsync(db => db.SignpostingReferrals.AnyAsync(r => r.ServiceId == closed.Id)));
    }

    [Fact]
    public async Task AServiceWhoseRulesExcludeThePerson_IsRefusedWithEachRule()
    {
        var c = app.World.InScope;
        var excluded = await ServiceAsync("Age-limited " + Guid.NewGuid().ToString("N")[..6], s => s.MaximumAge = 16);
        using var api = app.Api(StaffRole.OffenderManager);
        var errors = await ErrorsOf(await api.PostAsJsonAsync(Referrals, Referral(excluded.Id)));
        Assert.Contains(errors.GetProperty("serviceId").EnumerateArray(), m => m.GetString()!.StartsWith($"{excluded.Name} cannot take this referral: Maximum age is 16", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendingWithoutTheirAgreement_IsRefused_ButASuggestionMayBeSaved()
    {
        var s = await ServiceAsync("Consent " + Guid.NewGuid().ToString("N")[..6]);
        using var api = app.Api(StaffRole.Psychologist);
        var errors = await ErrorsOf(await api.PostAsJsonAsync(Referrals, Referral(s.Id, consented: false)));
        Assert.StartsWith("Record that the person agreed", errors.GetProperty("personConsented")[0].GetString());
        var suggested = await api.PostAsJsonAsync(Referrals, Referral(s.Id, consented: false, sendNow: false));
        Assert.Equal(HttpStatusCode.Created, suggested.StatusCode);
        var body = await suggested.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("suggested", body.GetProperty("status").GetString());
        // A suggestion is invisible to the partner until it is sent.
        using var partner = app.Api(StaffRole.PartnerAgency);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/partner/referrals/{body.GetProperty("id").GetString()}")).StatusCode);
    }

    [Fact]
    public async Task ThePartner_AcceptsAndRecordsAttendance_AndOutOfOrderMovesAreRefused()
    {
        var s = await ServiceAsync("Flow " + Guid.NewGuid().ToString("N")[..6]);
        var created = await CreateAsync(s.Id);
        var id = created.GetProperty("id").GetString();
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        using var partner = app.Api(StaffRole.PartnerAgency);
        var early = await ErrorsOf(await partner.PostAsJsonAsync($"/api/v1/partner/referrals/{id}/moves", new { to = "firstAttended", on = today, version = 1 }));
        Assert.Equal("A referral that is referred can next be accepted or declined, not first appointment attended", early.GetProperty("to")[0].GetString());
        var future = await ErrorsOf(await partner.PostAsJsonAsync($"/api/v1/partner/referrals/{id}/moves", new { to = "accepted", on = "2099-01-01", version = 1 }));
        Assert.Equal("The date cannot be in the future", future.GetProperty("on")[0].GetString());

        Assert.Equal(1, created.GetProperty("version").GetInt32());
        var accepted = await partner.PostAsJsonAsync($"/api/v1/partner/referrals/{id}/moves", new { to = "accepted", on = today, version = 1 });
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var stale = await partner.PostAsJsonAsync($"/api/v1/partner/referrals/{id}/moves", new { to = "firstAttended", on = today, version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var attended = await partner.PostAsJsonAsync($"/api/v1/partner/referrals/{id}/moves", new { to = "firstAttended", on = today, version = 2 });
        Assert.Equal(HttpStatusCode.OK, attended.StatusCode);
        var withdraw = await ErrorsOf(await partner.PostAsJsonAsync($"/api/v1/partner/referrals/{id}/moves", new { to = "withdrawn", on = today, reason = "x", version = 3 }));
        Assert.StartsWith("Only the referring service can withdraw", withdraw.GetProperty("to")[0].GetString());

        using var om = app.Api(StaffRole.OffenderManager);
        var seen = await om.GetFromJsonAsync<JsonElement>($"{Referrals}/{id}");
        Assert.Equal("firstAttended", seen.GetProperty("status").GetString());
        Assert.Equal(today, seen.GetProperty("firstAttendedOn").GetString());
        Assert.Equal(["referred", "accepted", "firstAttended"], seen.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("to").GetString()));
        Assert.True(seen.GetProperty("history")[1].GetProperty("byPartner").GetBoolean());
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "signposting.move" && e.EntityId == id && e.Reason!.EndsWith("by the partner agency"))));
    }

    [Fact]
    public async Task ThePartnersView_HoldsOnlyTheMinimum_OnPagesAndApi_AndIsAudited()
    {
        var id = app.World.RecordIds["signpostingId"].InScope;
        var c = app.World.InScope;
        using var api = app.Api(StaffRole.PartnerAgency);
        var res = await api.GetAsync($"/api/v1/partner/referrals/{id}");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var body = await res.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            ["id", "personName", "dateOfBirth", "contactRoute", "reasonForReferral", "staffSafetySummary", "service", "need", "status", "statusOn", "referredOn", "history", "version"],
            body.EnumerateObject().Select(p => p.Name));
        var raw = await res.Content.ReadAsStringAsync();
        Assert.Contains(c.FullName, raw);
        // (The test world's names include the CRN, so look for it everywhere but the name.)
        Assert.DoesNotContain(c.Crn, raw.Replace(c.FullName, "", StringComparison.Ordinal));

        var pages = await app.PagesAsync(StaffRole.PartnerAgency);
        var html = await AppFixture.TextAsync(await pages.GetAsync($"/partner/referrals/{id}"));
        Assert.Contains(c.FullName, html);
        Assert.Contains("World reason", html);
        var withoutName = html.Replace(c.FullName, "", StringComparison.Ordinal);
        foreach (var leak in new[] { c.Crn, c.Postcode ?? "no-postcode", "RoSH", "MAPPA", "Risk of serious harm", c.Licences.FirstOrDefault()?.IndexOffence ?? "no-offence" })
            Assert.DoesNotContain(leak, withoutName);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "partner.referral.read" && e.EntityId == id.ToString() && e.CaseId == c.Id)));

        // Another organisation's partner sees nothing of it, and is recorded as refused.
        var otherTeam = await app.Factory.WithDbAsync(async db =>
        {
            var t = new Team { Name = "Other partner " + Guid.NewGuid().ToString("N")[..6], Kind = TeamKind.Partner, CreatedAt = DateTimeOffset.UtcNow };
            db.Teams.Add(t);
            await db.SaveChangesAsync();
            return t;
        });
        var stranger = await app.NewStaffAsync(StaffRole.PartnerAgency, otherTeam.Id);
        using var strangerApi = await app.ApiAsAsync(stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerApi.GetAsync($"/api/v1/partner/referrals/{id}")).StatusCode);
        Assert.Empty((await strangerApi.GetFromJsonAsync<JsonElement>("/api/v1/partner/referrals")).EnumerateArray());
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.UserId == stranger.Id && e.Outcome == Pathway.Domain.Auditing.AuditOutcome.Denied && e.EntityId == id.ToString())));
    }

    [Fact]
    public async Task Matching_RanksWithReasons_AndUnmetNeedsAreRecordedOnce_ThenMetByAReferral()
    {
        // A case of its own with no countersigned assessment: needs are chosen.
        var c = await app.NewCaseAsync(app.World.TeamA.Id);
        var pages = await app.PagesAsync(StaffRole.OffenderManager);
        var html = await AppFixture.TextAsync(await pages.GetAsync($"/cases/{c.Id}/signposting/match?Needs=Accommodation&Needs=Other"));
        Assert.Contains("There is no countersigned assessment yet", html);
        Assert.Contains("data-testid=\"unmet-Other\"", html);

        using var api = app.Api(StaffRole.OffenderManager);
        var matches = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{c.Id}/signposting/matches?need=accommodation&need=other");
        var other = matches.EnumerateArray().Single(m => m.GetProperty("need").GetString() == "other");
        Assert.True(other.GetProperty("unmet").GetBoolean());
        var accommodation = matches.EnumerateArray().Single(m => m.GetProperty("need").GetString() == "accommodation");
        Assert.All(accommodation.GetProperty("eligible").EnumerateArray(), m => Assert.Contains(m.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("text").GetString() == "Meets the accommodation need"));

        var first = await AppFixture.PostFormAsync(pages, $"/cases/{c.Id}/signposting/match?handler=RecordUnmet&Needs=Other", [], formPage: $"/cases/{c.Id}/signposting/match?Needs=Other");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        await AppFixture.PostFormAsync(pages, $"/cases/{c.Id}/signposting/match?handler=RecordUnmet&Needs=Other", [], formPage: $"/cases/{c.Id}/signposting/match?Needs=Other");
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.UnmetNeeds.CountAsync(u => u.CaseId == c.Id && u.Need == NeedArea.Other)));
        Assert.Contains("Other: no service could take this person", await AppFixture.TextAsync(await pages.GetAsync($"/cases/{c.Id}/signposting")));
    }

    [Fact]
    public async Task GpRegistration_RecordedOnTheCase_DecidesAServiceThatRequiresIt()
    {
        var c = await app.NewCaseAsync(app.World.TeamA.Id);
        var s = await ServiceAsync("GP only " + Guid.NewGuid().ToString("N")[..6], x => x.RequiresGpRegistration = true);
        using var api = app.Api(StaffRole.OffenderManager);
        async Task<JsonElement> EntryAsync()
        {
            var matches = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{c.Id}/signposting/matches?need=accommodation");
            var need = matches.EnumerateArray().Single();
            return need.GetProperty("eligible").EnumerateArray().Concat(need.GetProperty("notEligible").EnumerateArray())
                .Single(m => m.GetProperty("serviceId").GetString() == s.Id.ToString());
        }
        async Task SetAsync(bool registered)
        {
            var body = System.Text.Json.Nodes.JsonNode.Parse(await api.GetStringAsync($"/api/v1/cases/{c.Id}"))!.AsObject();
            body["registeredWithGp"] = registered;
            var put = await api.PutAsJsonAsync($"/api/v1/cases/{c.Id}", body);
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        // Not known: the service stays on the list, with a prompt to check.
        Assert.Contains("check", (await EntryAsync()).ToString(), StringComparison.OrdinalIgnoreCase);
        await SetAsync(false);
        Assert.Contains("The person must be registered with a GP", (await EntryAsync()).ToString());
        Assert.False(await app.Factory.WithDbAsync(db => db.Cases.Where(x => x.Id == c.Id).Select(x => x.RegisteredWithGp!.Value).FirstAsync()));
        await SetAsync(true);
        Assert.Contains("Registered with a GP, as the service requires", (await EntryAsync()).ToString());
        var pages = await app.PagesAsync(StaffRole.OffenderManager);
        Assert.Contains("Registered with a GP", await AppFixture.TextAsync(await pages.GetAsync($"/cases/{c.Id}")));
    }

    [Fact]
    public async Task ThePage_ShowsTheReferral_AndRecordsADecline_OnlyWithAReason()
    {
        var s = await ServiceAsync("Page flow " + Guid.NewGuid().ToString("N")[..6]);
        var id = (await CreateAsync(s.Id)).GetProperty("id").GetString();
        var pages = await app.PagesAsync(StaffRole.OffenderManager);
        var path = $"/cases/{CaseId}/signposting/{id}";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var form = new Dictionary<string, string>
        {
            ["To"] = "Declined", ["On.Day"] = today.Day.ToString(), ["On.Month"] = today.Month.ToString(), ["On.Year"] = today.Year.ToString(), ["Reason"] = "", ["Version"] = "1",
        };
        var refused = await AppFixture.TextAsync(await AppFixture.PostFormAsync(pages, path, form));
        Assert.Contains("Enter why the service declined the referral", refused);
        form["Reason"] = "Service is full until spring";
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(pages, path, form)).StatusCode);
        var shown = await AppFixture.TextAsync(await pages.GetAsync(path));
        Assert.Contains("Service is full until spring", shown);
        Assert.Contains("Declined", shown);
    }
}

public sealed class SignpostingTestsSqlite(SqliteApp app) : SignpostingTests(app), IClassFixture<SqliteApp>;

public sealed class SignpostingTestsPostgres(PostgresApp app) : SignpostingTests(app), IClassFixture<PostgresApp>;
