using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Cases.DataOptOut;

/// <summary>
/// Records (or removes) that the person has registered the NHS national data opt-out, from <see cref="DataOptOutModel"/>.
/// Only the clinical lead may (the page's policy): the trust checks opt-outs against the national service and the clinical
/// lead is the one role that both sees referred cases and answers for the evaluation. Administrators see no case data.
/// The change carries the case's version, so a change made meanwhile by someone else is never silently overwritten.
/// </summary>
public sealed class SetNationalDataOptOut(PathwayDbContext db, AuditLog audit)
{
    public const string Yes = "yes";
    public const string No = "no";

    public async Task<Outcome<CaseRecord>> HandleAsync(CaseContext c, string? optedOut, int version, CancellationToken ct)
    {
        var record = c.Case;
        bool value;
        if (optedOut == Yes) value = true;
        else if (optedOut == No) value = false;
        else return Outcome.Invalid<CaseRecord>([new("OptedOut", "Select yes if the person has registered a national data opt-out")]);
        if (version != record.Version) return Outcome.Conflict(record);
        if (record.NationalDataOptOut == value) return record;

        record.NationalDataOptOut = value;
        db.Entry(record).Property(x => x.Version).OriginalValue = version;
        audit.Add(null, "Case", record.Id, record.Id, reason: value ? "opted out" : "opt-out removed");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(await db.Cases.AsNoTracking().FirstAsync(x => x.Id == record.Id, ct));
        }
        return record;
    }
}
