namespace Pathway.Domain.Staff;

/// <summary>The kind of unit a member of staff works in.</summary>
public enum TeamKind
{
    Probation,
    Police,
    ApprovedPremises,
    Partner,
    Service,
}

public static class TeamKinds
{
    public static string DisplayName(TeamKind kind) => kind switch
    {
        TeamKind.Probation => "Probation team",
        TeamKind.Police => "Police public protection unit",
        TeamKind.ApprovedPremises => "Approved premises",
        TeamKind.Partner => "Partner organisation",
        TeamKind.Service => "Personality disorder service",
        _ => kind.ToString(),
    };

    public static bool TryParseCli(string value, out TeamKind kind)
    {
        kind = value.Trim().ToLowerInvariant() switch
        {
            "probation" => TeamKind.Probation,
            "police" => TeamKind.Police,
            "approved-premises" => TeamKind.ApprovedPremises,
            "partner" => TeamKind.Partner,
            "service" => TeamKind.Service,
            _ => (TeamKind)(-1),
        };
        return Enum.IsDefined(kind);
    }
}
