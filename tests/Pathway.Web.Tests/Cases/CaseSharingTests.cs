using System.Net;
using Microsoft.EntityFrameworkCore;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Cases;

public abstract class CaseSharingTests(AppFixture app)
{
    [Fact]
    public async Task SharingWithAPoliceUnit_MakesTheCaseVisibleToItsOfficers_AndUnsharingHidesItAgain()
    {
        var c = await app.NewCaseAsync(app.World.TeamA.Id);
        var om = await app.PagesAsync(StaffRole.OffenderManager);
        var ppu = await app.PagesAsync(StaffRole.PublicProtectionOfficer);
        var sharing = $"/cases/{c.Id}/sharing";
        Assert.Equal(HttpStatusCode.NotFound, (await ppu.GetAsync($"/cases/{c.Id}")).StatusCode);

        var res = await AppFixture.PostFormAsync(om, $"{sharing}?handler=Units", new() { ["Units"] = app.World.Ppu.Id.ToString() }, formPage: sharing);

        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ppu.GetAsync($"/cases/{c.Id}")).StatusCode);
        var omId = app.World.Users[StaffRole.OffenderManager].Id;
        var (share, audited) = await app.Factory.WithDbAsync(async db => (
            await db.CaseShares.SingleAsync(s => s.CaseId == c.Id),
            await db.AuditEvents.AnyAsync(e => e.Action == "case.sharing.update" && e.CaseId == c.Id && e.UserId == omId)));
        Assert.Equal(app.World.Ppu.Id, share.TeamId);
        Assert.Equal(omId, share.SharedById);
        Assert.True(audited);

        // Nothing ticked: no longer shared.
        res = await AppFixture.PostFormAsync(om, $"{sharing}?handler=Units", [], formPage: sharing);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ppu.GetAsync($"/cases/{c.Id}")).StatusCode);
    }

    [Fact]
    public async Task Sharing_WithATeamThatIsNotAPoliceUnit_IsRefused()
    {
        var c = await app.NewCaseAsync(app.World.TeamA.Id);
        var om = await app.PagesAsync(StaffRole.OffenderManager);
        var sharing = $"/cases/{c.Id}/sharing";

        var res = await AppFixture.PostFormAsync(om, $"{sharing}?handler=Units", new() { ["Units"] = app.World.Premises.Id.ToString() }, formPage: sharing);

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("Select police units from the list", await AppFixture.TextAsync(res), StringComparison.Ordinal);
        Assert.False(await app.Factory.WithDbAsync(db => db.CaseShares.AnyAsync(s => s.CaseId == c.Id)));
    }

    [Fact]
    public async Task SharingPage_ForSomeoneWhoCannotEditTheCase_IsRefused()
    {
        // An editor role without access to the case: 404, as for any case outside someone's scope.
        var om = await app.PagesAsync(StaffRole.OffenderManager);
        Assert.Equal(HttpStatusCode.NotFound, (await om.GetAsync($"/cases/{app.World.OutOfScope.Id}/sharing")).StatusCode);

        // A role that can see the case but never edit cases: refused outright.
        var ppu = await app.PagesAsync(StaffRole.PublicProtectionOfficer);
        var res = await ppu.GetAsync($"/cases/{app.World.InScope.Id}/sharing");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.StartsWith("/account/access-denied", res.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharingTab_IsShownToPeopleWhoCanEditTheCase_Only()
    {
        // Sharing is a page of the "Record" group, listed under the group's row on its pages (the timeline is the first).
        var link = $"href=\"/cases/{app.World.InScope.Id}/sharing\"";
        var asOm = await AppFixture.TextAsync(await (await app.PagesAsync(StaffRole.OffenderManager)).GetAsync($"/cases/{app.World.InScope.Id}/timeline"));
        var asPpu = await AppFixture.TextAsync(await (await app.PagesAsync(StaffRole.PublicProtectionOfficer)).GetAsync($"/cases/{app.World.InScope.Id}/timeline"));
        Assert.Contains(link, asOm, StringComparison.Ordinal);
        Assert.DoesNotContain(link, asPpu, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamedStaff_OnARestrictedCase_CanBeAddedAndRemoved_ButNotYourself()
    {
        var omId = app.World.Users[StaffRole.OffenderManager].Id;
        var psychologist = app.World.Users[StaffRole.Psychologist];
        var c = await app.NewCaseAsync(app.World.TeamA.Id, restricted: true, omId);
        var om = await app.PagesAsync(StaffRole.OffenderManager);
        var psych = await app.PagesAsync(StaffRole.Psychologist);
        var sharing = $"/cases/{c.Id}/sharing";
        Assert.Equal(HttpStatusCode.NotFound, (await psych.GetAsync($"/cases/{c.Id}")).StatusCode);

        var added = await AppFixture.PostFormAsync(om, $"{sharing}?handler=AddNamed", new() { ["Email"] = psychologist.Email!.ToUpperInvariant() }, formPage: sharing);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await psych.GetAsync($"/cases/{c.Id}")).StatusCode);

        var self = await AppFixture.PostFormAsync(om, $"{sharing}?handler=RemoveNamed&userId={omId}", [], formPage: sharing);
        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        Assert.Contains("You cannot remove yourself from this case", await AppFixture.TextAsync(self), StringComparison.Ordinal);

        var removed = await AppFixture.PostFormAsync(om, $"{sharing}?handler=RemoveNamed&userId={psychologist.Id}", [], formPage: sharing);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await psych.GetAsync($"/cases/{c.Id}")).StatusCode);
        var named = await app.Factory.WithDbAsync(db => db.CaseNamedStaff.Where(n => n.CaseId == c.Id).Select(n => n.UserId).ToListAsync());
        Assert.Equal([omId], named);
        Assert.Equal(2, await app.Factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "case.sharing.update" && e.CaseId == c.Id)));
    }

    [Fact]
    public async Task NamedStaff_WhoseRoleCannotSeeCaseData_IsRefused()
    {
        var omId = app.World.Users[StaffRole.OffenderManager].Id;
        var c = await app.NewCaseAsync(app.World.TeamA.Id, restricted: true, omId);
        var om = await app.PagesAsync(StaffRole.OffenderManager);
        var sharing = $"/cases/{c.Id}/sharing";

        var res = await AppFixture.PostFormAsync(om, $"{sharing}?handler=AddNamed",
            new() { ["Email"] = app.World.Users[StaffRole.Administrator].Email! }, formPage: sharing);

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("No active member of staff who can see case data has that email address", await AppFixture.TextAsync(res), StringComparison.Ordinal);
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.CaseNamedStaff.CountAsync(n => n.CaseId == c.Id)));
    }
}

public sealed class CaseSharingTestsSqlite(SqliteApp app) : CaseSharingTests(app), IClassFixture<SqliteApp>;

public sealed class CaseSharingTestsPostgres(PostgresApp app) : CaseSharingTests(app), IClassFixture<PostgresApp>;
