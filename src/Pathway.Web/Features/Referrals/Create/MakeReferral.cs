using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Events;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Referrals.Create;

/// <summary>
/// Refers the case to the PD service, from <see cref="CreateModel"/> or <c>POST /api/v1/cases/{id}/referrals</c>: a
/// referral at the Referred stage, and the case marked as referred to the service, which is what opens it to the
/// service's psychologists (docs/architecture.md, access model). One open referral at a time: with one already open the
/// outcome is a conflict with it.
/// </summary>
public sealed class MakeReferral(PathwayDbContext db, AuditLog audit, TimeProvider clock, DomainEvents events)
{
    public const string AlreadyOpen = "This person already has an open referral to the PD service. Add to it through a consultation, or withdraw it before referring again";

    public async Task<Outcome<Referral>> HandleAsync(CaseContext c, ReferralDetails d, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var errors = unreadable.ToList();
        errors.AddRange(ReferralRules.Validate(d, errors.Select(e => e.Field).ToHashSet()));
        if (errors.Count > 0) return Outcome.Invalid<Referral>(errors);
        if (await ReferralQueries.OpenAsync(db.Referrals, c.Id, ct) is { } open) return Outcome.Conflict(open);

        var now = clock.GetUtcNow();
        var by = c.Who.UserId;
        var r = new Referral
        {
            CaseId = c.Id, ReferredById = by, ReferredAt = now,
            Reason = d.Reason!.Trim(), Questions = d.Questions!.Trim(),
            ConcernsBehaviour = ReferralQueries.Clean(d.ConcernsBehaviour), ConcernsEmotions = ReferralQueries.Clean(d.ConcernsEmotions),
            ConcernsThinking = ReferralQueries.Clean(d.ConcernsThinking), ConcernsRelationships = ReferralQueries.Clean(d.ConcernsRelationships),
            Urgency = d.Urgency!.Value, SharingBasis = d.SharingBasis!.Value,
            LawfulBasis = d.LawfulBasis ?? ReferralOptions.Usual,
            LawfulBasisNote = ReferralQueries.Clean(d.LawfulBasisNote),
            Stage = PathwayStage.Referred, StageEnteredAt = now, CreatedAt = now,
        };
        r.StageChanges.Add(new PathwayStageChange { ReferralId = r.Id, From = null, To = PathwayStage.Referred, At = now, ById = by });
        c.Case.ReferredToServiceOn = DateOnly.FromDateTime(now.UtcDateTime);
        db.Referrals.Add(r);
        audit.Add(null, "Referral", r.Id, c.Id);
        events.Raise(DomainEventTypes.ReferralCreated, c.Case, "/referrals", new { referralId = r.Id });
        await db.SaveChangesAsync(ct);
        return r;
    }
}
