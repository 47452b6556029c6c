using System.Net;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.BreakGlass;

public abstract class BreakGlassTests(AppFixture app)
{
    private const string Reason = "Police report an immediate risk to a child; the offender manager is on leave.";
    private const string Refusal = "No case you can open with emergency access has that CRN";

    [Fact]
    public async Task BreakGlass_OnAnOutOfScopeCase_OpensIt_AndAuditsTheReason()
    {
        var om = await app.NewStaffAsync(StaffRole.OffenderManager, app.World.TeamA.Id);
        using var client = await app.SignedInAsync(om);
        var casePage = $"/cases/{app.World.OutOfScope.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(casePage)).StatusCode);

        var res = await AppFixture.PostFormAsync(client, "/break-glass", new() { ["Crn"] = " t000002 ", ["Reason"] = Reason });

        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Equal(casePage, res.Headers.Location?.ToString());
        var page = await client.GetAsync(casePage);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("You are viewing this case with emergency access", await AppFixture.TextAsync(page), StringComparison.Ordinal);

        var (grant, audit) = await app.Factory.WithDbAsync(async db => (
            await db.BreakGlassGrants.SingleAsync(g => g.UserId == om.Id),
            await db.AuditEvents.SingleAsync(e => e.UserId == om.Id && e.Action == "case.break-glass.request")));
        Assert.Equal(app.World.OutOfScope.Id, grant.CaseId);
        Assert.Equal(Reason, grant.Reason);
        Assert.Equal(CaseAccessRules.BreakGlassDuration, grant.ExpiresAt - grant.GrantedAt);
        Assert.Null(grant.ReviewedAt);
        Assert.Equal(AuditOutcome.Allowed, audit.Outcome);
        Assert.Equal(app.World.OutOfScope.Id, audit.CaseId);
        Assert.Equal(Reason, audit.Reason);
    }

