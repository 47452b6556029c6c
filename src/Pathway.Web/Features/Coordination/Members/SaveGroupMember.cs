using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Coordination.Members;

public sealed record MemberDetails(Guid? OrganisationId, bool ThisService, DateOnly? JoinedOn, DateOnly? LeftOn);

/// <summary>
/// Adds a member organisation to the group (no id) or changes one, from <see cref="EditMemberModel"/> or
/// <c>POST/PUT /api/v1/coordination-group/members</c>: a directory organisation or this service, once each, with the
/// dates it joined and left. A change carries the version that was read. Answers the member's id.
/// </summary>
public sealed class SaveGroupMember(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid? id, MemberDetails d, int? version, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var errors = unreadable.ToList();
        GroupMember? m = null;
        if (id is { } existing && (m = await db.GroupMembers.FirstOrDefaultAsync(x => x.Id == existing, ct)) is null) return Outcome.NotFound<Guid>();
        if (m is not null && version is null) errors.Add(new("Version", "Send the version of the member you are changing"));
        if (d.ThisService == (d.OrganisationId is not null)) errors.Add(new("OrganisationId", "Choose an organisation from the directory, or this service"));
        else if (d.OrganisationId is { } org && !await db.DirectoryOrganisations.AnyAsync(o => o.Id == org, ct))
            errors.Add(new("OrganisationId", "Choose an organisation from the directory"));
        else if (await db.GroupMembers.AnyAsync(x => x.OrganisationId == d.OrganisationId && x.Id != (id ?? Guid.Empty), ct))
            errors.Add(new("OrganisationId", "This organisation is already a member of the group"));
        if (d.JoinedOn is null) errors.Add(new("JoinedOn", "Enter the date the organisation joined the group"));
        else if (d.LeftOn is { } left && left < d.JoinedOn) errors.Add(new("LeftOn", "The date it left must be on or after the date it joined"));
        if (errors.Count > 0) return GroupChanges.Invalid(errors);
        if (m is null)
        {
            m = new GroupMember { CreatedAt = clock.GetUtcNow() };
            db.GroupMembers.Add(m);
        }
        else db.Entry(m).Property(x => x.Version).OriginalValue = version!.Value;
        (m.OrganisationId, m.JoinedOn, m.LeftOn) = (d.OrganisationId, d.JoinedOn!.Value, d.LeftOn);
        audit.Add(null, "GroupMember", m.Id, null);
        return await GroupChanges.SaveAsync(db, m.Id, ct);
    }
}
