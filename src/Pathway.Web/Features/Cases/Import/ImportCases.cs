using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Staff;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Cases.Import;

/// <summary>
/// Imports people on licence from probation's extract (CSV or JSON, docs/import.md), for the administrators' upload
/// page (<see cref="ImportModel"/>) and <c>pathway import cases</c>. Upserts by CRN in batches of <see cref="BatchSize"/>
/// rows, each batch one <c>SaveChanges</c> (one transaction): a batch with any bad row saves nothing, and every bad row
/// is named with its column. A row changes only the columns it has values for, so importing the same file again leaves
/// every case alone. Each created or updated case and licence gets its own audit row, as the actor. A dry run checks
/// everything the same way, saves nothing but one audit row saying a file was checked, and reports what would happen.
/// The file as a whole is invalid (field <c>File</c>) when it cannot be read or its columns are wrong.
/// </summary>
public sealed class ImportCases(PathwayDbContext db, TimeProvider clock)
{
    public const int BatchSize = 1_000;

    public async Task<Outcome<ImportReport>> HandleAsync(ImportActor actor, string fileName, Stream content, bool dryRun,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var (file, fileErrors) = CaseFile.Read(fileName, content);
        if (file is null) return Outcome.Invalid<ImportReport>(fileErrors);

        var now = clock.GetUtcNow();
        var lookups = await LookupsAsync(DateOnly.FromDateTime(now.UtcDateTime), ct);
        var results = new List<ImportedRow>();
        var problems = new List<RowProblem>();
        var refused = new List<RefusedBatch>();
        var firstRowOfCrn = new Dictionary<string, int>(StringComparer.Ordinal);
        var done = 0;
        foreach (var batch in file.Rows.Chunk(BatchSize))
        {
            var plans = await PlanAsync(batch, lookups, firstRowOfCrn, ct);
            var batchProblems = plans.SelectMany(p => p.Problems).ToList();
            problems.AddRange(batchProblems);
            if (batchProblems.Count > 0)
                refused.Add(new RefusedBatch(batch[0].Number, batch[^1].Number, batchProblems.Select(p => p.Row).Distinct().Count()));
            if (batchProblems.Count == 0 || dryRun)
                results.AddRange(plans.Where(p => p.Problems.Count == 0).Select(p => new ImportedRow(p.Row, p.Crn, p.Result, p.Changed)));
            if (batchProblems.Count == 0 && !dryRun && !await SaveAsync(plans, actor, now, ct))
            {
                // Someone changed one of these cases between reading and saving: nothing of the batch was saved.
                results.RemoveRange(results.Count - plans.Count, plans.Count);
                problems.Add(new RowProblem(batch[0].Number, ImportColumns.Crn,
                    $"A case in rows {batch[0].Number} to {batch[^1].Number} was changed in Pathway during the import, so none of these rows were imported: import the file again"));
                refused.Add(new RefusedBatch(batch[0].Number, batch[^1].Number, 0));
            }
            db.ChangeTracker.Clear();
            progress?.Report(new ImportProgress(done += batch.Length, file.Rows.Count));
        }
        if (dryRun)
        {
            Stage(AuditEntries.Create(now, actor.UserId, actor.Role, AuditActions.Case.ImportVerify, "CaseImport", null, null));
            await db.SaveChangesAsync(ct);
        }
        return new ImportReport(dryRun, file.Rows.Count, results, problems, refused);

    }

    /// <summary>Checks a batch against the cases it names, read untracked: most rows of a repeated import change nothing.</summary>
    private async Task<List<ImportRowPlan>> PlanAsync(CaseFileRow[] batch, ImportLookups lookups, Dictionary<string, int> firstRowOfCrn,
        CancellationToken ct)
    {
        var crns = batch.Select(r => Domain.Cases.Crn.Normalise(r[ImportColumns.Crn])).Where(Domain.Cases.Crn.IsValid).Distinct().ToList();
        var existing = await db.Cases.AsNoTracking().Include(c => c.Licences).Where(c => crns.Contains(c.Crn)).AsSplitQuery()
            .ToDictionaryAsync(c => c.Crn, StringComparer.Ordinal, ct);
        var plans = new List<ImportRowPlan>(batch.Length);
        foreach (var row in batch)
        {
            var crn = Domain.Cases.Crn.Normalise(row[ImportColumns.Crn]);
            var plan = new ImportRowPlan(row, crn, existing.GetValueOrDefault(crn), lookups);
            if (Domain.Cases.Crn.IsValid(crn) && !firstRowOfCrn.TryAdd(crn, row.Number))
                plan.Problems.Add(new RowProblem(row.Number, ImportColumns.Crn, $"This CRN is also on row {firstRowOfCrn[crn]}: give each case once"));
            plans.Add(plan);
        }
        return plans;
    }

    /// <summary>Saves a batch in one transaction; false, with nothing saved, when a case changed since it was read (its row version moved on).</summary>
    private async Task<bool> SaveAsync(List<ImportRowPlan> plans, ImportActor actor, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var plan in plans.Where(p => p.Result != RowResult.LeftAlone))
        {
            // An existing case is attached (with its licences) before the change, so that only what changes is written.
            if (plan.Existing is { } found) db.Cases.Attach(found);
            var record = plan.Apply(now);
            if (plan.Existing is null) db.Cases.Add(record);
            var caseAction = plan.Existing is null ? AuditActions.Case.ImportCreate : AuditActions.Case.ImportUpdate;
            Stage(AuditEntries.Create(now, actor.UserId, actor.Role, caseAction, "Case", record.Id.ToString(), record.Id));
            if (plan.Licence is { } licence && (plan.LicenceCreated || plan.LicenceChanged))
            {
                if (plan.LicenceCreated) db.Licences.Add(licence);
                var licenceAction = plan.LicenceCreated ? AuditActions.Licence.ImportCreate : AuditActions.Licence.ImportUpdate;
                Stage(AuditEntries.Create(now, actor.UserId, actor.Role, licenceAction, "Licence", licence.Id.ToString(), record.Id));
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private long _staged;

    /// <summary>
    /// Stages an audit row for the batch's one save. Rows are keyed by their chain sequence, which the save assigns; until
    /// then each needs a distinct placeholder (negative, never a real sequence) so that a batch can stage many.
    /// </summary>
    private void Stage(AuditEvent row)
    {
        row.Sequence = -++_staged;
        db.AuditEvents.Add(row);
    }

    private async Task<ImportLookups> LookupsAsync(DateOnly today, CancellationToken ct)
    {
        var teams = await db.Teams.Where(t => t.Kind == TeamKind.Probation).Select(t => new { t.Name, t.Id }).ToListAsync(ct);
        var roles = RoleSets.Probation.Select(r => r.ToString()).ToArray();
        var staff = await db.Users.Where(u => u.DisabledAt == null && u.NormalizedEmail != null
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .Select(u => new { u.NormalizedEmail, u.Id, u.TeamId }).ToListAsync(ct);
        var sets = await db.StandardConditionSets.Select(s => s.Code).ToListAsync(ct);
        return new ImportLookups(
            teams.ToDictionary(t => t.Name.Trim(), t => t.Id, StringComparer.OrdinalIgnoreCase),
            staff.ToDictionary(u => u.NormalizedEmail!, u => (u.Id, u.TeamId), StringComparer.Ordinal),
            sets.ToHashSet(StringComparer.Ordinal), today);
    }
}
