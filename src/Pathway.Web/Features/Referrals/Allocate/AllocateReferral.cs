using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Events;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Referrals;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Outbox;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Referrals.Allocate;

/// <summary>
/// Allocates the case's open referral to a psychologist, from <see cref="AllocateModel"/> or
/// <c>POST /api/v1/cases/{id}/referral/allocation</c>: the clinical lead allocates to anyone in the service, a
/// psychologist only to themselves (forbidden otherwise, with a denied audit row). The psychologist becomes the case's
/// psychologist, so it is on their caseload. The change carries the version read; a stale one is a conflict.
/// </summary>
public sealed class AllocateReferral(PathwayDbContext db, AuditLog audit, TimeProvider clock, DomainEvents events)
{
    public const string Refused = "A psychologist may take a referral for themselves only; the clinical lead allocates to others";

    public async Task<Outcome<Referral>> HandleAsync(CaseContext c, Guid? psychologistId, int? version, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        if (unreadable.Count > 0) return Outcome.Invalid<Referral>(unreadable);
        var r = await ReferralQueries.OpenAsync(db.Referrals, c.Id, ct);
        if (r is null) return Outcome.NotFound<Referral>();
        if (!ReferralAccessRules.CanAllocateTo(c.Who, psychologistId!.Value))
        {
            await audit.WriteAsync(null, "Referral", r.Id, c.Id, AuditOutcome.Denied, Refused, ct: ct);
            return Outcome.Forbidden<Referral>(Refused);
        }
        if ((await ReferralQueries.PsychologistsAsync(db, ct)).All(p => p.Id != psychologistId))
            return Outcome.Invalid<Referral>([new("PsychologistId", "Choose a psychologist in the PD service")]);
        if (version != r.Version) return Outcome.Conflict(await ReferralQueries.ReadAsync(db, r.Id, ct));

        r.AllocatedPsychologistId = psychologistId;
        r.AllocatedAt = clock.GetUtcNow();
        c.Case.PsychologistId = psychologistId;
        events.Raise(DomainEventTypes.ReferralAllocated, c.Case, $"/cases/{c.Id}/pathway", new { referralId = r.Id, psychologistId });
        return await SaveAsync(db, audit, c, r, version!.Value, ct);
    }

    /// <summary>Saves a change to the referral from the version read, with its audit row; losing a race is a conflict.</summary>
    internal static async Task<Outcome<Referral>> SaveAsync(PathwayDbContext db, AuditLog audit, CaseContext c, Referral r, int version, CancellationToken ct)
    {
        db.Entry(r).Property(x => x.Version).OriginalValue = version;
        audit.Add(null, "Referral", r.Id, c.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(await ReferralQueries.ReadAsync(db, r.Id, ct));
        }
        return r;
    }
}
