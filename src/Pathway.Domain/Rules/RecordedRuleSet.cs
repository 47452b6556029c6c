namespace Pathway.Domain.Rules;

/// <summary>
/// A rule set whose versions are records the service writes (for example the early-warning rules the clinical lead
/// edits), oldest first. Unlike <see cref="RuleRegister{T}"/>, two versions may start on the same day: the later
/// record replaces the earlier one from that day, so a version ends the day before its successor starts, or on the
/// same day when both start then.
/// </summary>
public sealed class RecordedRuleSet(string key, string name, IReadOnlyList<RuleSetVersion> versions) : IRuleSet
{
    public string Key { get; } = key;
    public string Name { get; } = name;
    public IReadOnlyList<RuleSetVersion> Versions { get; } = versions;

    public DateOnly? LastDayOf(RuleSetVersion version)
    {
        var i = Versions.ToList().IndexOf(version);
        if (i < 0 || i == Versions.Count - 1) return version.EffectiveTo;
        var next = Versions[i + 1].EffectiveFrom;
        return next is not { } n ? null : version.EffectiveFrom is { } from && n <= from ? from : n.AddDays(-1);
    }
}
