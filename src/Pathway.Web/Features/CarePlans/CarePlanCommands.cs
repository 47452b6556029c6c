using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.CarePlans;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Errors;

namespace Pathway.Web.Features.CarePlans;

/// <summary>What someone submits for one section of a draft.</summary>
/// <param name="Skills">For the functions section: the codes of the DBT skills picked (see <see cref="DbtSkills"/>).</param>
public sealed record SectionInput(IReadOnlyDictionary<string, string?> Text, PersonAgreement? Agreement, string? AgreementReason, DateOnly? ReviewDate,
    IReadOnlyList<string>? Skills = null);

public enum CommandOutcome
{
    Done,
    Invalid,
    /// <summary>Someone else saved a newer version first; nothing was saved.</summary>
    Conflict,
}

/// <param name="RowId">The goal, action or incident row the command made or changed, where there is one.</param>
public sealed record CommandResult(CommandOutcome Outcome, IReadOnlyList<FieldError> Errors, Guid? PlanId = null, Guid? RowId = null)
{
    public static CommandResult Done(Guid planId) => new(CommandOutcome.Done, [], planId);
    public static CommandResult Invalid(IReadOnlyList<FieldError> errors) => new(CommandOutcome.Invalid, errors);
    public static readonly CommandResult Conflict = new(CommandOutcome.Conflict,
        [new("Version", "Someone else changed this care plan while you were working on it. Nothing has been saved: check the latest version, then make your change again")]);
}

