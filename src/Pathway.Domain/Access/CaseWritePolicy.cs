using Pathway.Domain.Licences;
using Pathway.Domain.Staff;
using Pathway.Domain.Validation;

namespace Pathway.Domain.Access;

/// <summary>
/// The fields of a case write that decide who can see the case, as they stand (<c>null</c>s before a create) and as
/// the write would leave them.
/// </summary>
public sealed record CaseVisibilityChange(Guid? TeamBefore, Guid? TeamAfter, DateOnly? ReferredBefore, DateOnly? ReferredAfter);

/// <summary>
/// Who may set which of a case's visibility fields, in one place for the API and the pages. The rules:
/// <list type="bullet">
/// <item>The referral date opens the case to the PD service; only the referral workflow sets it
/// (<c>MakeReferral</c>), so a case write may neither set, change nor clear it.</item>
/// <item>An offender manager or senior probation officer may put a case only in their own team: placing it in another
/// would hand it to people they cannot name and take it out of their own sight. Leaving a case in the team it is
/// already in is always allowed (a named officer editing a restricted case of another team).</item>
/// <item>The clinical lead and psychologists may place a case in any probation team, as before.</item>
/// </list>
/// The other fields that change who sees a case are guarded where they are written: the offender manager must be in the
/// case's team (<c>CaseDetailsRules</c>), restricting a case names whoever restricts it, and sharing and named staff
/// need <see cref="CaseAccessRules.CanEdit"/>.
/// </summary>
public static class CaseWritePolicy
{
    public const string ReferralDateIsReadOnly =
        "The referral date is set when a referral to the personality disorder service is made; it cannot be changed here";
    public const string OwnTeamOnly = "You can only add a case to, or move a case into, your own probation team";

    public static IReadOnlyList<FieldError> Check(StaffContext who, CaseVisibilityChange change)
    {
        var errors = new List<FieldError>();
        if (change.ReferredAfter != change.ReferredBefore) errors.Add(new("ReferredToServiceOn", ReferralDateIsReadOnly));
        if (change.TeamAfter is { } team && team != change.TeamBefore && !MayPlaceIn(who, team)) errors.Add(new("TeamId", OwnTeamOnly));
        return errors;
    }

    /// <summary>Whether <paramref name="who"/> may put a case in <paramref name="teamId"/> (create it there or move it there).</summary>
    public static bool MayPlaceIn(StaffContext who, Guid teamId) =>
        who.IsInAny(RoleSets.Clinicians) || (who.IsInAny(RoleSets.Probation) && who.TeamId == teamId);
}
