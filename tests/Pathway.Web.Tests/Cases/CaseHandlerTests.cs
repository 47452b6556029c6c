using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Cases;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Cases;
using Pathway.Web.Features.Cases.Edit;
using Pathway.Web.Features.Cases.Keyworker;
using Pathway.Web.Features.Cases.Sharing;
using Pathway.Web.Infrastructure.UseCases;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Cases;

/// <summary>The case handlers' rules, without HTTP (the pages and the API call the same handlers; the page and API tests walk them).</summary>
public sealed class CaseHandlerTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static Dictionary<string, string[]> Fields<T>(Outcome<T> outcome) =>
        Assert.IsType<Outcome<T>.Invalid>(outcome).Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    [Fact]
    public async Task UpdateCase_StaleAndInvalid_AnswersTheFieldErrorsFirst_AndChangesNothing()
    {
        var c = await app.NewCaseAsync(app.World.TeamA.Id);
        await using var h = new HandlerScope(app, StaffRole.OffenderManager, "case.update");
        var ctx = await h.CaseAsync(c.Id);
        var request = CaseDetails.From(ctx.Case) with { GivenName = " " };

        var outcome = await h.Get<UpdateCase>().HandleAsync(ctx, request, ctx.Case.ReferredToServiceOn, ctx.Case.Version + 3, [], default);

        Assert.Contains("GivenName", Fields(outcome).Keys);
        Assert.Equal("Fresh", await app.Factory.WithDbAsync(db => db.Cases.Where(x => x.Id == c.Id).Select(x => x.GivenName).SingleAsync()));
    }

    [Fact]
    public async Task UpdateCase_Stale_IsAConflictWithTheCaseAsSaved()
    {
        var c = await app.NewCaseAsync(app.World.TeamA.Id);
        await using var h = new HandlerScope(app, StaffRole.OffenderManager, "case.update");
        var ctx = await h.CaseAsync(c.Id);

        var outcome = await h.Get<UpdateCase>().HandleAsync(ctx, CaseDetails.From(ctx.Case) with { GivenName = "Changed" },
            ctx.Case.ReferredToServiceOn, ctx.Case.Version - 1, [], default);

        Assert.Equal("Fresh", Assert.IsType<Outcome<CaseRecord>.Conflict>(outcome).Current.GivenName);
    }

    [Fact]
    public async Task UpdateCase_SettingTheReferralDate_IsRefused()
    {
        var c = await app.NewCaseAsync(app.World.TeamA.Id);
        await using var h = new HandlerScope(app, StaffRole.OffenderManager, "case.update");
        var ctx = await h.CaseAsync(c.Id);

        var outcome = await h.Get<UpdateCase>().HandleAsync(ctx, CaseDetails.From(ctx.Case), new DateOnly(2025, 1, 1), ctx.Case.Version, [], default);

        Assert.Contains("ReferredToServiceOn", Fields(outcome).Keys);
    }

    [Fact]
    public async Task UpdateCase_Valid_SavesWithTheNextVersion_AndItsAuditRow()
    {
        var c = await app.NewCaseAsync(app.World.TeamA.Id);
        await using var h = new HandlerScope(app, StaffRole.OffenderManager, "case.update");
        var ctx = await h.CaseAsync(c.Id);

        var done = Assert.IsType<Outcome<CaseRecord>.Done>(await h.Get<UpdateCase>().HandleAsync(ctx,
            CaseDetails.From(ctx.Case) with { FamilyName = "Renamed" }, ctx.Case.ReferredToServiceOn, ctx.Case.Version, [], default));

        Assert.Equal("Renamed", done.Value.FamilyName);
        Assert.Equal(c.Version + 1, done.Value.Version);
        Assert.True(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "case.update" && a.CaseId == c.Id)));
    }

    [Theory]
    [InlineData(null, "Select the keyworker, or no keyworker")]
    [InlineData("", "Select the keyworker, or no keyworker")]
    [InlineData("not-an-id", "Select a member of staff of the approved premises this person lives in")]
    public async Task SetKeyworker_WithoutAChoiceFromThePremises_IsInvalid(string? choice, string message)
    {
        var c = await app.NewCaseAsync(app.World.TeamA.Id);
        await using var h = new HandlerScope(app, StaffRole.ApprovedPremisesStaff, "case.keyworker.update");
        var ctx = await h.CaseAsync(c.Id);

        Assert.Equal([message], Fields(await h.Get<SetKeyworker>().HandleAsync(ctx, choice, ctx.Case.Version, default))["KeyworkerId"]);
    }

    [Fact]
    public async Task SetKeyworker_StaffOfAnotherPremises_IsInvalid_AndStaleIsAConflict()
    {
        var c = await app.NewCaseAsync(app.World.TeamA.Id);
        await app.Factory.WithDbAsync(db => db.Cases.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ApprovedPremisesId, app.World.Premises.Id)));
        var elsewhere = await app.NewStaffAsync(StaffRole.ApprovedPremisesStaff, app.World.TeamB.Id);
        await using var h = new HandlerScope(app, StaffRole.ApprovedPremisesStaff, "case.keyworker.update");
        var ctx = await h.CaseAsync(c.Id);
        var set = h.Get<SetKeyworker>();

        Assert.Equal(["Select a member of staff of the approved premises this person lives in"],
            Fields(await set.HandleAsync(ctx, elsewhere.Id.ToString(), ctx.Case.Version, default))["KeyworkerId"]);
        Assert.IsType<Outcome<CaseRecord>.Conflict>(await set.HandleAsync(ctx, KeyworkerChoices.None, ctx.Case.Version - 1, default));
    }

    [Fact]
    public async Task SetPoliceUnitSharing_AUnitThatIsNotAPoliceUnit_IsInvalid_AndTheSavedChoiceChangesNothing()
    {
        var c = await app.NewCaseAsync(app.World.TeamA.Id);
        await using var h = new HandlerScope(app, StaffRole.OffenderManager, "case.sharing.update");
        var ctx = await h.CaseAsync(c.Id);
        var share = h.Get<SetPoliceUnitSharing>();

        Assert.Equal(["Select police units from the list"], Fields(await share.HandleAsync(ctx, [app.World.TeamB.Id.ToString()], default))["Units"]);
        Assert.False(Assert.IsType<Outcome<SharingSaved>.Done>(await share.HandleAsync(ctx, [], default)).Value.Changed);
        Assert.True(Assert.IsType<Outcome<SharingSaved>.Done>(await share.HandleAsync(ctx, [app.World.Ppu.Id.ToString()], default)).Value.Changed);
        Assert.True(await app.Factory.WithDbAsync(db => db.CaseShares.AnyAsync(s => s.CaseId == c.Id && s.TeamId == app.World.Ppu.Id)));
    }

    [Fact]
    public async Task NamedStaff_OnlyOnARestrictedCase_AndNobodyRemovesThemselves()
    {
        var om = app.World.Users[StaffRole.OffenderManager];
        var open = await app.NewCaseAsync(app.World.TeamA.Id);
        var restricted = await app.NewCaseAsync(app.World.TeamA.Id, restricted: true, om.Id);
        await using var h = new HandlerScope(app, StaffRole.OffenderManager, "case.sharing.update");
        var add = h.Get<AddNamedStaff>();
        var remove = h.Get<RemoveNamedStaff>();

        Assert.IsType<Outcome<SharingSaved>.NotFound>(await add.HandleAsync(await h.CaseAsync(open.Id), om.Email, default));
        Assert.IsType<Outcome<SharingSaved>.NotFound>(await remove.HandleAsync(await h.CaseAsync(open.Id), om.Id, default));
        var ctx = await h.CaseAsync(restricted.Id);
        Assert.Equal(["Enter the email address of the person to name on this case"], Fields(await add.HandleAsync(ctx, "  ", default))["Email"]);
        Assert.Equal([$"{om.DisplayName} is already named on this case"], Fields(await add.HandleAsync(ctx, om.Email!.ToUpperInvariant(), default))["Email"]);
        Assert.Equal(["No active member of staff who can see case data has that email address"],
            Fields(await add.HandleAsync(ctx, app.World.Users[StaffRole.Administrator].Email, default))["Email"]);
        Assert.Equal(["You cannot remove yourself from this case. Ask another named member of staff to do it"], Fields(await remove.HandleAsync(ctx, om.Id, default))[""]);
        Assert.False(Assert.IsType<Outcome<SharingSaved>.Done>(await remove.HandleAsync(ctx, Guid.NewGuid(), default)).Value.Changed);
    }
}
