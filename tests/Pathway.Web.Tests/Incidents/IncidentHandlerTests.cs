using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Incidents;
using Pathway.Domain.Staff;
using Pathway.Web.Features.Incidents.ChainAnalysis;
using Pathway.Web.Features.Incidents.Record;
using Pathway.Web.Infrastructure.UseCases;
using Pathway.Web.Tests.Infrastructure;
using Entity = Pathway.Data.Entities.ChainAnalysis;

namespace Pathway.Web.Tests.Incidents;

/// <summary>
/// The incident handlers without HTTP, on a real SQLite database: an incident cannot be in the future, a chain
/// analysis is complete only with its solution analysis, and a stale or completed analysis is never overwritten.
/// </summary>
public sealed class IncidentHandlerTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly ChainAnalysisText AllSteps = new("Threw a chair", "Little sleep", "A phone call", "Relief", "Lost his room", "Escape from shame",
        BehaviourFunction.ReliefFromDistress, "Apologised; plan for calls");

    [Fact]
    public async Task RecordIncident_InTheFuture_IsRefused_AndNothingIsSaved()
    {
        var c = await ContextAsync(StaffRole.ApprovedPremisesStaff);
        var before = await app.Factory.WithDbAsync(db => db.Incidents.CountAsync());
        using var scope = app.Factory.Services.CreateScope();
        var input = new NewIncident(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2), null, "Kitchen", IncidentType.AngryOutburst, IncidentSeverity.Low,
            "Shouted", null, "Talked", "OM");
        var outcome = await scope.ServiceProvider.GetRequiredService<RecordIncident>().HandleAsync(c, input, [], default);
        Assert.Contains(Assert.IsType<Outcome<Incident>.Invalid>(outcome).Errors, e => e.Field == "Date" && e.Message == "The incident must not be in the future");
        Assert.Equal(before, await app.Factory.WithDbAsync(db => db.Incidents.CountAsync()));
    }

    [Fact]
    public async Task Complete_WithoutASkillAtAnyLink_AsksForTheSolutionAnalysis()
    {
        var (c, incidentId, version) = await AnalysisAsync([new ChainLink(ChainLinkKind.Thought, "Nobody listens")]);
        using var scope = app.Factory.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<CompleteChainAnalysis>().HandleAsync(c, incidentId, version, AllSteps, [], default);
        Assert.Contains(Assert.IsType<Outcome<Entity>.Invalid>(outcome).Errors,
            e => e.Field == "Links" && e.Message.StartsWith("Add the solution analysis", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Complete_OnAStaleVersion_IsAConflict_ThenOnceComplete_NothingChangesIt()
    {
        var (c, incidentId, version) = await AnalysisAsync([new ChainLink(ChainLinkKind.Urge, "To run", "tip")]);
        using (var scope = app.Factory.Services.CreateScope())
        {
            var stale = await scope.ServiceProvider.GetRequiredService<CompleteChainAnalysis>().HandleAsync(c, incidentId, version - 1, AllSteps, [], default);
            Assert.Equal(version, Assert.IsType<Outcome<Entity>.Conflict>(stale).Current.Version);
        }
        using (var scope = app.Factory.Services.CreateScope())
            Assert.IsType<Outcome<Entity>.Done>(await scope.ServiceProvider.GetRequiredService<CompleteChainAnalysis>().HandleAsync(c, incidentId, version, AllSteps, [], default));
        using (var scope = app.Factory.Services.CreateScope())
        {
            var after = await scope.ServiceProvider.GetRequiredService<SaveChainAnalysis>().HandleAsync(c, incidentId, version + 1, AllSteps, null, [], default);
            Assert.Same(ChainAnalysisRecord.CompletedErrors, Assert.IsType<Outcome<Entity>.Invalid>(after).Errors);
        }
    }

    private async Task<CaseContext> ContextAsync(StaffRole role)
    {
        var user = app.World.Users[role];
        var c = await app.Factory.WithDbAsync(db => db.Cases.AsNoTracking().FirstAsync(x => x.Id == app.World.InScope.Id));
        return new CaseContext(c, new StaffContext(user.Id, new HashSet<StaffRole> { role }, c.TeamId), new CasePermissions(true, true), false);
    }

    /// <summary>A new incident on the in-scope case with a draft analysis of the given links.</summary>
    private async Task<(CaseContext Case, Guid IncidentId, int Version)> AnalysisAsync(IReadOnlyList<ChainLink> links)
    {
        var c = await ContextAsync(StaffRole.Psychologist);
        var incidentId = await app.Factory.WithDbAsync(async db =>
        {
            var incident = new Incident
            {
                CaseId = c.Id, OccurredAt = DateTimeOffset.UtcNow.AddDays(-1), Location = "Hostel", Type = IncidentType.AngryOutburst, Severity = IncidentSeverity.Low,
                Description = "Threw a chair.", StaffResponse = "Talked it down.", WhoWasInformed = "OM", RecordedById = c.Who.UserId, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Incidents.Add(incident);
            await db.SaveChangesAsync();
            return incident.Id;
        });
        using var scope = app.Factory.Services.CreateScope();
        var started = await scope.ServiceProvider.GetRequiredService<StartChainAnalysis>().HandleAsync(c, incidentId, AllSteps, links, needProblem: true, [], default);
        return (c, incidentId, Assert.IsType<Outcome<Entity>.Done>(started).Value.Version);
    }
}
