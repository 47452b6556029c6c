using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Assessments;
using Pathway.Web.Features.Assessments.Create;
using Pathway.Web.Features.Assessments.Detail;
using Pathway.Web.Infrastructure.UseCases;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Assessments;

/// <summary>The assessment handlers' rules without HTTP: the date to start one, and who may countersign what, when.</summary>
public sealed class AssessmentHandlerTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private StaffUser User(StaffRole role) => app.World.Users[role];

    [Fact]
    public async Task CreateAssessment_WithoutADate_IsInvalid_AndUnreadableDatesAreReportedAsTyped()
    {
        await using var s = HandlerScope.As(app, User(StaffRole.Psychologist), StaffRole.Psychologist);
        var create = s.Get<CreateAssessment>();
        var missing = Assert.IsType<Outcome<Assessment>.Invalid>(await create.HandleAsync(s.For(app.World.InScope), null, [], default));
        Assert.Equal(new FieldError("AssessmentDate", "Enter the date of the assessment"), Assert.Single(missing.Errors));
        var typed = new FieldError("AssessmentDate", "Assessment date must be a real date");
        Assert.Equal(typed, Assert.Single(Assert.IsType<Outcome<Assessment>.Invalid>(await create.HandleAsync(s.For(app.World.InScope), null, [typed], default)).Errors));

        var done = Assert.IsType<Outcome<Assessment>.Done>(await create.HandleAsync(s.For(app.World.InScope), new DateOnly(2026, 11, 2), [], default));
        Assert.Equal((AssessmentStatus.Draft, 1, s.Who.UserId), (done.Value.Status, done.Value.VersionNumber, done.Value.AuthorId));
        Assert.True(await s.Db.AuditEvents.AnyAsync(e => e.Action == "assessment.create" && e.EntityId == done.Value.Id.ToString()));
    }

    [Fact]
    public async Task Countersign_IsTheClinicalLeadsOnSubmittedVersionsTheyDidNotWrite_AndAStaleVersionIsAConflict()
    {
        var lead = User(StaffRole.ClinicalLead);
        var a = await SubmittedAsync(authorId: lead.Id);

        await using (var s = HandlerScope.As(app, User(StaffRole.Psychologist), StaffRole.Psychologist))
            Assert.Equal("Only the clinical lead can countersign an assessment",
                (await s.Get<CountersignAssessment>().HandleAsync(s.For(app.World.InScope), a.Id, a.Version, [], default)).Refusal());
        await using (var s = HandlerScope.As(app, lead, StaffRole.ClinicalLead))
        {
            var countersign = s.Get<CountersignAssessment>();
            Assert.Equal("You cannot countersign an assessment you wrote; another clinical lead must countersign it",
                (await countersign.HandleAsync(s.For(app.World.InScope), a.Id, a.Version, [], default)).Refusal());
            var stale = Assert.IsType<Outcome<Assessment>.Conflict>(await countersign.HandleAsync(s.For(app.World.InScope), a.Id, a.Version - 1, [], default));
            Assert.Equal(a.Version, stale.Current.Version);
            Assert.IsType<Outcome<Assessment>.NotFound>(await countersign.HandleAsync(s.For(app.World.InScope), Guid.NewGuid(), 1, [], default));
        }

        var other = await SubmittedAsync(authorId: User(StaffRole.Psychologist).Id);
        await using (var s = HandlerScope.As(app, lead, StaffRole.ClinicalLead))
        {
            var done = Assert.IsType<Outcome<Assessment>.Done>(await s.Get<CountersignAssessment>().HandleAsync(s.For(app.World.InScope), other.Id, other.Version, [], default));
            Assert.Equal((AssessmentStatus.Locked, lead.Id), (done.Value.Status, done.Value.CountersignedById));
            Assert.True(await s.Db.AuditEvents.AnyAsync(e => e.Action == "assessment.countersign" && e.EntityId == other.Id.ToString()));
            Assert.Equal("Only a submitted assessment can be countersigned",
                (await s.Get<CountersignAssessment>().HandleAsync(s.For(app.World.InScope), other.Id, done.Value.Version, [], default)).Refusal());
        }
    }

    private Task<Assessment> SubmittedAsync(Guid authorId) => app.Factory.WithDbAsync(async db =>
    {
        var a = new Assessment
        {
            CaseId = app.World.InScope.Id, Status = AssessmentStatus.Submitted, AssessmentDate = new DateOnly(2026, 11, 2), AuthorId = authorId,
            CreatedAt = DateTimeOffset.UtcNow, SubmittedAt = DateTimeOffset.UtcNow,
        };
        a.SeriesId = a.Id;
        db.Assessments.Add(a);
        await db.SaveChangesAsync();
        return a;
    });
}