    [Fact]
    public async Task BreakGlass_OnARestrictedCase_IsRefused_InTheSameWordsAsAnUnknownCrn()
    {
        var om = await app.NewStaffAsync(StaffRole.OffenderManager, app.World.TeamB.Id);
        using var client = await app.SignedInAsync(om);

        var restricted = await AppFixture.PostFormAsync(client, "/break-glass", new() { ["Crn"] = app.World.Restricted.Crn, ["Reason"] = Reason });
        var unknown = await AppFixture.PostFormAsync(client, "/break-glass", new() { ["Crn"] = "Z999999", ["Reason"] = Reason });

        Assert.Equal(HttpStatusCode.OK, restricted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains(Refusal, await AppFixture.TextAsync(restricted), StringComparison.Ordinal);
        Assert.Contains(Refusal, await AppFixture.TextAsync(unknown), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{app.World.Restricted.Id}")).StatusCode);
        var (grants, denied) = await app.Factory.WithDbAsync(async db => (
            await db.BreakGlassGrants.CountAsync(g => g.UserId == om.Id),
            await db.AuditEvents.Where(e => e.UserId == om.Id && e.Action == "case.break-glass.request").ToListAsync()));
        Assert.Equal(0, grants);
        Assert.Equal(2, denied.Count);
        Assert.All(denied, e => Assert.Equal(AuditOutcome.Denied, e.Outcome));
        Assert.Contains(denied, e => e.CaseId == app.World.Restricted.Id && e.Reason == Reason);
    }

    [Fact]
    public async Task BreakGlass_WithATooShortReason_IsRefused()
    {
        var om = await app.NewStaffAsync(StaffRole.OffenderManager, app.World.TeamA.Id);
        using var client = await app.SignedInAsync(om);

        var res = await AppFixture.PostFormAsync(client, "/break-glass", new() { ["Crn"] = app.World.OutOfScope.Crn, ["Reason"] = "urgent, sorry" });

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var html = await AppFixture.TextAsync(res);
        Assert.Contains("id=\"Reason-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Reason must be at least 20 characters", html, StringComparison.Ordinal);
        Assert.False(await app.Factory.WithDbAsync(db => db.BreakGlassGrants.AnyAsync(g => g.UserId == om.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{app.World.OutOfScope.Id}")).StatusCode);
    }

    [Fact]
    public async Task BreakGlass_OnACaseAlreadyVisible_GoesStraightToIt_WithoutAGrant()
    {
        var client = await app.PagesAsync(StaffRole.OffenderManager);
        var res = await AppFixture.PostFormAsync(client, "/break-glass", new() { ["Crn"] = app.World.InScope.Crn, ["Reason"] = Reason });

        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Equal($"/cases/{app.World.InScope.Id}", res.Headers.Location?.ToString());
        var om = app.World.Users[StaffRole.OffenderManager].Id;
        Assert.False(await app.Factory.WithDbAsync(db => db.BreakGlassGrants.AnyAsync(g => g.UserId == om && g.CaseId == app.World.InScope.Id)));
    }

    [Theory]
    [InlineData(StaffRole.PartnerAgency)]
    [InlineData(StaffRole.Administrator)]
    [InlineData(StaffRole.ServiceManager)]
    public async Task BreakGlass_ForRolesThatMayNot_IsRefused(StaffRole role)
    {
        var res = await (await app.PagesAsync(role)).GetAsync("/break-glass");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.StartsWith("/account/access-denied", res.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_ByTheClinicalLead_ShowsTheGrant_AndMarksItReviewedWithTheNote()
    {
        var grant = await NewGrantAsync();
        var lead = await app.PagesAsync(StaffRole.ClinicalLead);

        var list = await lead.GetAsync("/break-glass/review");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var html = await AppFixture.TextAsync(list);
        Assert.DoesNotContain("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains(app.World.OutOfScope.Crn, html, StringComparison.Ordinal);
        Assert.Contains(grant.Reason, html, StringComparison.Ordinal);

        var res = await AppFixture.PostFormAsync(lead, $"/break-glass/review?id={grant.Id}",
            new() { [$"Notes[{grant.Id}]"] = "Spoke to them: justified, child protection strategy meeting." }, formPage: "/break-glass/review");

        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var lid = app.World.Users[StaffRole.ClinicalLead].Id;
        var (saved, audited, listViewed) = await app.Factory.WithDbAsync(async db => (
            await db.BreakGlassGrants.SingleAsync(g => g.Id == grant.Id),
            await db.AuditEvents.AnyAsync(e => e.Action == "case.break-glass.review" && e.EntityId == grant.Id.ToString() && e.UserId == lid),
            await db.AuditEvents.AnyAsync(e => e.Action == "case.break-glass.review.list" && e.UserId == lid)));
        Assert.NotNull(saved.ReviewedAt);
        Assert.Equal(lid, saved.ReviewedById);
        Assert.Equal("Spoke to them: justified, child protection strategy meeting.", saved.ReviewNote);
        Assert.True(audited);
        Assert.True(listViewed);
    }

    [Fact]
    public async Task Review_WithoutANote_IsRefused()
    {
        var grant = await NewGrantAsync();
        var lead = await app.PagesAsync(StaffRole.ClinicalLead);

        var res = await AppFixture.PostFormAsync(lead, $"/break-glass/review?id={grant.Id}", new() { [$"Notes[{grant.Id}]"] = "  " }, formPage: "/break-glass/review");

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("Enter a review note", await AppFixture.TextAsync(res), StringComparison.Ordinal);
        Assert.Null((await app.Factory.WithDbAsync(db => db.BreakGlassGrants.SingleAsync(g => g.Id == grant.Id))).ReviewedAt);
    }

    [Theory]
    [InlineData(StaffRole.Psychologist)]
    [InlineData(StaffRole.OffenderManager)]
    [InlineData(StaffRole.Administrator)]
    public async Task Review_ForAnyoneButTheClinicalLead_IsRefused(StaffRole role)
    {
        var res = await (await app.PagesAsync(role)).GetAsync("/break-glass/review");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.StartsWith("/account/access-denied", res.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>A grant for a fresh person on the out-of-scope case, as if they had just broken glass.</summary>
    private async Task<BreakGlassGrant> NewGrantAsync()
    {
        var spo = await app.NewStaffAsync(StaffRole.SeniorProbationOfficer, app.World.TeamA.Id);
        return await app.Factory.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var g = new BreakGlassGrant
            {
                CaseId = app.World.OutOfScope.Id, UserId = spo.Id, Reason = $"Urgent safeguarding call {Guid.NewGuid():N}",
                GrantedAt = now, ExpiresAt = now + CaseAccessRules.BreakGlassDuration,
            };
            db.BreakGlassGrants.Add(g);
            await db.SaveChangesAsync();
            return g;
        });
    }
}

public sealed class BreakGlassTestsSqlite(SqliteApp app) : BreakGlassTests(app), IClassFixture<SqliteApp>;

public sealed class BreakGlassTestsPostgres(PostgresApp app) : BreakGlassTests(app), IClassFixture<PostgresApp>;
