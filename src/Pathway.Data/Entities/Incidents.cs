using Pathway.Domain.Incidents;

namespace Pathway.Data.Entities;

/// <summary>An incident recorded by AP staff, an offender manager or a psychologist.</summary>
public sealed class Incident : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public required string Location { get; set; }
    public IncidentType Type { get; set; }
    public IncidentSeverity Severity { get; set; }
    public required string Description { get; set; }
    /// <summary>What seemed to set it off, in a few words, so recurring triggers can be seen across incidents.</summary>
    public string? Trigger { get; set; }
    public required string StaffResponse { get; set; }
    public required string WhoWasInformed { get; set; }
    public Guid RecordedById { get; set; }
    public ChainAnalysis? ChainAnalysis { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A DBT behaviour chain analysis of one incident. The links are kept in order, one row each.</summary>
public sealed class ChainAnalysis : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid IncidentId { get; set; }
    public Guid CaseId { get; set; }
    public string? ProblemBehaviour { get; set; }
    public string? VulnerabilityFactors { get; set; }
    public string? PromptingEvent { get; set; }
    public List<ChainAnalysisLink> Links { get; set; } = [];
    public string? ShortTermConsequences { get; set; }
    public string? LongTermConsequences { get; set; }
    public string? Function { get; set; }
    public BehaviourFunction? FunctionCategory { get; set; }
    public string? PreventionAndRepair { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public Guid? CompletedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public Chain ToChain() => new(Links.OrderBy(l => l.Position).Select(l => new ChainLink(l.Kind, l.Text, l.SkillCode)).ToList());

    /// <summary>Replaces the stored links with <paramref name="chain"/>'s, positions from zero.</summary>
    public void SetChain(Chain chain)
    {
        Links.Clear();
        Links.AddRange(chain.Links.Select((l, i) => new ChainAnalysisLink { AnalysisId = Id, Position = i, Kind = l.Kind, Text = l.Text, SkillCode = l.SkillCode }));
    }
}

public sealed class ChainAnalysisLink
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AnalysisId { get; set; }
    public int Position { get; set; }
    public ChainLinkKind Kind { get; set; }
    public required string Text { get; set; }
    public string? SkillCode { get; set; }
}
