using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Web.Features.CarePlans.Section;
using Pathway.Web.Features.CarePlans.Version;
using Pathway.Web.Infrastructure.UseCases;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.CarePlans;

/// <summary>
/// The care-plan handlers without HTTP, on a real SQLite database: the section rules (written once, for the page and
/// the API), the order of field errors and conflicts, and the completeness rules for signing. Each test works on a
/// draft of its own, so the tests do not depend on one another.
/// </summary>
public sealed class CarePlanHandlerTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static SectionInput Review(DateOnly? date) => new(new Dictionary<string, string?>(), null, null, date);

    [Fact]
    public void ReviewSection_WithAPastOrTodaysDate_IsRefused_WithAFutureDate_Accepted()
    {
        Assert.Contains(SaveCarePlanSection.Validate(CarePlanSection.Review, Review(Today), Today),
            e => e.Field == "ReviewDate" && e.Message == "The review date must be in the future");
        Assert.Contains(SaveCarePlanSection.Validate(CarePlanSection.Review, Review(Today.AddDays(-30)), Today), e => e.Field == "ReviewDate");
        Assert.Contains(SaveCarePlanSection.Validate(CarePlanSection.Review, Review(null), Today),
            e => e.Field == "ReviewDate" && e.Message == "Enter the review date");
        Assert.Empty(SaveCarePlanSection.Validate(CarePlanSection.Review, Review(Today.AddDays(1)), Today));
    }

    [Fact]
    public void ASection_RefusesFieldsOfOtherSections_AndGoalsOrActionsAsText()
    {
        var input = new SectionInput(new Dictionary<string, string?> { ["risk.supervision"] = "x" }, null, null, null);
        Assert.Contains(SaveCarePlanSection.Validate(CarePlanSection.ContingencyPlan, input, Today), e => e.Field == "Text.risk.supervision");
        Assert.Contains(SaveCarePlanSection.Validate(CarePlanSection.Goals, new SectionInput(new Dictionary<string, string?>(), null, null, null), Today),
            e => e.Field == "Section");
    }

    [Fact]
    public async Task SaveSection_WhenTheDateCouldNotBeRead_ReportsItOnce()
    {
        var (c, planId, version) = await DraftAsync();
        using var scope = app.Factory.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<SaveCarePlanSection>()
            .HandleAsync(c, planId, "review", Review(null), version, [new("ReviewDate", "Review date must be a real date")], default);
        var invalid = Assert.IsType<Outcome<CarePlan>.Invalid>(outcome);
        Assert.Equal("Review date must be a real date", Assert.Single(invalid.Errors, e => e.Field == "ReviewDate").Message);
    }

    [Fact]
    public async Task SaveSection_OnAStaleVersion_IsAConflict_AndSavesNothing()
    {
        var (c, planId, version) = await DraftAsync();
        var input = new SectionInput(new Dictionary<string, string?> { ["contingency"] = "Stale words" }, null, null, null);
        using var scope = app.Factory.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<SaveCarePlanSection>()
            .HandleAsync(c, planId, "contingency-plan", input, version - 1, [], default);
        var conflict = Assert.IsType<Outcome<CarePlan>.Conflict>(outcome);
        Assert.Equal(version, conflict.Current.Version);
        Assert.False(await app.Factory.WithDbAsync(db => db.CarePlanTexts.AnyAsync(t => t.CarePlanId == planId && t.Text == "Stale words")));
    }

    [Fact]
    public async Task SaveSection_StaleAndInvalid_ReportsTheFieldErrorsFirst()
    {
        var (c, planId, version) = await DraftAsync();
        using var scope = app.Factory.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<SaveCarePlanSection>()
            .HandleAsync(c, planId, "review", Review(new DateOnly(2020, 1, 1)), version - 1, [], default);
        Assert.Contains(Assert.IsType<Outcome<CarePlan>.Invalid>(outcome).Errors, e => e.Field == "ReviewDate");
    }

    [Fact]
    public async Task SaveSection_ThenSaveAgainWithTheOldVersion_IsAConflict_NeverASilentOverwrite()
    {
        var (c, planId, version) = await DraftAsync();
        var first = new SectionInput(new Dictionary<string, string?> { ["contingency"] = "First words" }, null, null, null);
        var second = new SectionInput(new Dictionary<string, string?> { ["contingency"] = "Second words" }, null, null, null);
        using (var scope = app.Factory.Services.CreateScope())
            Assert.IsType<Outcome<CarePlan>.Done>(await scope.ServiceProvider.GetRequiredService<SaveCarePlanSection>().HandleAsync(c, planId, "contingency-plan", first, version, [], default));
        using (var scope = app.Factory.Services.CreateScope())
            Assert.IsType<Outcome<CarePlan>.Conflict>(await scope.ServiceProvider.GetRequiredService<SaveCarePlanSection>().HandleAsync(c, planId, "contingency-plan", second, version, [], default));
        Assert.Equal("First words", await app.Factory.WithDbAsync(db => db.CarePlanTexts.Where(t => t.CarePlanId == planId && t.Key == "contingency").Select(t => t.Text).SingleAsync()));
    }

    [Fact]
    public async Task Sign_WithAPillarLeftEmpty_IsRefused_NamingTheRiskManagementSection()
    {
        var (c, planId, version) = await DraftAsync(withoutKey: "risk.victim-safety");
        using var scope = app.Factory.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<SignCarePlan>().HandleAsync(c, planId, version, [], default);
        Assert.Contains(Assert.IsType<Outcome<CarePlan>.Invalid>(outcome).Errors, e => e.Field == nameof(CarePlanSection.RiskManagement));
    }

    /// <summary>A complete draft on a case of its own (all text, agreement, review date, a goal, an action and a skill), but for one field.</summary>
    private async Task<(CaseContext Case, Guid PlanId, int Version)> DraftAsync(string? withoutKey = null)
    {
        var psychologist = app.World.Users[StaffRole.Psychologist];
        return await app.Factory.WithDbAsync(async db =>
        {
            var source = await db.Cases.AsNoTracking().FirstAsync(x => x.Id == app.World.InScope.Id);
            var c = new CaseRecord
            {
                Crn = $"X{Random.Shared.Next(100000, 999999)}", GivenName = "Handler", FamilyName = "Test", DateOfBirth = source.DateOfBirth,
                TeamId = source.TeamId, CreatedAt = source.CreatedAt,
            };
            db.Cases.Add(c);
            var plan = new CarePlan
            {
                CaseId = c.Id, Number = 1, Status = CarePlanStatus.Draft, Reason = "First plan", CreatedById = psychologist.Id, CreatedAt = source.CreatedAt,
                Agreement = PersonAgreement.Agreed, ReviewDate = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3),
            };
            foreach (var f in CarePlanFields.All.Where(f => f.Section != CarePlanSection.NotToBeDisclosed && f.Key != withoutKey && !f.Legacy))
                plan.Texts.Add(new CarePlanText { CarePlanId = plan.Id, Key = f.Key, Text = $"Draft text for {f.Key}" });
            db.CarePlans.Add(plan);
            var goal = new CarePlanGoal
            {
                CarePlanId = plan.Id, Area = Pathway.Domain.Assessments.NeedArea.Relationships, InOwnWords = "Own words", Smart = "SMART",
                TargetDate = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(4), Status = GoalStatus.Active, CreatedAt = source.CreatedAt,
            };
            goal.SeriesId = goal.Id;
            db.CarePlanGoals.Add(goal);
            var action = new CarePlanAction { CarePlanId = plan.Id, What = "Action", Who = "PD service", When = "Weekly", Status = ActionStatus.InProgress, CreatedAt = source.CreatedAt };
            action.SeriesId = action.Id;
            db.CarePlanActions.Add(action);
            db.CarePlanSkills.Add(new CarePlanSkill { CarePlanId = plan.Id, SkillCode = "tip" });
            await db.SaveChangesAsync();
            var who = new StaffContext(psychologist.Id, new HashSet<StaffRole> { StaffRole.Psychologist }, source.TeamId);
            return (new CaseContext(c, who, new CasePermissions(Contribute: true, Edit: true), ShowAccessLog: false), plan.Id, plan.Version);
        });
    }
}
