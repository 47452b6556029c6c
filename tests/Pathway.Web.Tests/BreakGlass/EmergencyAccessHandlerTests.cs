using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Domain.Validation;
using Pathway.Web.Features.BreakGlass.Request;
using Pathway.Web.Features.BreakGlass.Review;
using Pathway.Web.Infrastructure.UseCases;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.BreakGlass;

/// <summary>Break-glass without HTTP: the reason it requires, and the review note.</summary>
public sealed class EmergencyAccessHandlerTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Reason = "Police report an immediate risk to a child; the offender manager is on leave.";

    public static TheoryData<string?, string?, string[]> Refused => new()
    {
        { "T000002", null, ["Reason: Enter why you need emergency access to this case"] },
        { "T000002", "   ", ["Reason: Enter why you need emergency access to this case"] },
        { "T000002", "Urgent.", ["Reason: Reason must be at least 20 characters. Say what has happened and why it cannot wait"] },
        { "T000002", new string('x', 2001), ["Reason: Reason must be 2000 characters or fewer"] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task OpenCaseInEmergency_RequiresAReasonOfTheRightLength_AndGrantsNothingWithoutOne(string? crn, string? reason, string[] expected)
    {
        await using var s = HandlerScope.As(app, app.World.Users[StaffRole.OffenderManager], StaffRole.OffenderManager);
        var outcome = Assert.IsType<Outcome<EmergencyAccess>.Invalid>(await s.Get<OpenCaseInEmergency>().HandleAsync(crn, reason, s.Who, default));
        Assert.Equal(expected, outcome.Errors.Select(e => $"{e.Field}: {e.Message}"));
        Assert.False(await s.Db.BreakGlassGrants.AnyAsync(g => g.UserId == s.Who.UserId && g.Reason == reason));
    }

    [Fact]
    public async Task OpenCaseInEmergency_ReportsABadCrnAndAMissingReasonTogether()
    {
        await using var s = HandlerScope.As(app, app.World.Users[StaffRole.OffenderManager], StaffRole.OffenderManager);
        var outcome = Assert.IsType<Outcome<EmergencyAccess>.Invalid>(await s.Get<OpenCaseInEmergency>().HandleAsync("not a crn", "", s.Who, default));
        Assert.Equal(["Crn", "Reason"], outcome.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task OpenCaseInEmergency_OnARestrictedCase_AnswersAsAnUnknownCrn_WithADeniedRowKeepingTheReason()
    {
        await using var s = HandlerScope.As(app, app.World.Users[StaffRole.Psychologist], StaffRole.Psychologist);
        var outcome = Assert.IsType<Outcome<EmergencyAccess>.Invalid>(await s.Get<OpenCaseInEmergency>().HandleAsync(app.World.Restricted.Crn, Reason, s.Who, default));
        Assert.Equal(new FieldError("Crn", OpenCaseInEmergency.NoSuchCase), Assert.Single(outcome.Errors));
        var row = await s.Db.AuditEvents.SingleAsync(e => e.UserId == s.Who.UserId && e.Action == "case.break-glass.request");
        Assert.Equal((AuditOutcome.Denied, app.World.Restricted.Id, Reason), (row.Outcome, row.CaseId, row.Reason));
        Assert.False(await s.Db.BreakGlassGrants.AnyAsync(g => g.UserId == s.Who.UserId));
    }

    [Fact]
    public async Task ReviewEmergencyAccess_NeedsANote_ThenRecordsIt_AndASecondReviewIsAConflict()
    {
        var grant = await app.Factory.WithDbAsync(async db =>
        {
            var g = new BreakGlassGrant
            {
                CaseId = app.World.OutOfScope.Id, UserId = app.World.Users[StaffRole.OffenderManager].Id, Reason = Reason,
                GrantedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddHours(4),
            };
            db.BreakGlassGrants.Add(g);
            await db.SaveChangesAsync();
            return g;
        });
        await using var s = HandlerScope.As(app, app.World.Users[StaffRole.ClinicalLead], StaffRole.ClinicalLead);
        var review = s.Get<ReviewEmergencyAccess>();
        Assert.IsType<Outcome<BreakGlassGrant>.NotFound>(await review.HandleAsync(Guid.NewGuid(), "Justified", s.Who, default));
        Assert.Equal("Enter a review note, such as whether the access was justified",
            Assert.Single(Assert.IsType<Outcome<BreakGlassGrant>.Invalid>(await review.HandleAsync(grant.Id, "  ", s.Who, default)).Errors).Message);
        Assert.Equal("Review note must be 2000 characters or fewer",
            Assert.Single(Assert.IsType<Outcome<BreakGlassGrant>.Invalid>(await review.HandleAsync(grant.Id, new string('x', 2001), s.Who, default)).Errors).Message);

        var done = Assert.IsType<Outcome<BreakGlassGrant>.Done>(await review.HandleAsync(grant.Id, " Justified: risk to a child. ", s.Who, default));
        Assert.Equal(("Justified: risk to a child.", s.Who.UserId), (done.Value.ReviewNote, done.Value.ReviewedById));
        Assert.True(await s.Db.AuditEvents.AnyAsync(e => e.Action == "case.break-glass.review" && e.EntityId == grant.Id.ToString() && e.Reason == done.Value.ReviewNote));
        Assert.IsType<Outcome<BreakGlassGrant>.Conflict>(await review.HandleAsync(grant.Id, "Again", s.Who, default));
    }
}
