using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Coordination;

/// <summary>
/// The service co-ordination group: case items shown only to readers who may read the case (pages, PDF and API), the
/// basis for sharing required, bad owners, dates and attendees refused, overdue actions tagged, approved minutes
/// read-only, and the audit rows that go with them.
/// </summary>
public abstract class CoordinationGroupTests(AppFixture app)
{
    private const string Api = "/api/v1/coordination-group";
    private Guid Id(string key) => app.World.RecordIds[key].InScope;
    private Guid MeetingId => Id("meetingId");

    [Fact]
    public async Task ACaseItem_IsRestricted_ForARepresentativeWhoCannotReadTheCase_OnThePage_ThePdf_AndTheApi()
    {
        var inScope = app.World.InScope;
        var partner = await app.PagesAsync(StaffRole.PartnerAgency);
        var page = await AppFixture.TextAsync(await partner.GetAsync($"/coordination-group/meetings/{MeetingId}"));
        var pdf = await PdfText.ReadAsync(partner, $"/coordination-group/meetings/{MeetingId}/minutes.pdf");
        using var api = app.Api(StaffRole.PartnerAgency);
        var json = await (await api.GetAsync($"{Api}/meetings/{MeetingId}")).Content.ReadAsStringAsync();
        var item = await (await api.GetAsync($"{Api}/items/{Id("inScopeAgendaItemId")}")).Content.ReadAsStringAsync();
        var actions = await (await api.GetAsync($"{Api}/actions")).Content.ReadAsStringAsync();
        foreach (var (where, text) in new[] { ("page", page), ("pdf", pdf), ("api", json), ("api item", item), ("api actions", actions) })
        {
            Assert.Contains("restricted", text, StringComparison.OrdinalIgnoreCase);
            foreach (var secret in new[] { inScope.Crn, inScope.FamilyName, GroupWorld.InScopeMinutes, GroupWorld.RestrictedMinutes, app.World.Restricted.Crn, inScope.Id.ToString(), "Housing and engagement" })
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"The partner's {where} shows '{secret}'");
        }
        Assert.Contains("Case discussion (restricted)", page);
        Assert.Contains("Waits are down to three weeks.", page);
        Assert.Contains("Waiting times for the wellbeing group", pdf);
        var parsed = JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([false, true, true], parsed.Select(i => i.GetProperty("restricted").GetBoolean()));
        Assert.All(parsed.Skip(1), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("caseId").ValueKind));
    }

    [Fact]
    public async Task APsychologist_SeesTheCaseItemsTheyMayRead_AndEachReadIsAuditedWithItsCase()
    {
        var before = await LastSequenceAsync();
        var psych = await app.PagesAsync(StaffRole.Psychologist);
        var page = await AppFixture.TextAsync(await psych.GetAsync($"/coordination-group/meetings/{MeetingId}"));
        Assert.True(page.Contains(GroupWorld.InScopeMinutes, StringComparison.Ordinal), page);
        Assert.Contains(app.World.InScope.Crn, page);
        Assert.Contains("The person agreed on", page);
        Assert.DoesNotContain(GroupWorld.RestrictedMinutes, page);
        Assert.DoesNotContain(app.World.Restricted.Crn, page);
        var pdf = await PdfText.ReadAsync(psych, $"/coordination-group/meetings/{MeetingId}/minutes.pdf");
        Assert.Contains(GroupWorld.InScopeMinutes, pdf);
        Assert.DoesNotContain(GroupWorld.RestrictedMinutes, pdf);

        var me = app.World.Users[StaffRole.Psychologist].Id;
        var rows = await app.Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.Sequence > before && a.UserId == me).ToListAsync());
        Assert.Contains(rows, r => r.Action == "coordination.meeting.read" && r.EntityType == "GroupAgendaItem" && r.CaseId == app.World.InScope.Id);
        Assert.Contains(rows, r => r.Action == "coordination.minutes.download" && r.CaseId == app.World.InScope.Id);
        Assert.DoesNotContain(rows, r => r.CaseId == app.World.Restricted.Id);

        // The offender manager is named on the restricted case, so sees that discussion too.
        using var om = app.Api(StaffRole.OffenderManager);
        var items = (await om.GetFromJsonAsync<JsonElement>($"{Api}/meetings/{MeetingId}")).GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, i => Assert.False(i.GetProperty("restricted").GetBoolean()));
    }

    [Fact]
    public async Task AServiceManager_ReadsTheServiceItemsOnly_AndAPartnerWhoIsNotARepresentative_GetsNotFound()
    {
        using var manager = app.Api(StaffRole.ServiceManager);
        var json = await (await manager.GetAsync($"{Api}/meetings/{MeetingId}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(GroupWorld.InScopeMinutes, json);
        Assert.DoesNotContain(GroupWorld.CaseActionText, json);
        Assert.Contains("Waits are down to three weeks.", json);

        var outsider = await app.NewStaffAsync(StaffRole.PartnerAgency, app.World.Partner.Id);
        using var api = await app.ApiAsAsync(outsider);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{Api}/meetings/{MeetingId}")).StatusCode);
        var pages = await app.SignedInAsync(outsider);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync("/coordination-group")).StatusCode);
        Assert.Equal(2, await app.Factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == outsider.Id && a.Outcome == AuditOutcome.Denied)));
    }

    [Fact]
    public async Task ACaseItem_WithoutABasisForSharing_OrConsentWithoutADate_IsRefused_AndNothingIsSaved()
    {
        using var api = app.Api(StaffRole.Psychologist);
        var meeting = await NewMeetingAsync(api);
        var items = await app.Factory.WithDbAsync(db => db.GroupAgendaItems.CountAsync());
        var noBasis = await api.PostAsJsonAsync($"{Api}/meetings/{meeting}/items", new { kind = "caseDiscussion", title = "Case", caseId = app.World.InScope.Id });
        await AssertProblemAsync(noBasis, "sharingBasis");
        var noDate = await api.PostAsJsonAsync($"{Api}/meetings/{meeting}/items", new { kind = "caseDiscussion", title = "Case", caseId = app.World.InScope.Id, sharingBasis = "agreedToSharing" });
        await AssertProblemAsync(noDate, "consentOn");
        var otherWithoutNote = await api.PostAsJsonAsync($"{Api}/meetings/{meeting}/items",
            new { kind = "caseDiscussion", title = "Case", caseId = app.World.InScope.Id, sharingBasis = "sharedWithoutAgreement", lawfulBasis = "other" });
        await AssertProblemAsync(otherWithoutNote, "lawfulBasisNote");
        var lawEnforcement = await api.PostAsJsonAsync($"{Api}/meetings/{meeting}/items",
            new { kind = "caseDiscussion", title = "Case", caseId = app.World.InScope.Id, sharingBasis = "agreedToSharing", consentOn = "2026-01-02", lawfulBasis = "lawEnforcement" });
        await AssertProblemAsync(lawEnforcement, "lawfulBasis");
        // A case the author cannot see is refused as if it did not exist.
        var hidden = await api.PostAsJsonAsync($"{Api}/meetings/{meeting}/items",
            new { kind = "caseDiscussion", title = "Case", caseId = app.World.OutOfScope.Id, sharingBasis = "agreedToSharing", consentOn = "2026-01-02" });
        await AssertProblemAsync(hidden, "caseId");
        Assert.Equal(items, await app.Factory.WithDbAsync(db => db.GroupAgendaItems.CountAsync()));

        // The page says the same.
        var pages = await app.PagesAsync(StaffRole.Psychologist);
        var res = await AppFixture.PostFormAsync(pages, $"/coordination-group/meetings/{meeting}/items/new",
            new() { ["Kind"] = "CaseDiscussion", ["Title"] = "Case", ["Crn"] = app.World.InScope.Crn });
        Assert.Contains("Choose whether the person agrees to their information being shared", await AppFixture.TextAsync(res));

        var ok = await api.PostAsJsonAsync($"{Api}/meetings/{meeting}/items",
            new { kind = "caseDiscussion", title = "Case", caseId = app.World.InScope.Id, sharingBasis = "sharedWithoutAgreement", lawfulBasisNote = "Risk of serious harm to a former partner" });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var id = (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "coordination.item.create" && a.EntityId == id.ToString() && a.CaseId == app.World.InScope.Id)));
    }

    [Fact]
    public async Task AnActionWithoutOwnerOrDueDate_AndAnAttendeeWhoIsNotAMember_AreRefused()
    {
        using var api = app.Api(StaffRole.Psychologist);
        var meeting = await NewMeetingAsync(api);
        var action = await api.PostAsJsonAsync($"{Api}/meetings/{meeting}/actions", new { description = "Do it" });
        var problem = await AssertProblemAsync(action, "owner");
        Assert.True(problem.TryGetProperty("dueOn", out _));
        var bothOwners = await api.PostAsJsonAsync($"{Api}/meetings/{meeting}/actions",
            new { description = "Do it", dueOn = "2026-12-01", ownerRepresentativeId = Id("representativeId"), ownerStaffUserId = app.World.Users[StaffRole.Psychologist].Id });
        await AssertProblemAsync(bothOwners, "owner");
        var stranger = await api.PutAsJsonAsync($"{Api}/meetings/{meeting}", new { meetingOn = "2026-01-10", attended = new[] { Guid.NewGuid() }, version = 1 });
        await AssertProblemAsync(stranger, "attended");
    }

    [Fact]
    public async Task OverdueActions_AreTagged_OnTheMeeting_TheActionsList_AndTheOwnersHomePage()
    {
        var psych = await app.PagesAsync(StaffRole.Psychologist);
        foreach (var url in new[] { $"/coordination-group/meetings/{MeetingId}", "/coordination-group/actions" })
        {
            var html = await AppFixture.TextAsync(await psych.GetAsync(url));
            var row = html.Split("data-testid=\"action\"").Single(r => r.Contains("Send the group the new referral form", StringComparison.Ordinal));
            Assert.Contains("govuk-tag--red", row);
            Assert.Contains("Overdue", row);
        }
        // The partner owns it through their representative record.
        var partner = await app.PagesAsync(StaffRole.PartnerAgency);
        var home = await AppFixture.TextAsync(await partner.GetAsync("/"));
        Assert.Contains("data-kind=\"coordination-action\"", home);
        Assert.Contains("Send the group the new referral form", home);
        using var api = app.Api(StaffRole.PartnerAgency);
        var mine = await api.GetFromJsonAsync<JsonElement>($"{Api}/actions?open=true&mine=true");
        Assert.True(Assert.Single(mine.EnumerateArray()).GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task ApprovedMinutes_AreReadOnly_AndAStaleVersionIs409()
    {
        using var api = app.Api(StaffRole.Psychologist);
        var meeting = await NewMeetingAsync(api);
        var item = await api.PostAsJsonAsync($"{Api}/meetings/{meeting}/items", new { kind = "serviceDevelopment", title = "Referral pathway" });
        var itemId = (await item.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var stale = await api.PutAsJsonAsync($"{Api}/items/{itemId}", new { title = "Changed", version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"{Api}/meetings/{meeting}/status", new { status = "minutesApproved", version = 1 })).StatusCode);
        var held = await api.PostAsJsonAsync($"{Api}/meetings/{meeting}/status", new { status = "held", version = 1 });
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        var approved = await api.PostAsJsonAsync($"{Api}/meetings/{meeting}/status", new { status = "minutesApproved", version = 2 });
        Assert.Equal("minutesApproved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        await AssertProblemAsync(await api.PutAsJsonAsync($"{Api}/items/{itemId}", new { title = "Changed", minutes = "Later", version = 1 }), "meeting");
        await AssertProblemAsync(await api.PutAsJsonAsync($"{Api}/meetings/{meeting}", new { meetingOn = "2026-01-10", version = 3 }), "meeting");
        await AssertProblemAsync(await api.PostAsJsonAsync($"{Api}/meetings/{meeting}/actions",
            new { description = "Late", dueOn = "2026-12-01", ownerStaffUserId = app.World.Users[StaffRole.Psychologist].Id }), "meeting");
        Assert.Equal("Referral pathway", await app.Factory.WithDbAsync(db => db.GroupAgendaItems.Where(i => i.Id == itemId).Select(i => i.Title).SingleAsync()));
        var pages = await app.PagesAsync(StaffRole.Psychologist);
        var edit = await pages.GetAsync($"/coordination-group/meetings/{meeting}/items/{itemId}/edit");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "coordination.meeting.status.update" && a.Reason == "minutesApproved" && a.EntityId == meeting.ToString())));
    }

    private static async Task<Guid> NewMeetingAsync(HttpClient api)
    {
        var res = await api.PostAsJsonAsync($"{Api}/meetings", new { meetingOn = "2026-01-10" });
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        return (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage res, string field)
    {
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == HttpStatusCode.BadRequest, $"{res.StatusCode}: {body}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"No error for '{field}': {body}");
        return errors;
    }

    private Task<long> LastSequenceAsync() => app.Factory.WithDbAsync(db => db.AuditEvents.MaxAsync(a => (long?)a.Sequence).ContinueWith(t => t.Result ?? 0));
}

public sealed class CoordinationGroupTestsSqlite(SqliteApp app) : CoordinationGroupTests(app), IClassFixture<SqliteApp>;

public sealed class CoordinationGroupTestsPostgres(PostgresApp app) : CoordinationGroupTests(app), IClassFixture<PostgresApp>;
