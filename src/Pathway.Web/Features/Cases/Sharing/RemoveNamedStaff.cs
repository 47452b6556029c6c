using Pathway.Data;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Cases.Sharing;

/// <summary>
/// Takes a member of staff off a restricted case, from <see cref="SharingModel"/>; the case is already checked for edit.
/// Nobody may remove themselves, which keeps at least one editor on the case: whoever can do this is named on it.
/// </summary>
public sealed class RemoveNamedStaff(PathwayDbContext db, AuditLog audit)
{
    public async Task<Outcome<SharingSaved>> HandleAsync(CaseContext c, Guid userId, CancellationToken ct)
    {
        var record = c.Case;
        if (!record.IsRestricted) return Outcome.NotFound<SharingSaved>();
        if (userId == c.Who.UserId)
            return Outcome.Invalid<SharingSaved>([new("", "You cannot remove yourself from this case. Ask another named member of staff to do it")]);
        var row = record.NamedStaff.FirstOrDefault(n => n.UserId == userId);
        if (row is null) return new SharingSaved(record, Changed: false);

        db.CaseNamedStaff.Remove(row);
        audit.Add(null, "CaseNamedStaff", userId, record.Id, AuditOutcome.Allowed, "named staff removed");
        return await SharingSaved.SaveAsync(db, new SharingSaved(record, Changed: true), ct);
    }
}
