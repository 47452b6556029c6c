namespace Pathway.Domain.Cases;

/// <summary>Risk flags shown in the case header. Stored by name; add, never renumber.</summary>
[Flags]
public enum RiskFlag
{
    None = 0,
    SelfHarm = 1 << 0,
    DomesticAbuse = 1 << 1,
    ChildConcerns = 1 << 2,
    Weapons = 1 << 3,
    Arson = 1 << 4,
    RiskToStaff = 1 << 5,
    RiskToKnownAdult = 1 << 6,
    HateCrime = 1 << 7,
    StreetGangs = 1 << 8,
    SexualOffending = 1 << 9,
}

public static class RiskFlags
{
    public static readonly IReadOnlyList<RiskFlag> All =
        Enum.GetValues<RiskFlag>().Where(f => f != RiskFlag.None).ToArray();

    public static IEnumerable<RiskFlag> Split(RiskFlag flags) => All.Where(f => flags.HasFlag(f));

    public static RiskFlag Combine(IEnumerable<RiskFlag> flags) => flags.Aggregate(RiskFlag.None, (a, f) => a | f);

    /// <summary>API names are camelCase, e.g. <c>selfHarm</c>.</summary>
    public static string ApiName(RiskFlag flag) => char.ToLowerInvariant(flag.ToString()[0]) + flag.ToString()[1..];

    public static bool TryParseApiName(string value, out RiskFlag flag) =>
        Enum.TryParse(value, ignoreCase: true, out flag) && flag != RiskFlag.None && All.Contains(flag);

    public static string DisplayName(RiskFlag flag) => flag switch
    {
        RiskFlag.SelfHarm => "Self-harm",
        RiskFlag.DomesticAbuse => "Domestic abuse",
        RiskFlag.ChildConcerns => "Child concerns",
        RiskFlag.Weapons => "Weapons",
        RiskFlag.Arson => "Arson",
        RiskFlag.RiskToStaff => "Risk to staff",
        RiskFlag.RiskToKnownAdult => "Risk to known adult",
        RiskFlag.HateCrime => "Hate crime",
        RiskFlag.StreetGangs => "Street gangs",
        RiskFlag.SexualOffending => "Sexual offending",
        _ => flag.ToString(),
    };
}
