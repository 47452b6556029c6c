using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Assessments.Section;

/// <summary>
/// Saves one section of an assessment, from <see cref="SectionModel"/> or
/// <c>PUT /api/v1/cases/{id}/assessments/{assessmentId}/sections/{section}</c>. A draft is changed in place (by its
/// author); a locked version is copied to a new draft version, which takes the change (the outcome is then the new
/// version). The change carries the version it was read at; field errors come first, then a stale version (a conflict),
/// then the lifecycle's refusal. The case is already checked for edit.
/// </summary>
public sealed class UpdateAssessmentSection(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <param name="input">The parsed change; null only when <paramref name="unreadable"/> says why (an unknown section).</param>
    public async Task<Outcome<Assessment>> HandleAsync(CaseContext c, Guid assessmentId, SectionInput? input, int version,
        IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var a = await AssessmentChanges.FindAsync(db, audit, c.Id, assessmentId, ct);
        if (a is null) return Outcome.NotFound<Assessment>();
        if (unreadable.Count > 0 || input is null) return Outcome.Invalid<Assessment>(unreadable);
        var errors = await input.ValidateAsync(db, a.CaseId, ct);
        if (errors.Count > 0) return Outcome.Invalid<Assessment>(errors);
        if (version != a.Version) return Outcome.Conflict(a);
        if (input.Section.Key == AssessmentSections.Withheld && !AssessmentRoles.SeesWithheld(c.Who))
            return AssessmentChanges.NotAllowed("You cannot change the information not to be disclosed");

        var (decision, reason) = AssessmentLifecycle.Edit(a.Status, a.AuthorId, AssessmentRoles.Actor(c.Who), await AssessmentChanges.HasNewerAsync(db, a, ct));
        if (decision == EditDecision.Refused) return AssessmentChanges.NotAllowed(reason!);

        var now = clock.GetUtcNow();
        var target = a;
        if (decision == EditDecision.StartNewVersion) target = await AssessmentChanges.CopyToNewVersionAsync(db, a, c.Who, now, ct);
        else db.Entry(a).Property(x => x.Version).OriginalValue = version;
        await ApplyAsync(target, input, ct);
        target.UpdatedAt = now; // children changed: bump the parent's version too
        // One audit row per save (the chain numbers rows as it saves); the reason names the section changed.
        audit.Add(decision == EditDecision.StartNewVersion ? AuditActions.Assessment.VersionCreate : AuditActions.Assessment.Update, "Assessment", target.Id, a.CaseId,
            reason: input.Section.Key);
        return await AssessmentChanges.SaveAsync(db, target, ct);
    }

    private async Task ApplyAsync(Assessment target, SectionInput input, CancellationToken ct)
    {
        var section = input.Section;
        if (section.Key == AssessmentSections.Needs)
        {
            foreach (var n in target.Needs.ToList())
            {
                target.Needs.Remove(n);
                if (db.Entry(n).State != EntityState.Added) db.AssessmentNeeds.Remove(n);
            }
            foreach (var n in input.Needs)
            {
                // Added explicitly: a new row with a client-made key, found only through the navigation, would be taken for an existing one.
                var need = new AssessmentNeed
                {
                    AssessmentId = target.Id, Area = n.Area, Priority = n.Priority, Detail = string.IsNullOrWhiteSpace(n.Detail) ? null : n.Detail.Trim(),
                };
                db.AssessmentNeeds.Add(need);
                target.Needs.Add(need);
            }
            return;
        }
        if (section.Key == AssessmentSections.Withheld)
        {
            var row = db.ChangeTracker.Entries<AssessmentWithheldInformation>().Select(e => e.Entity).FirstOrDefault(w => w.AssessmentId == target.Id)
                ?? await db.AssessmentWithheldInformation.FirstOrDefaultAsync(w => w.AssessmentId == target.Id, ct);
            var text = input.Withheld?.Trim();
            if (string.IsNullOrEmpty(text)) { if (row is not null) db.AssessmentWithheldInformation.Remove(row); }
            else if (row is null) db.AssessmentWithheldInformation.Add(new AssessmentWithheldInformation { AssessmentId = target.Id, Text = text });
            else row.Text = text;
            return;
        }
        foreach (var def in section.Fields)
        {
            var text = input.Fields.GetValueOrDefault(def.Key)?.Trim();
            var existing = target.Fields.FirstOrDefault(f => f.Key == def.Key);
            if (string.IsNullOrEmpty(text))
            {
                if (existing is null) continue;
                target.Fields.Remove(existing);
                if (db.Entry(existing).State != EntityState.Added) db.AssessmentFields.Remove(existing);
            }
            else if (existing is null)
            {
                var field = new AssessmentField { AssessmentId = target.Id, Key = def.Key, Text = text };
                db.AssessmentFields.Add(field);
                target.Fields.Add(field);
            }
            else existing.Text = text;
        }
        if (section.Key == "risk") target.Ogrs3ScoreId = input.Ogrs3ScoreId;
    }
}
