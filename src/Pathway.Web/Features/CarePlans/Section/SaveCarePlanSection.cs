using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Errors;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.CarePlans.Section;

/// <summary>What someone submits for one section of a draft.</summary>
/// <param name="Text">The section's answers by field key; a key left out or empty clears that answer.</param>
/// <param name="Skills">For the functions section: the codes of the DBT skills picked (see <see cref="DbtSkills"/>).</param>
public sealed record SectionInput(IReadOnlyDictionary<string, string?> Text, PersonAgreement? Agreement, string? AgreementReason, DateOnly? ReviewDate,
    IReadOnlyList<string>? Skills = null);

/// <summary>
/// Saves one section of a draft, from <see cref="SectionModel"/> or <c>PUT /api/v1/cases/{id}/care-plans/{planId}/sections/{section}</c>.
/// The change carries the plan version it was read at: every section save moves the version on, so two people editing
/// the same draft never overwrite each other (the later one gets a conflict with the plan as saved now).
/// </summary>
public sealed class SaveCarePlanSection(PathwayDbContext db, AuditLog audit, TimeProvider clock, CarePlanAccess access)
{
    /// <param name="section">The section's route slug; a section that does not exist, or that the role may not see, is not found.</param>
    /// <param name="unreadable">Fields that could not be read from the form or body, reported with the rest.</param>
    public async Task<Outcome<CarePlan>> HandleAsync(CaseContext c, Guid planId, string section, SectionInput input, int version,
        IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        if (await access.ViewAsync(c, ct, "CarePlan", planId) is not { } pc) return Outcome.NotFound<CarePlan>();
        var plan = await access.FindPlanAsync(db.CarePlans.Include(p => p.Texts), pc, planId, ct);
        if (plan is null || CarePlanFields.FromSlug(section) is not { } s || !CarePlanSections.CanSee(pc.View, s)) return Outcome.NotFound<CarePlan>();

        var errors = unreadable.ToList();
        var alreadyInvalid = errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(Validate(s, input, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).Where(e => !alreadyInvalid.Contains(e.Field)));
        errors.AddRange(CarePlanLifecycle.CanEdit(plan.Status));
        if (errors.Count > 0) return Outcome.Invalid<CarePlan>(errors);
        if (version != plan.Version) return Outcome.Conflict(await PlanSave.CurrentAsync(db, planId, ct));

        await ApplyAsync(plan, s, input, ct);
        // Every section save bumps the plan's version, so two people editing the same draft never overwrite each other.
        PlanSave.Touch(db, plan, version, clock.GetUtcNow());
        audit.Add(AuditActions.CarePlan.SectionUpdate, "CarePlan", plan.Id, plan.CaseId, reason: CarePlanFields.Slug(s));
        return await PlanSave.SaveAsync(db, plan, () => PlanSave.CurrentAsync(db, planId, ct), ct);
    }

    public static IReadOnlyList<FieldError> Validate(CarePlanSection section, SectionInput input, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (section is CarePlanSection.Goals or CarePlanSection.Actions)
            errors.Add(new("Section", "Goals and actions are rows of their own, not text: they cannot be saved as a section"));
        var keys = CarePlanFields.For(section).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var key in input.Text.Keys.Where(k => !keys.Contains(k)))
            errors.Add(new($"Text.{key}", $"'{Echo.Of(key)}' is not a field of this section. Use: {string.Join(", ", keys)}"));
        foreach (var f in CarePlanFields.For(section))
            if (input.Text.TryGetValue(f.Key, out var v) && v is { Length: > CarePlanFields.MaxLength })
                errors.Add(new(f.Key, $"{f.Label} must be {CarePlanFields.MaxLength} characters or fewer"));
        if (section == CarePlanSection.PersonsInvolvement) errors.AddRange(Pathway.Domain.CarePlans.Goals.ValidateAgreement(input.Agreement, input.AgreementReason));
        if (section == CarePlanSection.FunctionsOfBehaviour && input.Skills?.FirstOrDefault(code => DbtSkills.Find(code) is null) is { } unknown)
            errors.Add(new("Skills", $"'{Echo.Of(unknown)}' is not a DBT skill this service uses: pick skills from the list"));
        if (section == CarePlanSection.Review)
        {
            if (input.ReviewDate is not { } d) errors.Add(new("ReviewDate", "Enter the review date"));
            else if (CarePlanFields.CheckReviewDateInFuture(d, today) is { } past) errors.Add(past);
        }
        return errors;
    }

    private async Task ApplyAsync(CarePlan plan, CarePlanSection section, SectionInput input, CancellationToken ct)
    {
        foreach (var f in CarePlanFields.For(section))
        {
            var value = input.Text.TryGetValue(f.Key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            if (section == CarePlanSection.NotToBeDisclosed)
            {
                var note = await db.CarePlanRestrictedNotes.FirstOrDefaultAsync(n => n.CarePlanId == plan.Id, ct);
                if (value is null && note is not null) db.CarePlanRestrictedNotes.Remove(note);
                else if (value is not null && note is null) db.CarePlanRestrictedNotes.Add(new CarePlanRestrictedNote { CarePlanId = plan.Id, Text = value });
                else if (value is not null && note is not null) note.Text = value;
                continue;
            }
            var row = plan.Texts.FirstOrDefault(t => t.Key == f.Key);
            if (value is null && row is not null) plan.Texts.Remove(row);
            else if (value is not null && row is null) plan.Texts.Add(new CarePlanText { CarePlanId = plan.Id, Key = f.Key, Text = value });
            else if (value is not null && row is not null) row.Text = value;
        }
        if (section == CarePlanSection.PersonsInvolvement)
        {
            plan.Agreement = input.Agreement;
            plan.AgreementReason = input.Agreement == PersonAgreement.Agreed ? input.AgreementReason?.Trim() : input.AgreementReason!.Trim();
        }
        if (section == CarePlanSection.Review) plan.ReviewDate = input.ReviewDate;
        if (section == CarePlanSection.FunctionsOfBehaviour && input.Skills is { } codes)
        {
            var picked = codes.Distinct(StringComparer.Ordinal).ToList();
            var stored = await db.CarePlanSkills.Where(k => k.CarePlanId == plan.Id).ToListAsync(ct);
            db.CarePlanSkills.RemoveRange(stored.Where(k => !picked.Contains(k.SkillCode)));
            db.CarePlanSkills.AddRange(picked.Where(code => stored.All(k => k.SkillCode != code)).Select(code => new CarePlanSkill { CarePlanId = plan.Id, SkillCode = code }));
        }
    }
}
