using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Admin.Teams;

/// <summary>The team as it now stands; <c>OldName</c> is null when the name was already the one asked for.</summary>
public sealed record TeamRenamed(Team Team, string? OldName);

/// <summary>
/// Renames a team if it is still at the version the form was loaded at: a rename saved meanwhile by someone else is a
/// conflict (answered with the team as it now stands), not overwritten. Its kind is fixed.
/// </summary>
public sealed class RenameTeam(PathwayDbContext db, AuditLog audit)
{
    public async Task<Outcome<TeamRenamed>> HandleAsync(Guid id, int version, string? name, CancellationToken ct)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) return Outcome.NotFound<TeamRenamed>();
        var trimmed = name?.Trim() ?? "";
        if (version != team.Version) return Outcome.Conflict(new TeamRenamed(team, null));
        if (await TeamName.ValidateAsync(trimmed, team.Id, db, ct) is { } problem) return Outcome.Invalid<TeamRenamed>([new FieldError("Name", problem)]);
        if (trimmed == team.Name) return new TeamRenamed(team, null);

        var old = team.Name;
        team.Name = trimmed;
        // Guard the gap between loading and saving too: the update only matches the version we checked.
        db.Entry(team).Property(t => t.Version).OriginalValue = version;
        audit.Add(null, "Team", team.Id, null, reason: $"renamed from \"{old}\" to \"{trimmed}\"");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(new TeamRenamed(await db.Teams.AsNoTracking().FirstAsync(t => t.Id == id, ct), null));
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Invalid<TeamRenamed>([new FieldError("Name", "A team with this name already exists")]);
        }
        return new TeamRenamed(team, old);
    }
}
