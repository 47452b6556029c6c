using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Licences;
using Pathway.Domain.Signposting;
using Pathway.Web.Features.Signposting.Matching;
using Pathway.Web.Infrastructure.Auditing;

namespace Pathway.Web.Features.Signposting;

/// <summary>A new signposting referral as entered. <see cref="SendNow"/> false keeps it as a suggestion to discuss with the person.</summary>
public sealed record NewSignpostingReferral(NeedArea? Need, string? ReasonForReferral, string? StaffSafetySummary, string? ContactRoute, bool PersonConsented, bool SendNow);

/// <summary>A recorded move: what happened, on which date, and why where a reason is needed.</summary>
public sealed record SignpostingMoveRequest(SignpostingReferralStatus? To, DateOnly? On, string? Reason, int? Version);

public sealed record SignpostingResult(SignpostingReferral? Referral, IReadOnlyList<FieldError> Errors, bool Conflict = false);

/// <summary>
/// Making a signposting referral and recording what happens to it, for staff (pages and API) and for the partner agency
/// that receives it. The rules are <see cref="SignpostingStateMachine"/> and <see cref="Matching"/>; this class loads,
/// checks and saves, writing the audit row and the history row in the same save.
/// </summary>
public sealed class SignpostingCommands(PathwayDbContext db, AuditLog audit, TimeProvider clock, IOptions<SignpostingOptions> options)
{
    public const int ReasonMax = 2000, SafetyMax = 1000, ContactMax = 500;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    public IReadOnlySet<DateOnly> BankHolidays => options.Value.Holidays;

