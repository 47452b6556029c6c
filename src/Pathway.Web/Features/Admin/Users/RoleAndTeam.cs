using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pathway.Data;
using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Domain.Validation;
using Pathway.Web.Features.Shared;

namespace Pathway.Web.Features.Admin.Users;

/// <summary>
/// The role and team fields shared by adding and changing a user: their options, and the check that the team fits the
/// role (<see cref="StaffTeamRules"/>), since a person's team decides which cases they see.
/// </summary>
public static class RoleAndTeam
{
    public static IEnumerable<Govuk.Option> RoleOptions => Govuk.EnumOptions<StaffRole>(StaffRoles.DisplayName);

    public static async Task<IReadOnlyList<Govuk.Option>> TeamOptionsAsync(PathwayDbContext db, CancellationToken ct) =>
        (await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Name, t.Kind }).ToListAsync(ct))
            .OrderBy(t => t.Kind).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .Select(t => new Govuk.Option(t.Id.ToString(), $"{t.Name} ({TeamKinds.DisplayName(t.Kind)})"))
            .ToList();

    public const string TeamHint =
        "Required for offender managers and senior probation officers (a probation team), public protection officers " +
        "(a police unit), approved premises staff (an approved premises) and partner agencies (a partner organisation). " +
        "It decides which cases they see.";

    /// <summary>Parses and checks the role and team, adding an error for each field that is wrong.</summary>
    public static async Task<(StaffRole? Role, Guid? TeamId)> ValidateAsync(
        string? role, string? teamId, List<FieldError> errors, PathwayDbContext db, CancellationToken ct)
    {
        StaffRole? parsedRole = Enum.TryParse<StaffRole>(role, out var r) && Enum.IsDefined(r) ? r : null;
        if (parsedRole is null) errors.Add(new("Role", "Select a role"));

        Guid? team = null;
        TeamKind? kind = null;
        if (!string.IsNullOrWhiteSpace(teamId))
        {
            var found = Guid.TryParse(teamId, out var id)
                ? await db.Teams.AsNoTracking().Where(t => t.Id == id).Select(t => (TeamKind?)t.Kind).FirstOrDefaultAsync(ct)
                : null;
            if (found is null)
            {
                errors.Add(new("TeamId", "Select a team from the list"));
                return (parsedRole, null);
            }
            team = id;
            kind = found;
        }
        if (parsedRole is { } pr && StaffTeamRules.Check(pr, kind) is { } problem)
            errors.Add(new("TeamId", problem));
        return (parsedRole, team);
    }

    /// <summary>
    /// Puts Identity's messages against the field they are about. Password rules keep Identity's own wording (one
    /// sentence per rule broken); the email address doubles as the user name, so its two messages become one.
    /// </summary>
    public static IEnumerable<FieldError> FromIdentity(IEnumerable<IdentityError> errors)
    {
        var byField = errors.Select(e => e.Code switch
            {
                "DuplicateEmail" or "DuplicateUserName" => ("Email", "A user with this email address already exists"),
                "InvalidEmail" or "InvalidUserName" => ("Email", "Enter an email address in the correct format, like name@example.com"),
                _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => ("Password", e.Description),
                _ => ("", e.Description),
            })
            .GroupBy(e => e.Item1);
        return byField.Select(group => new FieldError(group.Key, string.Join(" ", group.Select(e => e.Item2).Distinct())));
    }
}
