using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Licences;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Signposting.Directory;

/// <summary>
/// Adds a service to the directory (no id) or changes one, from <see cref="EditService.EditServiceModel"/> or
/// <c>POST/PUT /api/v1/directory/services</c>. Contradictory eligibility rules are refused with the reason; a change
/// carries the version that was read, and one against an older version changes nothing and answers the entry as it
/// stands. Not about a case: the directory holds no personal data.
/// </summary>
public sealed class SaveDirectoryService(PathwayDbContext db, AuditLog audit, TimeProvider clock, IHttpContextAccessor http)
{
    public async Task<Outcome<DirectoryService>> HandleAsync(Guid? id, ServiceDetails details, int? version, IReadOnlyList<FieldError> unreadable, CancellationToken ct)
    {
        var errors = unreadable.ToList();
        errors.AddRange(details.Validate(unreadable.Fields()));
        if (details.OrganisationId is { } org && !await db.DirectoryOrganisations.AnyAsync(o => o.Id == org, ct))
            errors.Add(new(nameof(ServiceDetails.OrganisationId), "Choose an organisation from the directory"));
        if (id is not null && version is null) errors.Add(new("Version", "Send the version of the entry you are changing"));

        DirectoryService? service = null;
        if (id is { } existing)
        {
            service = await db.DirectoryServices.FirstOrDefaultAsync(s => s.Id == existing, ct);
            if (service is null) return Outcome.NotFound<DirectoryService>();
        }
        // As before the rules were shared: a field that could not be read does not hide a duplicate name.
        if (errors.Count == unreadable.Count && details.Name is { } name && details.OrganisationId is { } o2 &&
            await db.DirectoryServices.AnyAsync(s => s.OrganisationId == o2 && s.Name == name.Trim() && s.Id != (id ?? Guid.Empty), ct))
            errors.Add(new(nameof(ServiceDetails.Name), "This organisation already has a service with this name"));
        if (errors.Count > 0) return Outcome.Invalid<DirectoryService>(errors);
        if (service is not null && version != service.Version) return Outcome.Conflict(await DirectoryServiceRead.ByIdAsync(db, service.Id, ct));

        if (service is null)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            service = new DirectoryService { Name = "", ReferralRoute = "", CreatedAt = clock.GetUtcNow(), LastVerifiedOn = today, LastVerifiedById = http.SignedInUserId() };
            db.DirectoryServices.Add(service);
        }
        else db.Entry(service).Property(s => s.Version).OriginalValue = version!.Value;
        details.ApplyTo(service);
        audit.Add(null, "DirectoryService", service.Id, null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(await DirectoryServiceRead.ByIdAsync(db, service.Id, ct));
        }
        return await DirectoryServiceRead.ByIdAsync(db, service.Id, ct);
    }
}

/// <summary>Reading back a directory service as it is now saved, and who is saving.</summary>
internal static class DirectoryServiceRead
{
    public static Task<DirectoryService> ByIdAsync(PathwayDbContext db, Guid id, CancellationToken ct) =>
        DirectoryQueries.WithOrganisation(db.DirectoryServices.AsNoTracking()).FirstAsync(s => s.Id == id, ct);

    public static Guid? SignedInUserId(this IHttpContextAccessor http) =>
        http.HttpContext?.User.ToStaffContext().UserId is { } u && u != Guid.Empty ? u : null;
}
