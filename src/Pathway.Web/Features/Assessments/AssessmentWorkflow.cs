using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Assessments;
using Pathway.Domain.Licences;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.Assessments;

/// <summary>The result of a change to an assessment; the page and the API each turn it into their own answer.</summary>
public abstract record AssessmentChange
{
    public sealed record Saved(Assessment Assessment, bool IsNewVersion) : AssessmentChange;
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : AssessmentChange;
    /// <summary>Someone else saved first (the version sent is stale); nothing was saved.</summary>
    public sealed record Stale(int CurrentVersion) : AssessmentChange;
    /// <summary>The lifecycle does not allow this person to do this now; nothing was saved.</summary>
    public sealed record Refused(string Reason) : AssessmentChange;
}

/// <summary>
/// Creates, changes, submits, countersigns and returns assessments: the steps shared by the pages and the API, each
/// one check-then-save with its audit row staged in the same save. Rules come from <see cref="AssessmentLifecycle"/>.
/// </summary>
public sealed class AssessmentWorkflow(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Assessment> CreateAsync(Guid caseId, DateOnly assessmentDate, StaffContext who, CancellationToken ct)
    {
        var a = new Assessment
        {
            CaseId = caseId, Status = AssessmentStatus.Draft, AssessmentDate = assessmentDate, AuthorId = who.UserId,
            CreatedAt = clock.GetUtcNow(),
        };
        a.SeriesId = a.Id;
        db.Assessments.Add(a);
        audit.Add("assessment.create", "Assessment", a.Id, caseId);
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>
    /// Saves one section. A draft is changed in place (by its author); a locked version is copied to a new draft
    /// version, which takes the change. <paramref name="expectedVersion"/> is the version the person read.
    /// </summary>
    public async Task<AssessmentChange> UpdateSectionAsync(Assessment a, SectionInput input, int expectedVersion, StaffContext who, CancellationToken ct)
    {
        var errors = await input.ValidateAsync(db, a.CaseId, ct);
        if (errors.Count > 0) return new AssessmentChange.Invalid(errors);
        if (expectedVersion != a.Version) return new AssessmentChange.Stale(a.Version);
        if (input.Section.Key == AssessmentSections.Withheld && !AssessmentRoles.SeesWithheld(who))
            return new AssessmentChange.Refused("You cannot change the information not to be disclosed");

        var hasNewer = await db.Assessments.AnyAsync(x => x.SeriesId == a.SeriesId && x.VersionNumber > a.VersionNumber, ct);
        var (decision, reason) = AssessmentLifecycle.Edit(a.Status, a.AuthorId, AssessmentRoles.Actor(who), hasNewer);
        if (decision == EditDecision.Refused) return new AssessmentChange.Refused(reason!);

        var target = a;
        if (decision == EditDecision.StartNewVersion) target = await CopyToNewVersionAsync(a, who, ct);
        else db.Entry(a).Property(x => x.Version).OriginalValue = expectedVersion;
        await ApplyAsync(target, input, ct);
        target.UpdatedAt = clock.GetUtcNow(); // children changed: bump the parent's version too
        // One audit row per save (the chain numbers rows as it saves); the reason names the section changed.
        audit.Add(decision == EditDecision.StartNewVersion ? "assessment.version.create" : "assessment.update", "Assessment", target.Id, a.CaseId,
            reason: input.Section.Key);
        return await SaveAsync(target, decision == EditDecision.StartNewVersion, ct);
    }

    /// <summary>Starts a new draft version from a locked one without changing anything yet.</summary>
    public async Task<AssessmentChange> StartNewVersionAsync(Assessment a, int expectedVersion, StaffContext who, CancellationToken ct)
    {
        if (expectedVersion != a.Version) return new AssessmentChange.Stale(a.Version);
        var hasNewer = await db.Assessments.AnyAsync(x => x.SeriesId == a.SeriesId && x.VersionNumber > a.VersionNumber, ct);
        var (decision, reason) = AssessmentLifecycle.Edit(a.Status, a.AuthorId, AssessmentRoles.Actor(who), hasNewer);
        if (decision != EditDecision.StartNewVersion) return new AssessmentChange.Refused(reason ?? "This version is not locked; change it directly");
        var target = await CopyToNewVersionAsync(a, who, ct);
        audit.Add("assessment.version.create", "Assessment", target.Id, a.CaseId);
        return await SaveAsync(target, true, ct);
    }

    public async Task<AssessmentChange> SubmitAsync(Assessment a, int expectedVersion, StaffContext who, CancellationToken ct)
    {
        if (expectedVersion != a.Version) return new AssessmentChange.Stale(a.Version);
        var refusal = AssessmentLifecycle.CanSubmit(a.Status, a.AuthorId, AssessmentRoles.Actor(who), AssessmentDocument.IncompleteForSubmission(a));
        if (refusal is not null) return new AssessmentChange.Refused(refusal);
        a.Status = AssessmentStatus.Submitted;
        a.SubmittedAt = clock.GetUtcNow();
        db.Entry(a).Property(x => x.Version).OriginalValue = expectedVersion;
        audit.Add("assessment.submit", "Assessment", a.Id, a.CaseId);
        return await SaveAsync(a, false, ct);
    }

    public async Task<AssessmentChange> CountersignAsync(Assessment a, int expectedVersion, StaffContext who, CancellationToken ct)
    {
        if (expectedVersion != a.Version) return new AssessmentChange.Stale(a.Version);
        var refusal = AssessmentLifecycle.CanCountersign(a.Status, a.AuthorId, AssessmentRoles.Actor(who));
        if (refusal is not null) return new AssessmentChange.Refused(refusal);
        a.Status = AssessmentStatus.Locked;
        a.CountersignedById = who.UserId;
        a.CountersignedAt = clock.GetUtcNow();
        db.Entry(a).Property(x => x.Version).OriginalValue = expectedVersion;
        audit.Add("assessment.countersign", "Assessment", a.Id, a.CaseId);
        return await SaveAsync(a, false, ct);
    }

    public async Task<AssessmentChange> ReturnAsync(Assessment a, int expectedVersion, StaffContext who, CancellationToken ct)
    {
        if (expectedVersion != a.Version) return new AssessmentChange.Stale(a.Version);
        var refusal = AssessmentLifecycle.CanReturn(a.Status, AssessmentRoles.Actor(who));
        if (refusal is not null) return new AssessmentChange.Refused(refusal);
        a.Status = AssessmentStatus.Draft;
        a.SubmittedAt = null;
        db.Entry(a).Property(x => x.Version).OriginalValue = expectedVersion;
        audit.Add("assessment.return", "Assessment", a.Id, a.CaseId);
        return await SaveAsync(a, false, ct);
    }

    private async Task<AssessmentChange> SaveAsync(Assessment target, bool isNew, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new AssessmentChange.Saved(target, isNew);
        }
        catch (DbUpdateException)
        {
            // A concurrent save of this version, or a concurrent new version of the same series (unique number).
            db.ChangeTracker.Clear();
            var current = await db.Assessments.AsNoTracking().Where(x => x.Id == target.Id || (x.SeriesId == target.SeriesId && x.VersionNumber == target.VersionNumber - 1))
                .OrderByDescending(x => x.VersionNumber).Select(x => x.Version).FirstOrDefaultAsync(ct);
            return new AssessmentChange.Stale(current);
        }
    }

    private async Task<Assessment> CopyToNewVersionAsync(Assessment locked, StaffContext who, CancellationToken ct)
    {
        var next = new Assessment
        {
            CaseId = locked.CaseId, SeriesId = locked.SeriesId, VersionNumber = locked.VersionNumber + 1, Status = AssessmentStatus.Draft,
            AssessmentDate = locked.AssessmentDate, AuthorId = who.UserId, Ogrs3ScoreId = locked.Ogrs3ScoreId, CreatedAt = clock.GetUtcNow(),
        };
        next.Fields.AddRange(locked.Fields.Select(f => new AssessmentField { AssessmentId = next.Id, Key = f.Key, Text = f.Text }));
        next.Needs.AddRange(locked.Needs.Select(n => new AssessmentNeed { AssessmentId = next.Id, Area = n.Area, Priority = n.Priority, Detail = n.Detail }));
        db.Assessments.Add(next);
        var withheld = await AssessmentLookup.WithheldAsync(db, locked.Id, ct);
        if (withheld is not null) db.AssessmentWithheldInformation.Add(new AssessmentWithheldInformation { AssessmentId = next.Id, Text = withheld });
        return next;
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