    /// <summary>Refers (or suggests) the person to a service. A closed service, or one whose rules exclude the person, is refused with the reason.</summary>
    public async Task<SignpostingResult> CreateAsync(CaseRecord c, Guid serviceId, NewSignpostingReferral r, Guid byId, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var service = await db.DirectoryServices.AsNoTracking().Include(s => s.Organisation).FirstOrDefaultAsync(s => s.Id == serviceId, ct);
        if (service is null) return new(null, [new("ServiceId", "Choose a service from the directory")]);
        if (r.Need is not { } need) errors.Add(new("Need", "Choose the need this referral is for"));
        else
        {
            var match = Domain.Signposting.Matching.Assess(CaseMatching.FactsOf(c), service.ToListing(), need, Today);
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
        if (errors.Count > 0) return new(null, errors);

        var now = clock.GetUtcNow();
        var status = r.SendNow ? SignpostingReferralStatus.Referred : SignpostingReferralStatus.Suggested;
        var referral = new SignpostingReferral
        {
            CaseId = c.Id, ServiceId = serviceId, Need = r.Need!.Value, ReasonForReferral = r.ReasonForReferral!.Trim(),
            StaffSafetySummary = string.IsNullOrWhiteSpace(r.StaffSafetySummary) ? null : r.StaffSafetySummary.Trim(),
            ContactRoute = r.ContactRoute!.Trim(), PersonConsented = r.PersonConsented, Status = status, StatusOn = Today,
            ReferredOn = r.SendNow ? Today : null, CreatedById = byId, CreatedAt = now,
        };
        referral.Events.Add(new SignpostingReferralEvent { ReferralId = referral.Id, To = status, On = Today, ById = byId, RecordedAt = now });
        db.SignpostingReferrals.Add(referral);
        if (r.SendNow) await MarkNeedMetAsync(c.Id, referral.Need, ct);
        audit.Add("signposting.create", "SignpostingReferral", referral.Id, c.Id);
        await db.SaveChangesAsync(ct);
        return new(referral, []);
    }

    /// <summary>Records a move by staff or by the partner. The caller has loaded <paramref name="referral"/> tracked, with its events.</summary>
    public async Task<SignpostingResult> MoveAsync(SignpostingReferral referral, SignpostingMoveRequest m, SignpostingActor actor, Guid byId, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (m.Version is null) errors.Add(new("Version", "Send the version of the referral you read"));
        if (m.To is null) errors.Add(new("To", "Choose what happened"));
        if (m.On is null) errors.Add(new("On", "Enter the date it happened"));
        if (errors.Count > 0) return new(null, errors);
        if (m.Version != referral.Version) return new(referral, [], Conflict: true);
        var problems = SignpostingStateMachine.Validate(referral.Status, referral.StatusOn, m.To!.Value, m.On!.Value, m.Reason, actor, Today);
        if (problems.Count > 0) return new(null, problems.Select(p => p.Field switch { "Status" => p with { Field = "To" }, "Date" => p with { Field = "On" }, _ => p }).ToList());
        if (m.To == SignpostingReferralStatus.Referred && !referral.PersonConsented)
            return new(null, [new("To", "Record that the person agreed to the referral before sending it: start a new referral with their agreement")]);

        var now = clock.GetUtcNow();
        // Added through the set, not the collection: a new row with its key already set, found only through a navigation,
        // would be taken for an existing one.
        var move = new SignpostingReferralEvent
        {
            ReferralId = referral.Id, From = referral.Status, To = m.To.Value, On = m.On.Value, ById = byId, ByPartner = actor == SignpostingActor.Partner,
            Reason = string.IsNullOrWhiteSpace(m.Reason) ? null : m.Reason.Trim(), RecordedAt = now,
        };
        db.SignpostingReferralEvents.Add(move);
        referral.Status = m.To.Value;
        referral.StatusOn = m.On.Value;
        if (m.To == SignpostingReferralStatus.Referred)
        {
            referral.ReferredOn = m.On;
            await MarkNeedMetAsync(referral.CaseId, referral.Need, ct);
        }
        if (m.To == SignpostingReferralStatus.FirstAttended) referral.FirstAttendedOn = m.On;
        db.Entry(referral).Property(x => x.Version).OriginalValue = m.Version!.Value;
        audit.Add("signposting.move", "SignpostingReferral", referral.Id, referral.CaseId,
            reason: $"{move.From} to {m.To}{(actor == SignpostingActor.Partner ? " by the partner agency" : "")}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(await db.SignpostingReferrals.AsNoTracking().FirstAsync(x => x.Id == referral.Id, ct), [], Conflict: true);
        }
        return new(referral, []);
    }

    /// <summary>Records the needs no directory service can meet for this person today (once per need while it stays unmet).</summary>
    public async Task<IReadOnlyList<NeedArea>> RecordUnmetAsync(CaseRecord c, IReadOnlyList<NeedArea> unmet, Guid byId, CancellationToken ct)
    {
        var open = await db.UnmetNeeds.Where(u => u.CaseId == c.Id && u.MetOn == null).Select(u => u.Need).ToListAsync(ct);
        var added = unmet.Distinct().Where(n => !open.Contains(n)).ToList();
        foreach (var need in added)
        {
            var row = new UnmetNeed { CaseId = c.Id, Need = need, District = PostcodeAreas.DistrictOf(c.Postcode), RecordedOn = Today, RecordedById = byId };
            db.UnmetNeeds.Add(row);
            audit.Add("signposting.unmet.record", "UnmetNeed", row.Id, c.Id, reason: need.ToString());
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    public bool ResponseOverdue(SignpostingReferral r) => ResponseOverdue(r.Status, r.ReferredOn);

    /// <summary>Sent, and the partner has not answered within <see cref="WorkingDays.PartnerResponseDays"/> working days.</summary>
    public bool ResponseOverdue(SignpostingReferralStatus status, DateOnly? referredOn) =>
        status == SignpostingReferralStatus.Referred && referredOn is { } on && WorkingDays.ResponseOverdue(on, Today, BankHolidays);

    private async Task MarkNeedMetAsync(Guid caseId, NeedArea need, CancellationToken ct)
    {
        foreach (var u in await db.UnmetNeeds.Where(u => u.CaseId == caseId && u.Need == need && u.MetOn == null).ToListAsync(ct))
            u.MetOn = Today;
    }
}
