using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Domain.Validation;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.UseCases;

namespace Pathway.Web.Features.Admin.Teams;

/// <summary>Adds a team: a name unique ignoring case (<see cref="TeamName"/>) and what kind of team it is.</summary>
public sealed class CreateTeam(PathwayDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<Team>> HandleAsync(string? name, string? kind, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var trimmed = name?.Trim() ?? "";
        if (await TeamName.ValidateAsync(trimmed, null, db, ct) is { } problem) errors.Add(new("Name", problem));
        TeamKind? parsed = Enum.TryParse<TeamKind>(kind, out var k) && Enum.IsDefined(k) ? k : null;
        if (parsed is null) errors.Add(new("Kind", "Select what kind of team it is"));
        if (errors.Count > 0) return Outcome.Invalid<Team>(errors);

        var team = new Team { Name = trimmed, Kind = parsed!.Value, CreatedAt = clock.GetUtcNow() };
        db.Teams.Add(team);
        audit.Add(null, "Team", team.Id, null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another administrator added the same name between the check and the save; the unique index refused it.
            db.ChangeTracker.Clear();
            return Outcome.Invalid<Team>([new("Name", "A team with this name already exists")]);
        }
        return team;
    }
}
