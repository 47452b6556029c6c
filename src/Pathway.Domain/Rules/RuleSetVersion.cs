namespace Pathway.Domain.Rules;

/// <summary>Where a rule set version comes from: a title a reader recognises and a citation they can look up.</summary>
public sealed record RuleSource(string Title, string Citation);

/// <summary>
/// One dated version of a rule set (recall regimes today; licence-condition sets, screens and other rules can join).
/// Versions are data: a change in the law is a new version, never an edit of an old one, so a decision can always be
/// explained by the version that applied on its day.
/// </summary>
/// <param name="EffectiveFrom">
/// The first day the version applied, or <c>null</c> when it is not known: DOMAIN.md forbids inventing a date, and a
/// version with an unknown start is never chosen by date.
/// </param>
/// <param name="EffectiveTo">The last day it applied, when it ended without a successor; a successor's start ends it otherwise.</param>
/// <param name="ConfirmedByClinicalLead">False until the clinical lead has checked the version against its source.</param>
/// <param name="UnconfirmedFacts">What the clinical lead must check, in words; shown on the rules page, never on a person's record.</param>
public sealed record RuleSetVersion(
    string RuleSetKey,
    string VersionId,
    string Name,
    DateOnly? EffectiveFrom,
    DateOnly? EffectiveTo,
    RuleSource Source,
    bool ConfirmedByClinicalLead,
    IReadOnlyList<string> UnconfirmedFacts);

/// <summary>A rule set version with the rules it carries.</summary>
public sealed record Versioned<T>(RuleSetVersion Version, T Rules);

/// <summary>What the rules page lists about any rule set, whatever its rules are.</summary>
public interface IRuleSet
{
    string Key { get; }
    string Name { get; }
    IReadOnlyList<RuleSetVersion> Versions { get; }
    /// <summary>The last day a version applied: its own end, else the day before the next version started; null while current or unknown.</summary>
    DateOnly? LastDayOf(RuleSetVersion version);
}

/// <summary>The versions of one rule set and the lookup "which version applied on this day".</summary>
public sealed class RuleRegister<T> : IRuleSet
{
    private readonly IReadOnlyList<Versioned<T>> versions;

    public RuleRegister(string key, string name, IReadOnlyList<Versioned<T>> versions)
    {
        if (versions.Any(v => v.Version.RuleSetKey != key))
            throw new ArgumentException($"Every version must belong to rule set '{key}'", nameof(versions));
        if (versions.Select(v => v.Version.VersionId).Distinct(StringComparer.Ordinal).Count() != versions.Count)
            throw new ArgumentException("Version ids must be unique", nameof(versions));
        var starts = versions.Where(v => v.Version.EffectiveFrom is not null).Select(v => v.Version.EffectiveFrom).ToList();
        if (starts.Distinct().Count() != starts.Count)
            throw new ArgumentException("Two versions cannot take effect on the same day", nameof(versions));
        Key = key;
        Name = name;
        // Known starts in date order, unknown starts last: the page reads the history top to bottom.
        this.versions = versions.OrderBy(v => v.Version.EffectiveFrom is null).ThenBy(v => v.Version.EffectiveFrom).ToList();
    }

    public string Key { get; }
    public string Name { get; }
    public IReadOnlyList<Versioned<T>> All => versions;
    public IReadOnlyList<RuleSetVersion> Versions => versions.Select(v => v.Version).ToList();

    /// <summary>The version that applied on <paramref name="day"/>: the latest to have started by then and not ended before it; null if none had.</summary>
    public Versioned<T>? On(DateOnly day)
    {
        var latest = versions.Where(v => v.Version.EffectiveFrom is { } from && from <= day).MaxBy(v => v.Version.EffectiveFrom);
        return latest is not null && (latest.Version.EffectiveTo is not { } to || day <= to) ? latest : null;
    }

    public Versioned<T>? Find(string versionId) => versions.FirstOrDefault(v => v.Version.VersionId == versionId);

    public DateOnly? LastDayOf(RuleSetVersion version)
    {
        if (version.EffectiveTo is { } to) return to;
        if (version.EffectiveFrom is not { } from) return null;
        var next = versions.Select(v => v.Version.EffectiveFrom).Where(d => d > from).Min();
        return next?.AddDays(-1);
    }
}
