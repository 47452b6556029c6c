using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.CarePlans;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.CarePlans.Index;

/// <summary>
/// Starts the first care plan (drawn from the latest formulation, if there is one) or a new version copied from the
/// active one, for a review or a change; from <see cref="IndexModel"/> or <c>POST /api/v1/cases/{id}/care-plans</c>.
/// One version is open at a time.
/// </summary>
public sealed class StartCarePlanVersion(PathwayDbContext db, AuditLog audit, TimeProvider clock, IFormulationSource formulation, CarePlanAccess access)
{
    public const int ReasonMaxLength = 500;

    public async Task<Outcome<CarePlan>> HandleAsync(CaseContext c, string? reason, CancellationToken ct)
    {
        if (!await access.CanEditAsync(c, "Case", c.Id, ct)) return Outcome.NotFound<CarePlan>();
        if (string.IsNullOrWhiteSpace(reason)) return Invalid("Reason", "Say why this version is being made: first plan, scheduled review or a change");
        if (reason.Length > ReasonMaxLength) return Invalid("Reason", $"The reason must be {ReasonMaxLength} characters or fewer");
        var plans = await db.CarePlans.AsNoTracking().Where(p => p.CaseId == c.Id).Select(p => new { p.Id, p.Status, p.Number }).ToListAsync(ct);
        var open = plans.Any(p => p.Status is CarePlanStatus.Draft or CarePlanStatus.AwaitingCountersignature);
        var active = plans.FirstOrDefault(p => p.Status == CarePlanStatus.Active);
        if (active is not null)
        {
            var errors = CarePlanLifecycle.CanStartReview(active.Status, open);
            if (errors.Count > 0) return Outcome.Invalid<CarePlan>(errors);
        }
        else if (open) return Invalid("Status", "A care plan is already being drafted: continue that one");

        var now = clock.GetUtcNow();
        var plan = new CarePlan
        {
            CaseId = c.Id, Number = plans.Count == 0 ? 1 : plans.Max(p => p.Number) + 1, Status = CarePlanStatus.Draft,
            Reason = reason.Trim(), PreviousId = active?.Id, CreatedById = c.Who.UserId, CreatedAt = now,
        };
        if (active is not null)
        {
            var from = await db.CarePlans.AsNoTracking().FirstAsync(p => p.Id == active.Id, ct);
            plan.Agreement = null; // the person is asked again about each version
            plan.ReviewDate = null;
            plan.FormulationAssessmentId = from.FormulationAssessmentId;
            plan.Texts = await db.CarePlanTexts.AsNoTracking().Where(t => t.CarePlanId == from.Id)
                .Select(t => new CarePlanText { CarePlanId = plan.Id, Key = t.Key, Text = t.Text }).ToListAsync(ct);
            var note = await db.CarePlanRestrictedNotes.AsNoTracking().FirstOrDefaultAsync(n => n.CarePlanId == from.Id, ct);
            if (note is not null) db.CarePlanRestrictedNotes.Add(new CarePlanRestrictedNote { CarePlanId = plan.Id, Text = note.Text });
            await CarryRowsAsync(from.Id, plan.Id, now, ct);
        }
        else if (await formulation.LatestAsync(c.Id, ct) is { } drawn)
        {
            plan.FormulationAssessmentId = drawn.AssessmentId;
            foreach (var (key, text) in drawn.PlanText())
                plan.Texts.Add(new CarePlanText { CarePlanId = plan.Id, Key = key, Text = text.Length > CarePlanFields.MaxLength ? text[..CarePlanFields.MaxLength] : text });
        }
        db.CarePlans.Add(plan);
        audit.Add(AuditActions.CarePlan.VersionCreate, "CarePlan", plan.Id, c.Id, reason: $"version {plan.Number}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The one-open-version index: someone started a version at the same moment.
            db.ChangeTracker.Clear();
            return Invalid("Status", "A new version was started by someone else a moment ago: continue that one");
        }
        return plan;
    }

    private static Outcome<CarePlan> Invalid(string field, string message) => Outcome.Invalid<CarePlan>([new(field, message)]);

    /// <summary>
    /// Copies the goals (with their status history, same series), actions and picked skills of one version into a new
    /// draft, so the plan's history reads across versions and the signed version keeps its own rows untouched.
    /// </summary>
    private async Task CarryRowsAsync(Guid fromId, Guid toId, DateTimeOffset now, CancellationToken ct)
    {
        var goals = await db.CarePlanGoals.AsNoTracking().Include(g => g.History).Where(g => g.CarePlanId == fromId).ToListAsync(ct);
        foreach (var g in goals)
        {
            var copy = new CarePlanGoal
            {
                CarePlanId = toId, SeriesId = g.SeriesId, Position = g.Position, Area = g.Area, InOwnWords = g.InOwnWords, Smart = g.Smart,
                TargetDate = g.TargetDate, Status = g.Status, CreatedAt = now,
            };
            copy.History = g.History.Select(h => new CarePlanGoalStatusChange
            {
                GoalId = copy.Id, From = h.From, To = h.To, Note = h.Note, ChangedById = h.ChangedById, ChangedAt = h.ChangedAt,
            }).ToList();
            db.CarePlanGoals.Add(copy);
        }
        var actions = await db.CarePlanActions.AsNoTracking().Where(a => a.CarePlanId == fromId).ToListAsync(ct);
        db.CarePlanActions.AddRange(actions.Select(a => new CarePlanAction
        {
            CarePlanId = toId, SeriesId = a.SeriesId, Position = a.Position, What = a.What, Who = a.Who, When = a.When, Status = a.Status, CreatedAt = now,
        }));
        var skills = await db.CarePlanSkills.AsNoTracking().Where(k => k.CarePlanId == fromId).Select(k => k.SkillCode).ToListAsync(ct);
        db.CarePlanSkills.AddRange(skills.Select(code => new CarePlanSkill { CarePlanId = toId, SkillCode = code }));
    }
}
