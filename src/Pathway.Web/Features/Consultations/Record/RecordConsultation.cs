using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Events;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Referrals;
using Pathway.Web.Features.Referrals.MoveStage;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Consultations.Record;

/// <summary>
/// Records a consultation on the case's open referral, from <see cref="RecordModel"/> or
/// <c>POST /api/v1/cases/{id}/consultations</c>. The first one on a referral still at Referred moves it to Consultation.
/// Without an open referral there is nothing to record it on: the outcome is not found (the API answers 409, as the
/// case itself was found).
/// </summary>
public sealed class RecordConsultation(PathwayDbContext db, AuditLog audit, TimeProvider clock, DomainEvents events)
{
    public const string NoOpenReferral = "There is no open referral for this person. Refer them to the PD service before recording a consultation";

    public async Task<Outcome<Consultation>> HandleAsync(CaseContext c, ConsultationDetails details, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = unreadable.ToList();
        errors.AddRange(ConsultationRules.Validate(details, today, errors.Select(e => e.Field).ToHashSet()));
        var candidates = await ConsultationPeople.CandidatesAsync(db, c.Case, ct);
        errors.AddRange(ConsultationPeople.CheckPeople(details, candidates));
        if (errors.Count > 0) return Outcome.Invalid<Consultation>(errors);
        var referral = await ReferralQueries.OpenAsync(db.Referrals.Include(r => r.StageChanges), c.Id, ct);
        if (referral is null) return Outcome.NotFound<Consultation>();

        var now = clock.GetUtcNow();
        var me = c.Who.UserId;
        var con = new Consultation { CaseId = c.Id, ReferralId = referral.Id, Advice = "", RecordedById = me, CreatedAt = now };
        ConsultationPeople.Apply(con, details, details.Actions.Select(_ => (Guid?)null).ToList(), candidates, now);
        if (referral.Stage == PathwayStage.Referred) MoveReferralStage.Apply(referral, PathwayStage.Consultation, null, me, now);
        db.Consultations.Add(con);
        audit.Add(null, "Consultation", con.Id, c.Id);
        foreach (var action in con.Actions)
            events.Raise(DomainEventTypes.ConsultationActionAssigned, c.Case, $"/cases/{c.Id}/consultations/{con.Id}",
                new { consultationId = con.Id, actionId = action.Id, ownerId = action.OwnerId });
        await db.SaveChangesAsync(ct);
        return con;
    }
}
