namespace Pathway.Domain.Cases;

/// <summary>Risk of serious harm, as assessed by probation.</summary>
public enum RoshLevel
{
    Low,
    Medium,
    High,
    VeryHigh,
}

public static class RoshLevels
{
    public static string DisplayName(RoshLevel level) => level switch
    {
        RoshLevel.Low => "Low",
        RoshLevel.Medium => "Medium",
        RoshLevel.High => "High",
        RoshLevel.VeryHigh => "Very high",
        _ => level.ToString(),
    };
}
