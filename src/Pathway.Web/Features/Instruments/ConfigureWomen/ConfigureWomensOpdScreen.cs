using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Instruments;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.Instruments;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Instruments.ConfigureWomen;

/// <summary>
/// Publishes the clinical lead's configuration of the women's OPD screen (items and thresholds) as its next version, from
/// <see cref="ConfigureWomenModel"/>. The change names the version it was based on: if someone published since (or at
/// the same moment), nothing is saved and the outcome is a conflict with the newest version. Problems with the rows are
/// field errors; problems with the definition as a whole have no field (they belong above the form).
/// </summary>
public sealed class ConfigureWomensOpdScreen(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<InstrumentDefinitionRecord>> HandleAsync(int basedOnVersion, IReadOnlyList<ItemRow> items, string? personalityThreshold,
        string? indicatorsThreshold, StaffContext who, CancellationToken ct)
    {
        var latestRecord = await LatestAsync(ct);
        if (basedOnVersion != latestRecord.Version) return Outcome.Conflict(latestRecord);
        var latest = InstrumentCatalogue.Definition(latestRecord);
        var used = await db.InstrumentDefinitions.AsNoTracking().Where(d => d.Key == WomensOpdConfiguration.Key).Select(d => d.Json).ToListAsync(ct);
        var usedIds = used.SelectMany(j => InstrumentJson.Parse(j).Definition?.Items.Select(i => i.LinkId) ?? []).ToHashSet();
        var (next, errors) = WomensOpdConfiguration.Build(latest, usedIds, items, personalityThreshold, indicatorsThreshold);
        if (next is null) return Outcome.Invalid<InstrumentDefinitionRecord>(errors);

        var (record, publishErrors) = await InstrumentCatalogue.StagePublishAsync(db, InstrumentJson.Write(next), "clinical-lead-form", who.UserId, clock.GetUtcNow(), ct);
        if (record is null) return Outcome.Invalid<InstrumentDefinitionRecord>([.. publishErrors.Select(e => new FieldError(string.Empty, e)), .. errors]);
        audit.Add(AuditActions.Instrument.DefinitionPublish, "InstrumentDefinition", $"{record.Key}/{record.Version}", null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two leads publishing the same version number at once: the unique (key, version) index keeps one.
            db.ChangeTracker.Clear();
            return Outcome.Conflict(await LatestAsync(ct));
        }
        return record;
    }

    private Task<InstrumentDefinitionRecord> LatestAsync(CancellationToken ct) =>
        db.InstrumentDefinitions.AsNoTracking().Where(d => d.Key == WomensOpdConfiguration.Key).OrderByDescending(d => d.Version).FirstAsync(ct);
}
