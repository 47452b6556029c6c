using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Screening.Start;

/// <summary>
/// Starts a draft of the newest version of an instrument that applies to the case, with the gates the case answers
/// filled in, from <see cref="StartModel"/> or <c>POST /api/v1/cases/{id}/screening</c>; the case is already checked for
/// edit. An instrument that does not apply, or is switched off for scoring (guidance only), is refused naming why.
/// </summary>
public sealed class StartScreening(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<InstrumentResponse>> HandleAsync(CaseContext c, string? instrumentKey, CancellationToken ct)
    {
        var (r, error) = await ScreeningResponses.StartAsync(db, c.Case, instrumentKey, c.Who.UserId, clock.GetUtcNow(), ct);
        if (r is null) return Outcome.Invalid<InstrumentResponse>([error!]);
        audit.Add(AuditActions.Screening.Create, "InstrumentResponse", r.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return r;
    }
}
