namespace Pathway.Domain.CarePlans;

/// <summary>The four DBT skills modules (DOMAIN.md section 7).</summary>
public enum DbtModule
{
    Mindfulness,
    DistressTolerance,
    EmotionRegulation,
    InterpersonalEffectiveness,
}

/// <summary>A named DBT skill. Naming skills is fine; their handouts are copyright and are not reproduced.</summary>
public sealed record DbtSkill(string Code, DbtModule Module, string Name);

/// <summary>The skills a care plan or a chain analysis may point to, by module.</summary>
public static class DbtSkills
{
    public static readonly IReadOnlyList<DbtSkill> All =
    [
        new("wise-mind", DbtModule.Mindfulness, "Wise mind"),
        new("observe-describe-participate", DbtModule.Mindfulness, "Observe, describe, participate"),
        new("non-judgementally", DbtModule.Mindfulness, "Non-judgementally, one-mindfully, effectively"),
        new("stop", DbtModule.DistressTolerance, "STOP"),
        new("pros-and-cons", DbtModule.DistressTolerance, "Pros and cons"),
        new("tip", DbtModule.DistressTolerance, "TIP"),
        new("accepts", DbtModule.DistressTolerance, "ACCEPTS"),
        new("self-soothe", DbtModule.DistressTolerance, "Self-soothe"),
        new("improve", DbtModule.DistressTolerance, "IMPROVE the moment"),
        new("radical-acceptance", DbtModule.DistressTolerance, "Radical acceptance"),
        new("check-the-facts", DbtModule.EmotionRegulation, "Check the facts"),
        new("opposite-action", DbtModule.EmotionRegulation, "Opposite action"),
        new("problem-solving", DbtModule.EmotionRegulation, "Problem solving"),
        new("abc-please", DbtModule.EmotionRegulation, "ABC PLEASE"),
        new("dear-man", DbtModule.InterpersonalEffectiveness, "DEAR MAN"),
        new("give", DbtModule.InterpersonalEffectiveness, "GIVE"),
        new("fast", DbtModule.InterpersonalEffectiveness, "FAST"),
    ];

    private static readonly Dictionary<string, DbtSkill> ByCode = All.ToDictionary(s => s.Code, StringComparer.Ordinal);

    public static DbtSkill? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var s) ? s : null;

    public static string DisplayName(DbtModule m) => m switch
    {
        DbtModule.Mindfulness => "Mindfulness",
        DbtModule.DistressTolerance => "Distress tolerance",
        DbtModule.EmotionRegulation => "Emotion regulation",
        DbtModule.InterpersonalEffectiveness => "Interpersonal effectiveness",
        _ => m.ToString(),
    };
}
