using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Events;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Consultations.Edit;

/// <summary>
/// Changes a consultation and its actions, from <see cref="EditModel"/> or <c>PUT /api/v1/cases/{id}/consultations/{consultationId}</c>.
/// The change carries the version it was read at: if someone else saved since, nothing is overwritten and the outcome
/// is a conflict with the consultation as saved now. Field errors are reported before a conflict.
/// </summary>
public sealed class UpdateConsultation(PathwayDbContext db, AuditLog audit, TimeProvider clock, DomainEvents events)
{
    public async Task<Outcome<Consultation>> HandleAsync(CaseContext c, Guid consultationId, ConsultationDetails details, IReadOnlyList<Guid?> actionIds,
        int? version, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var con = await db.Consultations.Include(x => x.Attendees).Include(x => x.Actions).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == consultationId && x.CaseId == c.Id, ct);
        if (con is null) return Outcome.NotFound<Consultation>();
        var errors = unreadable.ToList();
        if (version is null) errors.Insert(0, new("Version", "Send the version of the consultation you are changing (from a GET)"));
        errors.AddRange(ConsultationRules.Validate(details, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), errors.Select(e => e.Field).ToHashSet()));
        var candidates = await ConsultationPeople.CandidatesAsync(db, c.Case, ct);
        errors.AddRange(ConsultationPeople.CheckPeople(details, candidates));
        for (var i = 0; i < actionIds.Count; i++)
            if (actionIds[i] is { } aid && con.Actions.All(a => a.Id != aid)) errors.Add(new($"Actions[{i}].Id", $"Action {i + 1} is not an action of this consultation"));
        if (errors.Count > 0) return Outcome.Invalid<Consultation>(errors);
        if (version != con.Version) return Outcome.Conflict(await ConsultationPeople.ReadAsync(db, consultationId, ct));

        var ownersBefore = con.Actions.ToDictionary(a => a.Id, a => a.OwnerId);
        ConsultationPeople.Apply(con, details, actionIds, candidates, clock.GetUtcNow());
        // A new action, or one given to someone else, now waits for its owner.
        foreach (var action in con.Actions.Where(a => !ownersBefore.TryGetValue(a.Id, out var owner) || owner != a.OwnerId))
            events.Raise(DomainEventTypes.ConsultationActionAssigned, c.Case, $"/cases/{c.Id}/consultations/{con.Id}",
                new { consultationId = con.Id, actionId = action.Id, ownerId = action.OwnerId });
        db.Entry(con).Property(x => x.Version).OriginalValue = version!.Value;
        // The attendee list is replaced, which EF sees only as child rows; mark the consultation changed so its version moves.
        db.Entry(con).State = EntityState.Modified;
        audit.Add(null, "Consultation", con.Id, c.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(await ConsultationPeople.ReadAsync(db, consultationId, ct));
        }
        return con;
    }
}
