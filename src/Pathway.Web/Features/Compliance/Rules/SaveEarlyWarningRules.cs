using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Compliance;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Compliance.Rules;

/// <summary>
/// Saves the early-warning rules from <see cref="EarlyWarningRulesPageModel"/>: only from the version the editor read
/// (otherwise a conflict with the rules in force), only when every rule is valid (each problem listed) and the editor
/// has said why they changed. Every save adds a version to the history, which is never edited; a clinical lead's save is
/// confirmed by saving it.
/// </summary>
public sealed class SaveEarlyWarningRules(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string SavingRace = "Someone else changed the rules while you were saving. Nothing has been saved; reload the page and save again.";

    public async Task<Outcome<EarlyWarningRules>> HandleAsync(StaffContext who, string? json, string? source, int version, CancellationToken ct)
    {
        var row = await RowAsync(db, ct);
        if (version != row.Version) return Outcome.Conflict(row);
        var errors = EarlyWarningRuleSet.Parse(json ?? "").Errors.Select(e => new FieldError("Json", e.Message)).ToList();
        if (string.IsNullOrWhiteSpace(source))
            errors.Add(new("Source", "Enter why the rules changed and who agreed it"));
        else if (source.Trim().Length > EarlyWarningRulesVersionLimits.SourceMaxLength)
            errors.Add(new("Source", $"Why the rules changed must be {EarlyWarningRulesVersionLimits.SourceMaxLength} characters or fewer"));
        if (errors.Count > 0) return Outcome.Invalid<EarlyWarningRules>(errors);

        var now = clock.GetUtcNow();
        row.Json = json!.Trim();
        row.UpdatedById = who.UserId;
        db.Entry(row).Property(x => x.Version).OriginalValue = version;
        // The history's next number; two saves racing for it fail on the key and on the row's version alike.
        var number = (await db.EarlyWarningRuleVersions.MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
        db.EarlyWarningRuleVersions.Add(new EarlyWarningRulesVersion
        {
            Number = number, Json = row.Json, EffectiveFrom = DateOnly.FromDateTime(now.UtcDateTime), Source = source!.Trim(),
            ConfirmedByClinicalLead = who.Roles.Contains(StaffRole.ClinicalLead), SavedById = row.UpdatedById, SavedAt = now,
        });
        audit.Add(null, "EarlyWarningRules", row.Id, null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Invalid<EarlyWarningRules>([new("Json", SavingRace)]);
        }
        return row;
    }

    internal static async Task<EarlyWarningRules> RowAsync(PathwayDbContext db, CancellationToken ct) =>
        await db.EarlyWarningRules.FirstOrDefaultAsync(r => r.Id == EarlyWarningRules.SingletonId, ct)
        ?? throw new InvalidOperationException("The early-warning rules are missing: run 'pathway migrate'.");
}
