namespace Pathway.Data.Entities;

public enum DefinitionStatus
{
    Published,
    Withdrawn,
}

public enum ResponseStatus
{
    Draft,
    Completed,
}

/// <summary>
/// One published version of an instrument definition, stored as the JSON it was published from. A version is never
/// changed once published: a change is a new version, and responses keep the version they were scored with.
/// </summary>
public sealed class InstrumentDefinitionRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Key { get; set; }
    public int Version { get; set; }
    public required string Title { get; set; }
    public required string Json { get; set; }
    public DefinitionStatus Status { get; set; }
    /// <summary>Where it came from: a repository file, an administrator's upload, or the clinical lead's form.</summary>
    public required string Source { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    /// <summary>Null for definitions loaded from the repository's files at start-up.</summary>
    public Guid? PublishedById { get; set; }
}

/// <summary>
/// One use of an instrument on a case: answers per item (link id → option code), gate answers, any clinical
/// override, and — once completed — the computed result, all tied to the definition version used.
/// </summary>
public sealed class InstrumentResponse : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid DefinitionId { get; set; }
    public InstrumentDefinitionRecord? Definition { get; set; }
    public required string InstrumentKey { get; set; }
    public int DefinitionVersion { get; set; }
    public ResponseStatus Status { get; set; }

    /// <summary>JSON object: question link id → option code.</summary>
    public string AnswersJson { get; set; } = "{}";
    /// <summary>JSON object: gate link id → true/false, as the assessor confirmed them.</summary>
    public string GateAnswersJson { get; set; } = "{}";
    public bool Override { get; set; }
    public string? OverrideReason { get; set; }
    /// <summary>JSON object: item link id → the assessor's written reason, for items that ask for one (the OPD screens' clinical link); null when none.</summary>
    public string? ReasonsJson { get; set; }

    /// <summary>The engine's result (JSON) when completed; null for drafts.</summary>
    public string? ResultJson { get; set; }
    /// <summary>The outcome name when completed (ScreenedIn, ScreenedOut, RequirementNotMet, NotApplicable, Scored, RatingsRecorded), for lists and counts.</summary>
    public string? Outcome { get; set; }

    public Guid StartedById { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public Guid? CompletedById { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}
