namespace Pathway.Domain.Disclosure;

/// <summary>
/// When a count of people may be published. Counts from 1 to <see cref="Threshold"/> − 1 are suppressed (primary
/// suppression). Zero is published by default: it identifies nobody, and hiding every zero would make sparse tables
/// unreadable; set <see cref="SuppressZeros"/> where a zero would itself disclose something about a group
/// (for example "none of the three people at this premises completed treatment" when the row total is also shown).
/// </summary>
public sealed record DisclosurePolicy(int Threshold = 5, bool SuppressZeros = false)
{
    /// <summary>The service's policy: suppress any cell under 5 people.</summary>
    public static DisclosurePolicy Default { get; } = new();

    /// <summary>No disclosure control: for readers entitled to exact counts (clinicians of the service itself).</summary>
    public static DisclosurePolicy Exact { get; } = new(Threshold: 1);

    public bool IsPrimary(int count) => count < 0
        ? throw new ArgumentOutOfRangeException(nameof(count), "counts cannot be negative")
        : count == 0 ? SuppressZeros : count < Threshold;
}
