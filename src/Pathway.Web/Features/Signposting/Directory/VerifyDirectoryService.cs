using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Signposting.Directory;

/// <summary>
/// Records that someone checked a directory entry with the organisation today, from <see cref="Service.ServiceModel"/>
/// or <c>POST /api/v1/directory/services/{id}/verify</c>. The check is of the version that was read: a newer one answers
/// a conflict with the entry as it stands.
/// </summary>
public sealed class VerifyDirectoryService(PathwayDbContext db, AuditLog audit, TimeProvider clock, IHttpContextAccessor http)
{
    public async Task<Outcome<DirectoryService>> HandleAsync(Guid id, int? version, CancellationToken ct)
    {
        if (version is null) return Outcome.Invalid<DirectoryService>([new("Version", "Send the version of the entry you checked")]);
        var service = await db.DirectoryServices.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (service is null) return Outcome.NotFound<DirectoryService>();
        if (service.Version != version) return Outcome.Conflict(await DirectoryServiceRead.ByIdAsync(db, id, ct));
        service.LastVerifiedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        service.LastVerifiedById = http.SignedInUserId();
        db.Entry(service).Property(s => s.Version).OriginalValue = version.Value;
        audit.Add(null, "DirectoryService", service.Id, null, reason: "verified");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(await DirectoryServiceRead.ByIdAsync(db, id, ct));
        }
        return await DirectoryServiceRead.ByIdAsync(db, id, ct);
    }
}