/// <summary>
/// The care-plan changes, shared by the pages and the API: start a version, save a section, sign, countersign. Each
/// checks the version the person read, stages its audit row, and saves once.
/// </summary>
public sealed class CarePlanCommands(PathwayDbContext db, AuditLog audit, TimeProvider clock, IFormulationSource formulation)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Starts the first plan, or a new version (review or change) copied from the active one.</summary>
    public async Task<CommandResult> StartAsync(CaseRecord c, Guid userId, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) return CommandResult.Invalid([new("Reason", "Say why this version is being made: first plan, scheduled review or a change")]);
        if (reason.Length > 500) return CommandResult.Invalid([new("Reason", "The reason must be 500 characters or fewer")]);
        var plans = await db.CarePlans.AsNoTracking().Where(p => p.CaseId == c.Id).Select(p => new { p.Id, p.Status, p.Number }).ToListAsync(ct);
        var open = plans.Any(p => p.Status is CarePlanStatus.Draft or CarePlanStatus.AwaitingCountersignature);
        var active = plans.FirstOrDefault(p => p.Status == CarePlanStatus.Active);
        if (active is not null)
        {
            var errors = CarePlanLifecycle.CanStartReview(active.Status, open);
            if (errors.Count > 0) return CommandResult.Invalid(errors);
        }
        else if (open) return CommandResult.Invalid([new("Status", "A care plan is already being drafted: continue that one")]);

        var now = clock.GetUtcNow();
        var plan = new CarePlan
        {
            CaseId = c.Id, Number = plans.Count == 0 ? 1 : plans.Max(p => p.Number) + 1, Status = CarePlanStatus.Draft,
            Reason = reason.Trim(), PreviousId = active?.Id, CreatedById = userId, CreatedAt = now,
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
        audit.Add("careplan.version.create", "CarePlan", plan.Id, c.Id, reason: $"version {plan.Number}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The one-open-version index: someone started a version at the same moment.
            db.ChangeTracker.Clear();
            return CommandResult.Invalid([new("Status", "A new version was started by someone else a moment ago: continue that one")]);
        }
        return CommandResult.Done(plan.Id);
    }

    public static IReadOnlyList<FieldError> Validate(CarePlanSection section, SectionInput input)
    {
        var errors = new List<FieldError>();
        foreach (var f in CarePlanFields.For(section))
            if (input.Text.TryGetValue(f.Key, out var v) && v is { Length: > CarePlanFields.MaxLength })
                errors.Add(new(f.Key, $"{f.Label} must be {CarePlanFields.MaxLength} characters or fewer"));
        if (section == CarePlanSection.PersonsInvolvement) errors.AddRange(Pathway.Domain.CarePlans.Goals.ValidateAgreement(input.Agreement, input.AgreementReason));
        if (section == CarePlanSection.FunctionsOfBehaviour && input.Skills?.FirstOrDefault(c => DbtSkills.Find(c) is null) is { } unknown)
            errors.Add(new("Skills", $"'{Echo.Of(unknown)}' is not a DBT skill this service uses: pick skills from the list"));
        if (section == CarePlanSection.Review && input.ReviewDate is null) errors.Add(new("ReviewDate", "Enter the review date"));
        return errors;
    }

    /// <summary>Saves one section of a draft. <paramref name="plan"/> must be tracked, with its texts loaded.</summary>
    public async Task<CommandResult> SaveSectionAsync(CarePlan plan, CarePlanSection section, SectionInput input, int version, CancellationToken ct)
    {
        var errors = CarePlanLifecycle.CanEdit(plan.Status).Concat(Validate(section, input)).ToList();
        if (errors.Count > 0) return CommandResult.Invalid(errors);
        if (version != plan.Version) return CommandResult.Conflict;

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
            db.CarePlanSkills.AddRange(picked.Where(c => stored.All(k => k.SkillCode != c)).Select(c => new CarePlanSkill { CarePlanId = plan.Id, SkillCode = c }));
        }
        // Every section save bumps the plan's version, so two people editing the same draft never overwrite each other.
        plan.UpdatedAt = clock.GetUtcNow();
        db.Entry(plan).State = EntityState.Modified;
        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        audit.Add("careplan.section.update", "CarePlan", plan.Id, plan.CaseId, reason: CarePlanFields.Slug(section));
        return await SaveAsync(plan.Id, ct);
    }

    public async Task<CommandResult> SignAsync(CarePlan plan, Guid userId, IReadOnlySet<StaffRole> roles, int version, CancellationToken ct)
    {
        var text = plan.Texts.ToDictionary(t => t.Key, t => t.Text, StringComparer.Ordinal);
        if (await db.CarePlanRestrictedNotes.AsNoTracking().FirstOrDefaultAsync(n => n.CarePlanId == plan.Id, ct) is { } note) text["not-disclosed"] = note.Text;
        var rows = CarePlanContent.SectionsWithRows(
            await db.CarePlanGoals.CountAsync(g => g.CarePlanId == plan.Id, ct),
            await db.CarePlanActions.CountAsync(a => a.CarePlanId == plan.Id, ct),
            await db.CarePlanSkills.CountAsync(k => k.CarePlanId == plan.Id, ct));
        var empty = CarePlanFields.EmptySections(text, plan.Agreement, plan.ReviewDate, rows);
        var errors = CarePlanLifecycle.CanSign(new CarePlanFacts(plan.Status, empty, plan.SignedById, CarePlanFields.MissingPillars(text)), roles).ToList();
        if (errors.Count == 0 && CarePlanFields.CheckReviewDate(plan.ReviewDate, Today) is { } dateError) errors.Add(dateError);
        if (errors.Count > 0) return CommandResult.Invalid(errors);
        if (version != plan.Version) return CommandResult.Conflict;
        plan.Status = CarePlanStatus.AwaitingCountersignature;
        plan.SignedById = userId;
        plan.SignedAt = clock.GetUtcNow();
        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        audit.Add("careplan.sign", "CarePlan", plan.Id, plan.CaseId);
        return await SaveAsync(plan.Id, ct);
    }

    /// <summary>Countersigning makes the version active and supersedes the one before, in one transaction.</summary>
    public async Task<CommandResult> CountersignAsync(CarePlan plan, Guid userId, IReadOnlySet<StaffRole> roles, int version, CancellationToken ct)
    {
        var errors = CarePlanLifecycle.CanCountersign(new CarePlanFacts(plan.Status, [], plan.SignedById), userId, roles);
        if (errors.Count > 0) return CommandResult.Invalid(errors);
        if (version != plan.Version) return CommandResult.Conflict;
        var now = clock.GetUtcNow();
        var previous = await db.CarePlans.FirstOrDefaultAsync(p => p.CaseId == plan.CaseId && p.Status == CarePlanStatus.Active, ct);
        if (previous is not null)
        {
            previous.Status = CarePlanStatus.Superseded;
            previous.SupersededAt = now;
            // The old active row must be written first, or the one-active index would see two for a moment.
            db.Entry(plan).Property(p => p.Version).OriginalValue = version;
            audit.Add("careplan.supersede", "CarePlan", previous.Id, plan.CaseId);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var first = await SaveAsync(previous.Id, ct);
            if (first.Outcome != CommandOutcome.Done) return first;
            Activate(plan, userId, now, version);
            var second = await SaveAsync(plan.Id, ct);
            if (second.Outcome == CommandOutcome.Done) await tx.CommitAsync(ct);
            return second;
        }
        Activate(plan, userId, now, version);
        return await SaveAsync(plan.Id, ct);
    }

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
        db.CarePlanSkills.AddRange(skills.Select(c => new CarePlanSkill { CarePlanId = toId, SkillCode = c }));
    }

    private void Activate(CarePlan plan, Guid userId, DateTimeOffset now, int version)
    {
        plan.Status = CarePlanStatus.Active;
        plan.CountersignedById = userId;
        plan.CountersignedAt = now;
        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        audit.Add("careplan.countersign", "CarePlan", plan.Id, plan.CaseId);
    }

    private async Task<CommandResult> SaveAsync(Guid planId, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return CommandResult.Done(planId);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Conflict;
        }
    }
}
