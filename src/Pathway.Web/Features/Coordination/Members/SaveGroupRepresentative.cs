using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Coordination.Members;

public sealed record RepresentativeDetails(string? Name, string? Title, string? Email, Guid? StaffUserId, DateOnly? ActiveFrom, DateOnly? LeftOn);

/// <summary>
/// Adds a representative to a member organisation (no id, with the member's) or changes one, from
/// <see cref="EditRepresentativeModel"/> or the API. A change carries the version that was read. Answers the
/// representative's id.
/// </summary>
public sealed class SaveGroupRepresentative(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid? id, Guid memberId, RepresentativeDetails d, int? version, IReadOnlyList<FieldError> unreadable,
        CancellationToken ct)
    {
        var errors = unreadable.ToList();
        GroupRepresentative? r = null;
        if (id is { } existing && (r = await db.GroupRepresentatives.FirstOrDefaultAsync(x => x.Id == existing, ct)) is null) return Outcome.NotFound<Guid>();
        if (r is not null) memberId = r.MemberId;
        else if (!await db.GroupMembers.AnyAsync(m => m.Id == memberId, ct)) return Outcome.NotFound<Guid>();
        if (r is not null && version is null) errors.Add(new("Version", "Send the version of the representative you are changing"));
        if (string.IsNullOrWhiteSpace(d.Name)) errors.Add(new("Name", "Enter the representative's name"));
        else if (d.Name.Trim().Length > 200) errors.Add(new("Name", "Name must be 200 characters or fewer"));
        if (string.IsNullOrWhiteSpace(d.Title)) errors.Add(new("Title", "Enter their role or job title"));
        else if (d.Title.Trim().Length > 200) errors.Add(new("Title", "Role must be 200 characters or fewer"));
        if (!string.IsNullOrWhiteSpace(d.Email) && (d.Email.Trim().Length > 320 || !System.Net.Mail.MailAddress.TryCreate(d.Email.Trim(), out _)))
            errors.Add(new("Email", "Enter an email address in the correct format, like name@example.org"));
        if (d.StaffUserId is { } staff && !await db.Users.AnyAsync(u => u.Id == staff, ct)) errors.Add(new("StaffUserId", "Choose a Pathway user, or none"));
        if (d.ActiveFrom is null) errors.Add(new("ActiveFrom", "Enter the date they started representing the organisation"));
        else if (d.LeftOn is { } left && left < d.ActiveFrom) errors.Add(new("LeftOn", "The date they left must be on or after the date they started"));
        if (errors.Count > 0) return GroupChanges.Invalid(errors);
        if (r is null)
        {
            r = new GroupRepresentative { MemberId = memberId, Name = "", Title = "", CreatedAt = clock.GetUtcNow() };
            db.GroupRepresentatives.Add(r);
        }
        else db.Entry(r).Property(x => x.Version).OriginalValue = version!.Value;
        (r.Name, r.Title, r.Email, r.StaffUserId, r.ActiveFrom, r.LeftOn) =
            (d.Name!.Trim(), d.Title!.Trim(), string.IsNullOrWhiteSpace(d.Email) ? null : d.Email.Trim(), d.StaffUserId, d.ActiveFrom!.Value, d.LeftOn);
        audit.Add(null, "GroupRepresentative", r.Id, null);
        return await GroupChanges.SaveAsync(db, r.Id, ct);
    }
}
