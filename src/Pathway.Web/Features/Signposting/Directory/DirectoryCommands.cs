using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;

namespace Pathway.Web.Features.Signposting.Directory;

/// <summary>What happened to a save: the saved record, the problems that stopped it, or the newer copy someone else saved.</summary>
public sealed record DirectorySave<T>(T? Saved, IReadOnlyList<FieldError> Errors, T? Current) where T : class
{
    public bool Conflict => Current is not null;
    public static DirectorySave<T> Invalid(IReadOnlyList<FieldError> errors) => new(null, errors, null);
    public static DirectorySave<T> Stale(T current) => new(null, [], current);
}

/// <summary>
/// Adding, changing and verifying directory entries, shared by the pages and the API. Every save carries the version
/// that was read; a save against an older version changes nothing and returns the current copy.
/// </summary>
public sealed class DirectoryCommands(PathwayDbContext db, AuditLog audit, TimeProvider clock, IHttpContextAccessor http)
{
    private Guid? UserId => http.HttpContext?.User.ToStaffContext().UserId is { } u && u != Guid.Empty ? u : null;

    public static IQueryable<DirectoryService> WithOrganisation(IQueryable<DirectoryService> q) => q.Include(s => s.Organisation);

    public async Task<DirectorySave<DirectoryService>> SaveServiceAsync(Guid? id, ServiceDetails details, int? version, IReadOnlySet<string> alreadyFailed, CancellationToken ct)
    {
        var errors = details.Validate(alreadyFailed).ToList();
        if (details.OrganisationId is { } org && !await db.DirectoryOrganisations.AnyAsync(o => o.Id == org, ct))
            errors.Add(new(nameof(ServiceDetails.OrganisationId), "Choose an organisation from the directory"));
        if (id is not null && version is null) errors.Add(new("Version", "Send the version of the entry you are changing"));

        DirectoryService? service = null;
        if (id is { } existing)
        {
            service = await db.DirectoryServices.FirstOrDefaultAsync(s => s.Id == existing, ct);
            if (service is null) return DirectorySave<DirectoryService>.Invalid([new("Id", "There is no such service in the directory")]);
        }
        if (errors.Count == 0 && details.Name is { } name && details.OrganisationId is { } o2 &&
            await db.DirectoryServices.AnyAsync(s => s.OrganisationId == o2 && s.Name == name.Trim() && s.Id != (id ?? Guid.Empty), ct))
            errors.Add(new(nameof(ServiceDetails.Name), "This organisation already has a service with this name"));
        // Fields that failed to parse are the caller's errors: nothing is saved while any remain.
        if (errors.Count > 0 || alreadyFailed.Count > 0) return DirectorySave<DirectoryService>.Invalid(errors);
        if (service is not null && version != service.Version) return DirectorySave<DirectoryService>.Stale(await ReadServiceAsync(service.Id, ct));

        if (service is null)
        {
            service = new DirectoryService { Name = "", ReferralRoute = "", CreatedAt = clock.GetUtcNow(), LastVerifiedOn = Today, LastVerifiedById = UserId };
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
            return DirectorySave<DirectoryService>.Stale(await ReadServiceAsync(service.Id, ct));
        }
        return new(await ReadServiceAsync(service.Id, ct), [], null);
    }

    /// <summary>Records that someone checked the entry with the organisation today.</summary>
    public async Task<DirectorySave<DirectoryService>> VerifyServiceAsync(Guid id, int? version, CancellationToken ct)
    {
        if (version is null) return DirectorySave<DirectoryService>.Invalid([new("Version", "Send the version of the entry you checked")]);
        var service = await db.DirectoryServices.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (service is null) return DirectorySave<DirectoryService>.Invalid([new("Id", "There is no such service in the directory")]);
        if (service.Version != version) return DirectorySave<DirectoryService>.Stale(await ReadServiceAsync(id, ct));
        service.LastVerifiedOn = Today;
        service.LastVerifiedById = UserId;
        db.Entry(service).Property(s => s.Version).OriginalValue = version.Value;
        audit.Add(null, "DirectoryService", service.Id, null, reason: "verified");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DirectorySave<DirectoryService>.Stale(await ReadServiceAsync(id, ct));
        }
        return new(await ReadServiceAsync(id, ct), [], null);
    }

    public async Task<DirectorySave<DirectoryOrganisation>> SaveOrganisationAsync(Guid? id, OrganisationDetails details, int? version, IReadOnlySet<string> alreadyFailed, CancellationToken ct)
    {
        var errors = details.Validate(alreadyFailed).ToList();
        if (details.PartnerTeamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team && t.Kind == Domain.Staff.TeamKind.Partner, ct))
            errors.Add(new(nameof(OrganisationDetails.PartnerTeamId), "Choose a partner-organisation team, or none"));
        if (id is not null && version is null) errors.Add(new("Version", "Send the version of the organisation you are changing"));
        DirectoryOrganisation? org = null;
        if (id is { } existing)
        {
            org = await db.DirectoryOrganisations.FirstOrDefaultAsync(o => o.Id == existing, ct);
            if (org is null) return DirectorySave<DirectoryOrganisation>.Invalid([new("Id", "There is no such organisation in the directory")]);
        }
        if (errors.Count == 0 && await db.DirectoryOrganisations.AnyAsync(o => o.Name == details.Name!.Trim() && o.Id != (id ?? Guid.Empty), ct))
            errors.Add(new(nameof(OrganisationDetails.Name), "An organisation with this name is already in the directory"));
        if (errors.Count > 0 || alreadyFailed.Count > 0) return DirectorySave<DirectoryOrganisation>.Invalid(errors);
        if (org is not null && version != org.Version)
            return DirectorySave<DirectoryOrganisation>.Stale(await db.DirectoryOrganisations.AsNoTracking().FirstAsync(o => o.Id == org.Id, ct));

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
            return DirectorySave<DirectoryOrganisation>.Stale(await db.DirectoryOrganisations.AsNoTracking().FirstAsync(o => o.Id == org.Id, ct));
        }
        return new(org, [], null);
    }

    public Task<DirectoryService> ReadServiceAsync(Guid id, CancellationToken ct) =>
        WithOrganisation(db.DirectoryServices.AsNoTracking()).FirstAsync(s => s.Id == id, ct);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
