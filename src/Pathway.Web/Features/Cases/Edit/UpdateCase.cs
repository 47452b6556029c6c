using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Access;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Cases.Edit;

/// <summary>
/// Changes a person's details, from <see cref="EditModel"/> or <c>PUT /api/v1/cases/{id}</c>; the case is already
/// checked for edit. The change carries the version it was read at: if someone else saved since, nothing is overwritten
/// and the outcome is a conflict with the case as saved now. Field errors are reported before a conflict, on the page as
/// on the API. Moving the case to another team, or touching the referral date, is checked by <see cref="CaseWritePolicy"/>.
/// </summary>
public sealed class UpdateCase(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <param name="referredToServiceOn">The referral date as sent (read-only: anything but the saved value is refused).</param>
    public async Task<Outcome<CaseRecord>> HandleAsync(CaseContext c, CaseDetails request, DateOnly? referredToServiceOn, int version,
        IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var record = c.Case;
        var errors = unreadable.ToList();
        errors.AddRange(CaseWritePolicy.Check(c.Who, new CaseVisibilityChange(record.TeamId, request.TeamId, record.ReferredToServiceOn, referredToServiceOn)));
        errors.AddRange(await CaseDetailsRules.ValidateAsync(request, db, record.Id, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct));
        if (errors.Count > 0) return Outcome.Invalid<CaseRecord>(errors);
        if (version != record.Version) return Outcome.Conflict(record);

        CaseDetailsRules.Apply(request, record, c.Who.UserId);
        // Guard the gap between loading and saving too: the update only matches the version we checked.
        db.Entry(record).Property(x => x.Version).OriginalValue = version;
        audit.Add(null, "Case", record.Id, record.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(await db.Cases.AsNoTracking().Include(x => x.Shares).Include(x => x.NamedStaff).AsSplitQuery()
                .FirstAsync(x => x.Id == record.Id, ct));
        }
        return record;
    }
}
