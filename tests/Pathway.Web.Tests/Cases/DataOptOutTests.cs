using System.Net;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Cases.DataOptOut;
using Pathway.Web.Infrastructure.UseCases;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Cases;

/// <summary>The national data opt-out on a case: set by the clinical lead, audited, shown on the case.</summary>
public sealed class DataOptOutTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Recording_AndRemoving_SavesTheFlag_WithAnAuditRowEachTime()
    {
        var c = await app.NewCaseAsync(app.World.TeamA.Id);
        await using (var h = new HandlerScope(app, StaffRole.ClinicalLead, AuditActions.Case.DataOptOutUpdate))
        {
            var ctx = await h.CaseAsync(c.Id);
            var saved = Assert.IsType<Outcome<CaseRecord>.Done>(await h.Get<SetNationalDataOptOut>().HandleAsync(ctx, SetNationalDataOptOut.Yes, ctx.Case.Version, default));
            Assert.True(saved.Value.NationalDataOptOut);
        }
        await using (var h = new HandlerScope(app, StaffRole.ClinicalLead, AuditActions.Case.DataOptOutUpdate))
        {
            var ctx = await h.CaseAsync(c.Id);
            Assert.IsType<Outcome<CaseRecord>.Done>(await h.Get<SetNationalDataOptOut>().HandleAsync(ctx, SetNationalDataOptOut.No, ctx.Case.Version, default));
        }

        var reasons = await app.Factory.WithDbAsync(db => db.AuditEvents.Where(a => a.CaseId == c.Id && a.Action == AuditActions.Case.DataOptOutUpdate)
            .OrderBy(a => a.Sequence).Select(a => a.Reason).ToListAsync());
        Assert.Equal(["opted out", "opt-out removed"], reasons);
        Assert.False(await app.Factory.WithDbAsync(db => db.Cases.Where(x => x.Id == c.Id).Select(x => x.NationalDataOptOut).SingleAsync()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("maybe")]
    public async Task NoAnswer_IsAFieldError_AndSavesNothing(string? answer)
    {
        var c = await app.NewCaseAsync(app.World.TeamA.Id);
        await using var h = new HandlerScope(app, StaffRole.ClinicalLead, AuditActions.Case.DataOptOutUpdate);
        var ctx = await h.CaseAsync(c.Id);

        var outcome = await h.Get<SetNationalDataOptOut>().HandleAsync(ctx, answer, ctx.Case.Version, default);

        Assert.Equal("OptedOut", Assert.Single(Assert.IsType<Outcome<CaseRecord>.Invalid>(outcome).Errors).Field);
        Assert.False(await app.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.CaseId == c.Id && a.Action == AuditActions.Case.DataOptOutUpdate)));
    }

    [Fact]
    public async Task AStaleVersion_IsAConflict_AndSavesNothing()
    {
        var c = await app.NewCaseAsync(app.World.TeamA.Id);
        await using var h = new HandlerScope(app, StaffRole.ClinicalLead, AuditActions.Case.DataOptOutUpdate);
        var ctx = await h.CaseAsync(c.Id);

        var outcome = await h.Get<SetNationalDataOptOut>().HandleAsync(ctx, SetNationalDataOptOut.Yes, ctx.Case.Version - 1, default);

        Assert.IsType<Outcome<CaseRecord>.Conflict>(outcome);
        Assert.False(await app.Factory.WithDbAsync(db => db.Cases.Where(x => x.Id == c.Id).Select(x => x.NationalDataOptOut).SingleAsync()));
    }

    [Fact]
    public async Task TheClinicalLead_RecordsItFromTheCase_AndTheCaseShowsIt_ToOthersWithoutAChangeLink()
    {
        var id = app.World.InScope.Id;
        using var lead = await app.PagesAsync(StaffRole.ClinicalLead);
        var overview = await AppFixture.TextAsync(await lead.GetAsync($"/cases/{id}"));
        Assert.Contains($"href=\"/cases/{id}/data-opt-out\"", overview);
        var form = await AppFixture.TextAsync(await lead.GetAsync($"/cases/{id}/data-opt-out"));
        var version = System.Text.RegularExpressions.Regex.Match(form, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;

        var post = await AppFixture.PostFormAsync(lead, $"/cases/{id}/data-opt-out", new() { ["OptedOut"] = "yes", ["Version"] = version });
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        try
        {
            using var om = await app.PagesAsync(StaffRole.OffenderManager);
            var seen = await AppFixture.TextAsync(await om.GetAsync($"/cases/{id}"));
            Assert.Contains("Yes: left out of the evaluation", seen);
            Assert.DoesNotContain("/data-opt-out\"", seen);
            Assert.Equal(HttpStatusCode.Redirect, (await om.GetAsync($"/cases/{id}/data-opt-out")).StatusCode); // access denied
        }
        finally
        {
            await app.Factory.WithDbAsync(db => db.Cases.Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.NationalDataOptOut, false)));
        }
    }
}
