using Pathway.Domain.Incidents;
using Pathway.Domain.Licences;
using Entity = Pathway.Data.Entities.ChainAnalysis;
using Pathway.Domain.Validation;

namespace Pathway.Web.Features.Incidents.ChainAnalysis;

/// <summary>The written steps of a chain analysis (everything but the links), as someone submits them.</summary>
public sealed record ChainAnalysisText(
    string? ProblemBehaviour, string? VulnerabilityFactors, string? PromptingEvent, string? ShortTermConsequences,
    string? LongTermConsequences, string? Function, BehaviourFunction? FunctionCategory, string? PreventionAndRepair)
{
    public const int MaxLength = 4000;

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        void Max(string? v, string field, string label)
        {
            if (v is { Length: > MaxLength }) errors.Add(new(field, $"{label} must be {MaxLength} characters or fewer"));
        }
        Max(ProblemBehaviour, nameof(ProblemBehaviour), "The problem behaviour");
        Max(VulnerabilityFactors, nameof(VulnerabilityFactors), "The vulnerability factors");
        Max(PromptingEvent, nameof(PromptingEvent), "The prompting event");
        Max(ShortTermConsequences, nameof(ShortTermConsequences), "The short-term consequences");
        Max(LongTermConsequences, nameof(LongTermConsequences), "The long-term consequences");
        Max(Function, nameof(Function), "The function");
        Max(PreventionAndRepair, nameof(PreventionAndRepair), "Prevention and repair");
        if (FunctionCategory is { } f && !Enum.IsDefined(f)) errors.Add(new(nameof(FunctionCategory), "Choose the broad function from the list"));
        return errors;
    }

    public void CopyTo(Entity a)
    {
        static string? T(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        a.ProblemBehaviour = T(ProblemBehaviour); a.VulnerabilityFactors = T(VulnerabilityFactors); a.PromptingEvent = T(PromptingEvent);
        a.ShortTermConsequences = T(ShortTermConsequences); a.LongTermConsequences = T(LongTermConsequences); a.Function = T(Function);
        a.FunctionCategory = FunctionCategory; a.PreventionAndRepair = T(PreventionAndRepair);
    }

    public static ChainAnalysisText From(Entity a) => new(a.ProblemBehaviour, a.VulnerabilityFactors, a.PromptingEvent, a.ShortTermConsequences,
        a.LongTermConsequences, a.Function, a.FunctionCategory, a.PreventionAndRepair);
}
