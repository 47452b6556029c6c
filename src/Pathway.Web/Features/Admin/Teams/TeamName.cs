using Microsoft.EntityFrameworkCore;
using Pathway.Data;

namespace Pathway.Web.Features.Admin.Teams;

/// <summary>The team-name rules shared by adding and renaming: present, short enough, and unique ignoring case.</summary>
public static class TeamName
{
    public const int MaxLength = 200;

    public static async Task<string?> ValidateAsync(string name, Guid? exceptTeamId, PathwayDbContext db, CancellationToken ct)
    {
        if (name.Length == 0) return "Enter a team name";
        if (name.Length > MaxLength) return $"Team name must be {MaxLength} characters or fewer";
        var lower = name.ToLowerInvariant();
        // The database index is case-sensitive on PostgreSQL; two teams differing only in case would confuse everyone.
        var taken = await db.Teams.AnyAsync(t => t.Name.ToLower() == lower && t.Id != exceptTeamId, ct);
        return taken ? "A team with this name already exists" : null;
    }
}
