using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Cases.Sharing;

/// <summary>
/// Names a member of staff on a restricted case (the only people who can see it), found by email address, from
/// <see cref="SharingModel"/>; the case is already checked for edit. A case that is not restricted is not found here.
/// </summary>
public sealed class AddNamedStaff(PathwayDbContext db, AuditLog audit)
{
    public async Task<Outcome<SharingSaved>> HandleAsync(CaseContext c, string? email, CancellationToken ct)
    {
        var record = c.Case;
        if (!record.IsRestricted) return Outcome.NotFound<SharingSaved>();
        email = email?.Trim() ?? "";
        if (email.Length == 0) return Invalid("Enter the email address of the person to name on this case");

        var upper = email.ToUpperInvariant();
        var person = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == upper && u.DisabledAt == null)
            .Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        var roles = person is null ? [] : await db.UserRoles.Where(ur => ur.UserId == person.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(ct);
        // Someone whose role cannot see case data would gain nothing from being named, so say so now.
        var seesCases = roles.Any(r => Enum.TryParse<StaffRole>(r, out var sr) && StaffRoles.SeesCaseData(sr));
        if (person is null || !seesCases) return Invalid("No active member of staff who can see case data has that email address");
        if (record.NamedStaff.Any(n => n.UserId == person.Id)) return Invalid($"{person.DisplayName} is already named on this case");

        db.CaseNamedStaff.Add(new CaseNamedStaff { CaseId = record.Id, UserId = person.Id });
        audit.Add(null, "CaseNamedStaff", person.Id, record.Id, AuditOutcome.Allowed, "named staff added");
        return await SharingSaved.SaveAsync(db, new SharingSaved(record, Changed: true, person.DisplayName), ct);
    }

    private static Outcome<SharingSaved> Invalid(string message) => Outcome.Invalid<SharingSaved>([new("Email", message)]);
}
