using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Licences;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Signposting.Directory;

/// <summary>
/// Adds an organisation to the directory (no id) or changes one, from <see cref="EditOrganisation.EditOrganisationModel"/>
/// or <c>POST/PUT /api/v1/directory/organisations</c>. A change carries the version that was read; one against an older
/// version changes nothing and answers the organisation as it stands.
/// </summary>
public sealed class SaveDirectoryOrganisation(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<DirectoryOrganisation>> HandleAsync(Guid? id, OrganisationDetails details, int? version, IReadOnlyList<FieldError> unreadable,
        CancellationToken ct)
    {
        var errors = unreadable.ToList();
        errors.AddRange(details.Validate(unreadable.Fields()));
        if (details.PartnerTeamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team && t.Kind == Domain.Staff.TeamKind.Partner, ct))
            errors.Add(new(nameof(OrganisationDetails.PartnerTeamId), "Choose a partner-organisation team, or none"));
        if (id is not null && version is null) errors.Add(new("Version", "Send the version of the organisation you are changing"));
        DirectoryOrganisation? org = null;
        if (id is { } existing)
        {
            org = await db.DirectoryOrganisations.FirstOrDefaultAsync(o => o.Id == existing, ct);
            if (org is null) return Outcome.NotFound<DirectoryOrganisation>();
        }
        // As before the rules were shared: a field that could not be read does not hide a duplicate name.
        if (errors.Count == unreadable.Count && await db.DirectoryOrganisations.AnyAsync(o => o.Name == details.Name!.Trim() && o.Id != (id ?? Guid.Empty), ct))
            errors.Add(new(nameof(OrganisationDetails.Name), "An organisation with this name is already in the directory"));
        if (errors.Count > 0) return Outcome.Invalid<DirectoryOrganisation>(errors);
        if (org is not null && version != org.Version) return Outcome.Conflict(await ReadAsync(org.Id, ct));

        if (org is null)
        {
            org = new DirectoryOrganisation { Name = "", CreatedAt = clock.GetUtcNow() };
            db.DirectoryOrganisations.Add(org);
        }
        else db.Entry(org).Property(o => o.Version).OriginalValue = version!.Value;
        details.ApplyTo(org);
        audit.Add(null, "DirectoryOrganisation", org.Id, null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(await ReadAsync(org.Id, ct));
        }
        return org;
    }

    private Task<DirectoryOrganisation> ReadAsync(Guid id, CancellationToken ct) => db.DirectoryOrganisations.AsNoTracking().FirstAsync(o => o.Id == id, ct);
}
