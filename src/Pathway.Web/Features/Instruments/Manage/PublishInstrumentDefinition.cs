using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Instruments;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Instruments.Manage;

/// <summary>
/// Publishes a new definition version from its JSON, from <see cref="ManageModel"/> or <c>POST /api/v1/instruments</c>
/// (administrators). An invalid definition, or one whose version is not newer than the newest published, is refused with
/// every problem named under <see cref="Field"/>; nothing is saved.
/// </summary>
public sealed class PublishInstrumentDefinition(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string Field = "Definition";

    public async Task<Outcome<InstrumentDefinitionRecord>> HandleAsync(string? json, StaffContext who, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(json)) return Outcome.Invalid<InstrumentDefinitionRecord>([new(Field, "Paste the definition JSON")]);
        var (record, errors) = await InstrumentCatalogue.StagePublishAsync(db, json, "upload", who.UserId, clock.GetUtcNow(), ct);
        if (record is null) return Outcome.Invalid<InstrumentDefinitionRecord>(errors.Select(e => new FieldError(Field, e)).ToList());
        audit.Add(AuditActions.Instrument.DefinitionPublish, "InstrumentDefinition", $"{record.Key}/{record.Version}", null);
        await db.SaveChangesAsync(ct);
        return record;
    }
}
