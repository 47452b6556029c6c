using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Recall;
using Pathway.Domain.Staff;

namespace Pathway.Web.Tests.Infrastructure;

/// <summary>A decided no-recall consideration under each of the test world's three cases, so every recall page and document opens.</summary>
public static class RecallWorld
{
    public static async Task<IReadOnlyDictionary<string, ScopedIds>> AddAsync(
        PathwayDbContext db, CaseRecord inScope, CaseRecord outOfScope, CaseRecord restricted, Dictionary<StaffRole, StaffUser> users, DateTimeOffset now)
    {
        RecallConsideration R(CaseRecord c) => new()
        {
            CaseId = c.Id, LicenceId = c.Licences[0].Id, Status = RecallConsiderationStatus.Decided, Concern = RecallConcern.ContactStopped,
            Circumstances = "Missed appointments", RiskSummary = "Unchanged", BreachedConditions = [new LinkedCondition { Ref = "S:test", Text = "Keep in touch" }],
            NoAlternativesReason = "First concern", ConsultationNotPossibleReason = "Not on the pathway", OversightRationale = "Warning first",
            Decision = RecallDecisionKind.NoRecall, DecidedById = users[StaffRole.SeniorProbationOfficer].Id, DecidedAt = now,
            StartedById = users[StaffRole.OffenderManager].Id, CreatedAt = now,
        };
        var rows = new[] { R(inScope), R(outOfScope), R(restricted) };
        db.RecallConsiderations.AddRange(rows);
        await db.SaveChangesAsync();
        return new Dictionary<string, ScopedIds> { ["considerationId"] = new(rows[0].Id, rows[1].Id, rows[2].Id) };
    }
}
