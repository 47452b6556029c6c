using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.CarePlans;
using Pathway.Web.Features.CarePlans;
using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.Fhir;

/// <summary>
/// Care plans and their goals as FHIR. The whole plan is for roles with the full view; roles that work from the one-page
/// summary, and roles that see no care plans, get a 404 with a denied audit row, as for a case out of scope.
/// </summary>
public static class CarePlanFhirEndpoints
{
    public static RouteGroupBuilder MapCarePlanFhir(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/Patient/{id:guid}/CarePlan", ListAsync).Audited(AuditActions.Fhir.CareplanList)
            .WithSummary("A person's care-plan versions with contained goals and activities (Patient compartment search)");
        fhir.MapGet("/CarePlan/{carePlanId:guid}", GetAsync).Audited(AuditActions.Fhir.CareplanRead)
            .WithSummary("One care-plan version with its goals contained and its actions as activities");
        fhir.MapGet("/Goal/{goalId:guid}", GetGoalAsync).Audited(AuditActions.Fhir.GoalRead)
            .WithSummary("One goal of a care-plan version");
        return fhir;
    }

    private static async Task<CarePlanCase?> LoadAsync(CarePlanAccess access, AuditLog audit, Guid caseId, string type, object? id, CancellationToken ct)
    {
        var pc = await access.LoadAsync(caseId, AccessNeed.Read, ct, type, id);
        if (pc is null || pc.View is CarePlanView.Full or CarePlanView.FullWithRestricted) return pc;
        await audit.DeniedAsync(type, id ?? caseId, caseId, ct);
        return null;
    }

    private static async Task<IResult> ListAsync(Guid id, CarePlanAccess access, AuditLog audit, PathwayDbContext db, HttpRequest request, CancellationToken ct)
    {
        var pc = await LoadAsync(access, audit, id, "CarePlan", null, ct);
        if (pc is null) return FhirResult.NotFound("Patient", id);
        var patient = PatientMapping.Reference(pc.Case);
        var plans = await db.CarePlans.AsNoTracking().Where(p => p.CaseId == id).OrderByDescending(p => p.Number).ToListAsync(ct);
        var resources = new List<Hl7.Fhir.Model.Resource>();
        foreach (var p in plans) resources.Add(CarePlanMapping.ToCarePlan(await CarePlanContent.LoadAsync(db, p, CarePlanView.Full, ct), patient));
        return new FhirResult(Bundles.SearchSet(request, resources));
    }

    private static async Task<IResult> GetAsync(Guid carePlanId, CarePlanAccess access, AuditLog audit, PathwayDbContext db, CancellationToken ct)
    {
        var plan = await db.CarePlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == carePlanId, ct);
        if (plan is null)
        {
            await audit.DeniedAsync("CarePlan", carePlanId, null, ct);
            return FhirResult.NotFound("CarePlan", carePlanId);
        }
        var pc = await LoadAsync(access, audit, plan.CaseId, "CarePlan", carePlanId, ct);
        if (pc is null) return FhirResult.NotFound("CarePlan", carePlanId);
        // Full, never FullWithRestricted: the information not to be disclosed to the person is never exported.
        return new FhirResult(CarePlanMapping.ToCarePlan(await CarePlanContent.LoadAsync(db, plan, CarePlanView.Full, ct), PatientMapping.Reference(pc.Case)));
    }

    private static async Task<IResult> GetGoalAsync(Guid goalId, CarePlanAccess access, AuditLog audit, PathwayDbContext db, CancellationToken ct)
    {
        var goal = await db.CarePlanGoals.AsNoTracking().Include(g => g.History).FirstOrDefaultAsync(g => g.Id == goalId, ct);
        var caseId = goal is null ? (Guid?)null : await db.CarePlans.Where(p => p.Id == goal.CarePlanId).Select(p => (Guid?)p.CaseId).FirstOrDefaultAsync(ct);
        if (goal is null || caseId is null)
        {
            await audit.DeniedAsync("CarePlanGoal", goalId, null, ct);
            return FhirResult.NotFound("Goal", goalId);
        }
        var pc = await LoadAsync(access, audit, caseId.Value, "CarePlanGoal", goalId, ct);
        if (pc is null) return FhirResult.NotFound("Goal", goalId);
        goal.History = [.. goal.History.OrderBy(h => h.ChangedAt)];
        return new FhirResult(CarePlanMapping.ToGoal(goal, PatientMapping.Reference(pc.Case)));
    }
}
