using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Auditing;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Cases.Sharing;

/// <summary>
/// Shares a case with exactly the police public protection units chosen, from <see cref="SharingModel"/>; the case is
/// already checked for edit. Only shares with police units are managed here; any other share is left as it is.
/// </summary>
public sealed class SetPoliceUnitSharing(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <param name="units">The police units ticked, as team ids.</param>
    public async Task<Outcome<SharingSaved>> HandleAsync(CaseContext c, IReadOnlyList<string> units, CancellationToken ct)
    {
        var police = await db.Teams.AsNoTracking().Where(t => t.Kind == TeamKind.Police).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var chosen = new HashSet<Guid>();
        var errors = new List<FieldError>();
        foreach (var u in units)
        {
            if (Guid.TryParse(u, out var g) && police.ContainsKey(g)) chosen.Add(g);
            else errors.Add(new("Units", "Select police units from the list"));
        }
        if (errors.Count > 0) return Outcome.Invalid<SharingSaved>(errors);

        var record = c.Case;
        var current = record.Shares.Where(s => police.ContainsKey(s.TeamId)).ToList();
        var added = chosen.Where(t => current.All(s => s.TeamId != t)).ToList();
        var removed = current.Where(s => !chosen.Contains(s.TeamId)).ToList();
        if (added.Count == 0 && removed.Count == 0) return new SharingSaved(record, Changed: false);

        var now = clock.GetUtcNow();
        foreach (var t in added) db.CaseShares.Add(new CaseShare { CaseId = record.Id, TeamId = t, SharedAt = now, SharedById = c.Who.UserId });
        db.CaseShares.RemoveRange(removed);
        var what = new List<string>();
        if (added.Count > 0) what.Add("shared with " + string.Join(", ", added.Select(t => police[t])));
        if (removed.Count > 0) what.Add("stopped sharing with " + string.Join(", ", removed.Select(s => police[s.TeamId])));
        audit.Add(null, "CaseSharing", record.Id, record.Id, AuditOutcome.Allowed, string.Join("; ", what));
        return await SharingSaved.SaveAsync(db, new SharingSaved(record, Changed: true), ct);
    }
}
