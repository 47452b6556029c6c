using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Compliance;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;

namespace Pathway.Data.Seeding;

/// <summary>Roles, standard condition sets and the starting early-warning rules every installation needs. Idempotent: adds only what is missing.</summary>
public static class ReferenceData
{
    public static async Task EnsureAsync(PathwayDbContext db, CancellationToken ct = default)
    {
        var roles = await db.Roles.Select(r => r.Name ?? "").ToListAsync(ct);
        foreach (var role in Enum.GetNames<StaffRole>().Concat(ServiceRoles.All).Except(roles))
            db.Roles.Add(new StaffRoleRecord { Name = role, NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });

        // A set's conditions are never edited once shipped; its name and date are corrected when they were wrong.
        var sets = await db.StandardConditionSets.ToDictionaryAsync(s => s.Code, ct);
        foreach (var def in StandardConditionSets.All.Where(d => sets.ContainsKey(d.Code)))
        {
            var set = sets[def.Code];
            set.Name = def.Name;
            set.InForceFrom = def.InForceFrom;
        }
        foreach (var def in StandardConditionSets.All.Where(d => !sets.ContainsKey(d.Code)))
        {
            db.StandardConditionSets.Add(new StandardConditionSet
            {
                Code = def.Code,
                Name = def.Name,
                InForceFrom = def.InForceFrom,
                Items = def.Conditions.Select(c => new StandardConditionItem { Code = c.Code, SetCode = def.Code, Number = c.Number, Text = c.Text }).ToList(),
            });
        }
        await Instruments.InstrumentCatalogue.EnsureShippedAsync(db, DateTimeOffset.UtcNow, ct);
        // The service's starting early-warning rules; after the first run they are data the clinical lead edits.
        if (!await db.EarlyWarningRules.AnyAsync(ct))
            db.EarlyWarningRules.Add(new EarlyWarningRules { Json = EarlyWarningRuleSet.DefaultJson.Trim() });
        await db.SaveChangesAsync(ct);
        await EnsureFirstEarlyWarningVersionAsync(db, ct);
        await LawfulBasisCorrection.ApplyAsync(db, DateTimeOffset.UtcNow, ct);
        await Training.TrainingSeed.EnsureAsync(db, ct);
    }

    /// <summary>The rules' version history starts with the rules in force (the starting rules, or a service's own if changed).</summary>
    private static async Task EnsureFirstEarlyWarningVersionAsync(PathwayDbContext db, CancellationToken ct)
    {
        if (await db.EarlyWarningRuleVersions.AnyAsync(ct)) return;
        var row = await db.EarlyWarningRules.SingleAsync(r => r.Id == EarlyWarningRules.SingletonId, ct);
        var starting = row.Json.Trim() == EarlyWarningRuleSet.DefaultJson.Trim();
        var at = row.UpdatedAt == default ? DateTimeOffset.UtcNow : row.UpdatedAt;
        db.EarlyWarningRuleVersions.Add(new EarlyWarningRulesVersion
        {
            Number = 1, Json = row.Json, EffectiveFrom = DateOnly.FromDateTime(at.UtcDateTime),
            Source = starting ? EarlyWarningRulesVersionLimits.StartingRulesSource : EarlyWarningRulesVersionLimits.FoundRulesSource,
            SavedById = row.UpdatedById, SavedAt = at,
        });
        await db.SaveChangesAsync(ct);
    }

    public static async Task MigrateAsync(PathwayDbContext db, CancellationToken ct = default)
    {
        // Migrate also diffs the whole model against the last migration's snapshot (EF's pending-model-changes check),
        // which is most of an up-to-date start-up's database time; with nothing to apply there is nothing to check, and
        // HealthAndSchemaTests (HasPendingModelChanges on both providers) keeps the model and the migrations in step.
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any()) await db.Database.MigrateAsync(ct);
        await EnsureAsync(db, ct);
    }
}
