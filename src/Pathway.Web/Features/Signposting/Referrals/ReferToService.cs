using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Events;
using Pathway.Domain.Assessments;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Signposting;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Signposting.Matching;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Signposting.Referrals;

/// <summary>A new signposting referral as entered. <see cref="SendNow"/> false keeps it as a suggestion to discuss with the person.</summary>
public sealed record NewSignpostingReferral(Guid? ServiceId, NeedArea? Need, string? ReasonForReferral, string? StaffSafetySummary, string? ContactRoute,
    bool PersonConsented, bool SendNow);

/// <summary>
/// Refers (or suggests) the person to a directory service, from <see cref="ReferModel"/> or
/// <c>POST /api/v1/cases/{id}/signposting/referrals</c>; the case is already checked for edit. A closed service, or one
/// whose rules exclude the person (<see cref="Domain.Signposting.Matching"/>), is refused with the reason. Sending
/// marks the need met if it was recorded as unmet.
/// </summary>
public sealed class ReferToService(PathwayDbContext db, AuditLog audit, TimeProvider clock, SignpostingCalendar calendar, DomainEvents events)
{
    public const int ReasonMax = 2000, SafetyMax = 1000, ContactMax = 500;

    public async Task<Outcome<SignpostingReferral>> HandleAsync(CaseContext c, NewSignpostingReferral r, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        // A field the API could not read is reported on its own, as before the rules below run.
        if (unreadable.Count > 0) return Outcome.Invalid<SignpostingReferral>(unreadable);
        var errors = new List<FieldError>();
        var today = calendar.Today;
        var service = r.ServiceId is { } serviceId
            ? await db.DirectoryServices.AsNoTracking().Include(s => s.Organisation).FirstOrDefaultAsync(s => s.Id == serviceId, ct)
            : null;
        if (service is null) return Outcome.Invalid<SignpostingReferral>([new("ServiceId", "Choose a service from the directory")]);
        if (r.Need is not { } need) errors.Add(new("Need", "Choose the need this referral is for"));
        else
        {
            var match = Domain.Signposting.Matching.Assess(CaseMatching.FactsOf(c.Case), service.ToListing(), need, today);
            if (!service.OpenToReferrals)
                errors.Add(new("ServiceId", $"{service.Name} is closed to referrals. Choose another service, or record the need as unmet"));
            foreach (var reason in match.Excludes.Where(x => x.Text != "Closed to referrals"))
                errors.Add(new("ServiceId", $"{service.Name} cannot take this referral: {reason.Text}"));
        }
        if (string.IsNullOrWhiteSpace(r.ReasonForReferral)) errors.Add(new("ReasonForReferral", "Enter the reason for referral the service will see"));
        else if (r.ReasonForReferral.Length > ReasonMax) errors.Add(new("ReasonForReferral", $"Reason for referral must be {ReasonMax} characters or fewer"));
        if (r.StaffSafetySummary is { Length: > SafetyMax }) errors.Add(new("StaffSafetySummary", $"Staff safety summary must be {SafetyMax} characters or fewer"));
        if (string.IsNullOrWhiteSpace(r.ContactRoute)) errors.Add(new("ContactRoute", "Enter how the service should contact the person"));
        else if (r.ContactRoute.Length > ContactMax) errors.Add(new("ContactRoute", $"Contact route must be {ContactMax} characters or fewer"));
        if (r.SendNow && !r.PersonConsented)
            errors.Add(new("PersonConsented", "Record that the person agreed to the referral and to this information being shared before sending it"));
        if (errors.Count > 0) return Outcome.Invalid<SignpostingReferral>(errors);

        var now = clock.GetUtcNow();
        var byId = c.Who.UserId;
        var status = r.SendNow ? SignpostingReferralStatus.Referred : SignpostingReferralStatus.Suggested;
        var referral = new SignpostingReferral
        {
            CaseId = c.Id, ServiceId = service.Id, Need = r.Need!.Value, ReasonForReferral = r.ReasonForReferral!.Trim(),
            StaffSafetySummary = string.IsNullOrWhiteSpace(r.StaffSafetySummary) ? null : r.StaffSafetySummary.Trim(),
            ContactRoute = r.ContactRoute!.Trim(), PersonConsented = r.PersonConsented, Status = status, StatusOn = today,
            ReferredOn = r.SendNow ? today : null, CreatedById = byId, CreatedAt = now,
        };
        referral.Events.Add(new SignpostingReferralEvent { ReferralId = referral.Id, To = status, On = today, ById = byId, RecordedAt = now });
        db.SignpostingReferrals.Add(referral);
        if (r.SendNow) await UnmetNeedsMet.MarkAsync(db, c.Id, referral.Need, today, ct);
        audit.Add(AuditActions.Signposting.Create, "SignpostingReferral", referral.Id, c.Id);
        if (r.SendNow) RaiseSent(events, referral, c.Case.Crn, service.Organisation!.PartnerTeamId);
        await db.SaveChangesAsync(ct);
        return referral;
    }

    /// <summary>A referral sent to a service: its organisation's partner-agency team hears of it (a partner reads it at /partner).</summary>
    internal static void RaiseSent(DomainEvents events, SignpostingReferral referral, string crn, Guid? partnerTeamId) =>
        events.Raise(DomainEventTypes.SignpostingReferralSent, referral.CaseId, crn, $"/partner/referrals/{referral.Id}",
            new { signpostingReferralId = referral.Id, partnerTeamId });
}
