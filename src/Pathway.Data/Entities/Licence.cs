using Pathway.Domain.Licences;

namespace Pathway.Data.Entities;

/// <summary>One licence period: the sentence, its key dates and its conditions.</summary>
public sealed class Licence : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public CaseRecord? Case { get; set; }

    public SentenceType SentenceType { get; set; }
    public int? SentenceLengthMonths { get; set; }
    public string? IndexOffence { get; set; }

    public DateOnly ReleaseDate { get; set; }
    public DateOnly LicenceExpiryDate { get; set; }
    public DateOnly? SentenceExpiryDate { get; set; }
    public DateOnly? TopUpSupervisionEndDate { get; set; }

    public required string StandardConditionSetCode { get; set; }
    public StandardConditionSet? StandardConditionSet { get; set; }

    public List<AdditionalCondition> AdditionalConditions { get; set; } = [];
    public List<Recall> Recalls { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public bool IsCurrentOn(DateOnly day) => ReleaseDate <= day && day <= (TopUpSupervisionEndDate ?? LicenceExpiryDate);
}

public sealed class AdditionalCondition
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LicenceId { get; set; }
    public AdditionalConditionCategory Category { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
}

public sealed class Recall : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LicenceId { get; set; }
    public Guid CaseId { get; set; }
    public DateOnly RecallDate { get; set; }
    public RecallType Type { get; set; }
    public required string Reason { get; set; }
    public DateOnly? ReturnToCustodyDate { get; set; }
    public DateOnly? ReReleaseDate { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>Reference data: a versioned set of standard conditions. Seeded from <see cref="StandardConditionSets"/>.</summary>
public sealed class StandardConditionSet
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>The first day the set applied; null when it is not known.</summary>
    public DateOnly? InForceFrom { get; set; }
    public List<StandardConditionItem> Items { get; set; } = [];
}

public sealed class StandardConditionItem
{
    public required string Code { get; set; }
    public required string SetCode { get; set; }
    public int Number { get; set; }
    public required string Text { get; set; }
}
