using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Events;
using Pathway.Domain.Access;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Signposting;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Compliance;
using Pathway.Web.Features.Signposting.Partner;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Signposting.Referrals;

/// <summary>A recorded move: what happened, on which date, and why where a reason is needed; with the version that was read.</summary>
public sealed record SignpostingMoveRequest(SignpostingReferralStatus? To, DateOnly? On, string? Reason, int? Version);

/// <summary>
/// Records what happened next to a signposting referral, by staff who may edit the case (<see cref="DetailModel"/>,
/// <c>POST /api/v1/cases/{id}/signposting/referrals/{signpostingId}/moves</c>) or by the partner agency it was sent to
/// (<see cref="ReferralModel"/>, <c>POST /api/v1/partner/referrals/{signpostingId}/moves</c>). The rules are
/// <see cref="SignpostingStateMachine"/>'s; a move against an older version changes nothing and answers the referral as
/// it stands. The move, its history row and its audit row are saved together.
/// </summary>
public sealed class RecordSignpostingMove(PathwayDbContext db, AuditLog audit, TimeProvider clock, SignpostingCalendar calendar, DomainEvents events)
{
    /// <summary>Staff: the referral must belong to the case in hand (already checked for edit); another case's is a 404 with a denied row.</summary>
    public async Task<Outcome<SignpostingReferral>> ByStaffAsync(CaseContext c, Guid signpostingId, SignpostingMoveRequest m, IReadOnlyList<FieldError> unreadable,
        CancellationToken ct)
    {
        var referral = await CaseRecordLookup.FindAsync(db.SignpostingReferrals.Include(x => x.Events), audit, c.Id, signpostingId, ct);
        if (referral is null) return Outcome.NotFound<SignpostingReferral>();
        return await MoveAsync(referral, m, unreadable, SignpostingActor.Staff, c.Who.UserId, ct);
    }

    /// <summary>Partner: only a referral sent to the partner's organisation exists for them (otherwise a 404 with a denied row).</summary>
    public async Task<Outcome<SignpostingReferral>> ByPartnerAsync(StaffContext who, Guid signpostingId, SignpostingMoveRequest m, IReadOnlyList<FieldError> unreadable,
        CancellationToken ct)
    {
        if (await PartnerReferrals.FindAsync(db, audit, who.TeamId, signpostingId, ct) is null) return Outcome.NotFound<SignpostingReferral>();
        var referral = await db.SignpostingReferrals.Include(x => x.Events).FirstAsync(x => x.Id == signpostingId, ct);
        return await MoveAsync(referral, m, unreadable, SignpostingActor.Partner, who.UserId, ct);
    }

    private async Task<Outcome<SignpostingReferral>> MoveAsync(SignpostingReferral referral, SignpostingMoveRequest m, IReadOnlyList<FieldError> unreadable,
        SignpostingActor actor, Guid byId, CancellationToken ct)
    {
        // A field that could not be read is reported on its own, before the rules below run.
        if (unreadable.Count > 0) return Outcome.Invalid<SignpostingReferral>(unreadable);
        var errors = new List<FieldError>();
        if (m.Version is null) errors.Add(new("Version", "Send the version of the referral you read"));
        if (m.To is null) errors.Add(new("To", "Choose what happened"));
        if (m.On is null) errors.Add(new("On", "Enter the date it happened"));
        if (errors.Count > 0) return Outcome.Invalid<SignpostingReferral>(errors);
        if (m.Version != referral.Version) return Outcome.Conflict(referral);
        var problems = SignpostingStateMachine.Validate(referral.Status, referral.StatusOn, m.To!.Value, m.On!.Value, m.Reason, actor, calendar.Today);
        if (problems.Count > 0)
            return Outcome.Invalid<SignpostingReferral>(problems.Select(p => p.Field switch { "Status" => p with { Field = "To" }, "Date" => p with { Field = "On" }, _ => p }).ToList());
        if (m.To == SignpostingReferralStatus.Referred && !referral.PersonConsented)
            return Outcome.Invalid<SignpostingReferral>([new("To", "Record that the person agreed to the referral before sending it: start a new referral with their agreement")]);

        // Added through the set, not the collection: a new row with its key already set, found only through a navigation,
        // would be taken for an existing one.
        var move = new SignpostingReferralEvent
        {
            ReferralId = referral.Id, From = referral.Status, To = m.To.Value, On = m.On.Value, ById = byId, ByPartner = actor == SignpostingActor.Partner,
            Reason = string.IsNullOrWhiteSpace(m.Reason) ? null : m.Reason.Trim(), RecordedAt = clock.GetUtcNow(),
        };
        db.SignpostingReferralEvents.Add(move);
        referral.Status = m.To.Value;
        referral.StatusOn = m.On.Value;
        if (m.To == SignpostingReferralStatus.Referred)
        {
            referral.ReferredOn = m.On;
            await UnmetNeedsMet.MarkAsync(db, referral.CaseId, referral.Need, calendar.Today, ct);
        }
        if (m.To == SignpostingReferralStatus.FirstAttended) referral.FirstAttendedOn = m.On;
        // Every event carries the person's CRN (the HMPPS person reference), whether or not this request loaded the case.
        var crn = m.To == SignpostingReferralStatus.Referred || actor == SignpostingActor.Partner
            ? await db.Cases.Where(x => x.Id == referral.CaseId).Select(x => x.Crn).SingleAsync(ct) : null;
        if (m.To == SignpostingReferralStatus.Referred)
        {
            var partnerTeamId = await db.DirectoryServices.Where(s => s.Id == referral.ServiceId).Select(s => s.Organisation!.PartnerTeamId).FirstOrDefaultAsync(ct);
            ReferToService.RaiseSent(events, referral, crn!, partnerTeamId);
        }
        if (actor == SignpostingActor.Partner)
            events.Raise(DomainEventTypes.SignpostingReferralReplied, referral.CaseId, crn, $"/cases/{referral.CaseId}/signposting/{referral.Id}",
                new { signpostingReferralId = referral.Id, referredById = referral.CreatedById });
        db.Entry(referral).Property(x => x.Version).OriginalValue = m.Version!.Value;
        audit.Add(AuditActions.Signposting.Move, "SignpostingReferral", referral.Id, referral.CaseId,
            reason: $"{move.From} to {m.To}{(actor == SignpostingActor.Partner ? " by the partner agency" : "")}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(await db.SignpostingReferrals.AsNoTracking().FirstAsync(x => x.Id == referral.Id, ct));
        }
        return referral;
    }
}
