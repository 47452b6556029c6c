using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.CarePlans;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Incidents.Record;

/// <summary>
/// Records an incident, from <see cref="RecordModel"/> or <c>POST /api/v1/cases/{id}/incidents</c>. Read access to the
/// case is enough: approved-premises staff record incidents on residents they can see, as do psychologists and
/// offender managers. An incident cannot be in the future.
/// </summary>
public sealed class RecordIncident(PathwayDbContext db, AuditLog audit, TimeProvider clock, CarePlanAccess access)
{
    /// <param name="unreadable">Fields that could not be read (a date that is not a date), reported with the rest.</param>
    public async Task<Outcome<Incident>> HandleAsync(CaseContext c, NewIncident input, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        if (await access.ViewAsync(c, ct, "Incident") is null) return Outcome.NotFound<Incident>();
        var errors = unreadable.ToList();
        input.Validate(clock.GetUtcNow(), errors);
        if (errors.Count > 0) return Outcome.Invalid<Incident>(errors);
        var incident = input.ToIncident(c.Id, c.Who.UserId, clock.GetUtcNow());
        db.Incidents.Add(incident);
        audit.Add(AuditActions.Incident.Create, "Incident", incident.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return incident;
    }
}
