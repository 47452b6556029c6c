using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Access;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Compliance.Concerns;

/// <summary>
/// The triggers and early warning signs of the person's active care plan, offered when a behaviour of concern is recorded.
/// Only the plan's trigger fields are read, and only for roles whose care-plan view includes that section (partner
/// agencies see none, so are offered none).
/// </summary>
public sealed record CarePlanSignChoices(Guid? PlanId, int? PlanNumber, IReadOnlyList<CarePlanSign> Signs)
{
    public static readonly CarePlanSignChoices None = new(null, null, []);

    public static async Task<CarePlanSignChoices> LoadAsync(PathwayDbContext db, Guid caseId, StaffContext who, CancellationToken ct)
    {
        var view = CarePlanSections.ViewFor(who.Roles);
        if (!CarePlanSections.CanSee(view, CarePlanSection.TriggersAndEarlyWarningSigns)) return None;
        var plan = await db.CarePlans.AsNoTracking().Where(p => p.CaseId == caseId && p.Status == CarePlanStatus.Active)
            .OrderByDescending(p => p.Number).Select(p => new { p.Id, p.Number }).FirstOrDefaultAsync(ct);
        if (plan is null) return None;
        var text = await db.CarePlanTexts.AsNoTracking()
            .Where(t => t.CarePlanId == plan.Id && (t.Key == CarePlanSigns.TriggersKey || t.Key == CarePlanSigns.EarlyWarningKey))
            .ToDictionaryAsync(t => t.Key, t => t.Text, ct);
        return new(plan.Id, plan.Number, CarePlanSigns.From(text));
    }

    /// <summary>The chosen sign, or null with an error when the key is not one of this plan's signs.</summary>
    public CarePlanSign? Resolve(string? key, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(key)) return null;
        var sign = Signs.FirstOrDefault(s => s.Key == key);
        if (sign is null)
            errors.Add(new(field, PlanId is null
                ? "There is no active care plan with early warning signs you can see: describe the sign in words instead"
                : "Choose one of the triggers or early warning signs in the person's current care plan"));
        return sign;
    }
}
