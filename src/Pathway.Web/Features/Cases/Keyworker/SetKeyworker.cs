using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Shared;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Cases.Keyworker;

/// <summary>Who may be chosen as a case's keyworker: active staff of the approved premises the person lives in, or nobody.</summary>
public sealed record KeyworkerChoices(string? PremisesName, IReadOnlyList<Govuk.Option> Options)
{
    /// <summary>The choice that clears the keyworker.</summary>
    public const string None = "none";

    public static async Task<KeyworkerChoices> LoadAsync(PathwayDbContext db, CaseRecord c, CancellationToken ct)
    {
        var premisesName = c.ApprovedPremisesId is { } ap ? await db.Teams.AsNoTracking().Where(t => t.Id == ap).Select(t => t.Name).FirstOrDefaultAsync(ct) : null;
        var apRole = await db.Roles.AsNoTracking().Where(r => r.Name == nameof(StaffRole.ApprovedPremisesStaff)).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var staff = c.ApprovedPremisesId is { } premises
            ? await db.Users.AsNoTracking()
                .Where(u => u.DisabledAt == null && u.TeamId == premises && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == apRole))
                .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).Take(200).ToListAsync(ct)
            : [];
        var options = staff.Select(s => new Govuk.Option(s.Id.ToString(), s.DisplayName)).ToList();
        options.Add(new Govuk.Option(None, "No keyworker"));
        return new KeyworkerChoices(premisesName, options);
    }
}

/// <summary>
/// Sets (or clears, with <see cref="KeyworkerChoices.None"/>) a case's approved-premises keyworker, from
/// <see cref="KeyworkerModel"/>; the case is already checked for read, which is what the people who may do it need.
/// The change carries the case's version, so a change made meanwhile by someone else is never silently overwritten.
/// </summary>
public sealed class SetKeyworker(PathwayDbContext db, AuditLog audit)
{
    public async Task<Outcome<CaseRecord>> HandleAsync(CaseContext c, string? keyworkerId, int version, CancellationToken ct)
    {
        var record = c.Case;
        var errors = new List<FieldError>();
        Guid? chosen = null;
        if (string.IsNullOrEmpty(keyworkerId)) errors.Add(new("KeyworkerId", "Select the keyworker, or no keyworker"));
        else if (keyworkerId != KeyworkerChoices.None)
        {
            var choices = await KeyworkerChoices.LoadAsync(db, record, ct);
            if (choices.Options.Any(o => o.Value == keyworkerId && o.Value != KeyworkerChoices.None)) chosen = Guid.Parse(keyworkerId);
            else errors.Add(new("KeyworkerId", "Select a member of staff of the approved premises this person lives in"));
        }
        if (errors.Count > 0) return Outcome.Invalid<CaseRecord>(errors);
        if (version != record.Version) return Outcome.Conflict(record);

        record.ApKeyworkerId = chosen;
        db.Entry(record).Property(x => x.Version).OriginalValue = version;
        audit.Add(null, "Case", record.Id, record.Id, reason: chosen is null ? "cleared" : $"keyworker {chosen}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(await db.Cases.AsNoTracking().FirstAsync(x => x.Id == record.Id, ct));
        }
        return record;
    }
}
