using Pathway.Domain.Compliance;

namespace Pathway.Data.Entities;

/// <summary>A record that belongs to one case, found by its id under the case in the URL.</summary>
public interface ICaseOwned
{
    Guid Id { get; }
    Guid CaseId { get; }
}

/// <summary>A planned appointment or home visit and, once it has happened, its outcome.</summary>
public sealed class Contact : IVersioned, ICaseOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public DateOnly Date { get; set; }
    public ContactKind Kind { get; set; }
    public ContactOutcome Outcome { get; set; }
    /// <summary>Why the person did not attend (for either kind of absence), or why the contact was moved.</summary>
    public string? Reason { get; set; }
    public string? Notes { get; set; }
    public Guid? RecordedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A licence condition a record points at, with its wording copied at the time, so the record still reads correctly
/// if the condition is later removed. <see cref="Ref"/> is <c>S:{standard item code}</c> or <c>A:{additional condition id}</c>.
/// </summary>
public sealed class LinkedCondition
{
    public required string Ref { get; set; }
    public required string Text { get; set; }
}

/// <summary>Worrying behaviour that is not criminal in itself, recorded so a pattern is seen early.</summary>
public sealed class BehaviourOfConcern : ICaseOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public DateOnly Date { get; set; }
    public ConcernType Type { get; set; }
    public required string Description { get; set; }
    /// <summary>
    /// The early warning sign (or trigger) this behaviour matches, in words: copied from the care plan when it was chosen
    /// there (<see cref="CarePlanId"/> set), so it still reads correctly after the plan is replaced; otherwise as typed.
    /// </summary>
    public string? MatchedEarlyWarningSign { get; set; }
    /// <summary>The care plan version the sign was chosen from, when it was.</summary>
    public Guid? CarePlanId { get; set; }
    /// <summary>Which of that version's signs: see <c>CarePlanSigns</c> (e.g. <c>triggers.early-warning:1</c>).</summary>
    public string? CarePlanSignKey { get; set; }
    public List<LinkedCondition> Conditions { get; set; } = [];
    public Guid? RecordedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A first or final warning letter, linked to the conditions it says were breached.</summary>
public sealed class WarningLetter : ICaseOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid LicenceId { get; set; }
    public WarningLevel Level { get; set; }
    public DateOnly IssuedOn { get; set; }
    /// <summary>What the person did, in the words the letter uses.</summary>
    public required string Circumstances { get; set; }
    public List<LinkedCondition> Conditions { get; set; } = [];
    public Guid? IssuedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A breach of specific conditions of the current licence.</summary>
public sealed class Breach : ICaseOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid LicenceId { get; set; }
    public DateOnly OccurredOn { get; set; }
    public required string Description { get; set; }
    public List<LinkedCondition> Conditions { get; set; } = [];
    public Guid? RecordedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// One version of the early-warning rules, kept for good: every save adds one, with the day it took effect and why it
/// changed, so the rules page can show every version and nothing an earlier signal relied on is lost.
/// </summary>
public sealed class EarlyWarningRulesVersion
{
    public int Number { get; set; }
    public required string Json { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>Why the rules changed and who agreed it, in the editor's words (or what the first version was).</summary>
    public required string Source { get; set; }
    /// <summary>True when the clinical lead saved (or later confirmed) this version.</summary>
    public bool ConfirmedByClinicalLead { get; set; }
    public Guid? SavedById { get; set; }
    public DateTimeOffset SavedAt { get; set; }
}

/// <summary>The service's early-warning rules as JSON (one row), editable by the clinical lead and administrators.</summary>
public sealed class EarlyWarningRules : IVersioned
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public required string Json { get; set; }
    public Guid? UpdatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

public static class EarlyWarningRulesVersionLimits
{
    public const int SourceMaxLength = 500;

    /// <summary>What the first recorded version is, when it is Pathway's starting rules.</summary>
    public const string StartingRulesSource = "Pathway's starting rules, drafted with the clinical lead as a first version";

    /// <summary>What the first recorded version is, when a service had already changed the starting rules.</summary>
    public const string FoundRulesSource = "The rules in force when Pathway began keeping versions";
}
