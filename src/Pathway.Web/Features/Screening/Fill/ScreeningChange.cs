using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Instruments;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Screening.Fill;

/// <summary>How a channel names an engine error's field: the page's <c>a.{id}</c>, the API's <c>answers.{id}</c>.</summary>
public delegate string ScreeningFieldName(InstrumentDefinition definition, string engineField);

/// <summary>
/// What saving a draft and completing a response share: find the response under the case, check the version the change
/// was read at (stale is a conflict with the response as saved now), apply the change (or report its field errors), and
/// save it with its audit row.
/// </summary>
public static class ScreeningChange
{
    public static async Task<Outcome<InstrumentResponse>> ApplyAsync(PathwayDbContext db, AuditLog audit, string action, CaseContext c, Guid responseId,
        int version, IReadOnlyList<FieldError> unreadable, ScreeningFieldName nameField, Func<InstrumentResponse, Task<IReadOnlyList<FieldError>>> change,
        CancellationToken ct)
    {
        var r = await ScreeningResponses.FindAsync(db.InstrumentResponses, c.Id, responseId, ct);
        if (r is null)
        {
            await audit.DeniedAsync("InstrumentResponse", responseId, c.Id, ct);
            return Outcome.NotFound<InstrumentResponse>();
        }
        if (unreadable.Count > 0) return Outcome.Invalid<InstrumentResponse>(unreadable);
        if (version != r.Version) return Outcome.Conflict(r);
        var errors = await change(r);
        if (errors.Count > 0)
        {
            var def = ScreeningResponses.DefinitionOf(r);
            return Outcome.Invalid<InstrumentResponse>(errors.Select(e => e with { Field = nameField(def, e.Field) }).ToList());
        }

        db.Entry(r).Property(x => x.Version).OriginalValue = version;
        audit.Add(action, "InstrumentResponse", r.Id, c.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict((await ScreeningResponses.FindAsync(db.InstrumentResponses.AsNoTracking(), c.Id, responseId, ct))!);
        }
        return r;
    }
}
