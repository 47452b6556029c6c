namespace Pathway.Domain.Incidents;

/// <summary>
/// The broad need a problem behaviour met, chosen on a chain analysis alongside the free-text function, so that
/// patterns across incidents can be counted.
/// </summary>
public enum BehaviourFunction
{
    ReliefFromDistress,
    EscapeOrAvoidance,
    ConnectionOrCare,
    ControlOrPower,
    ExpressingAnger,
    Punishment,
    Other,
}

public static class BehaviourFunctions
{
    public static string DisplayName(BehaviourFunction f) => f switch
    {
        BehaviourFunction.ReliefFromDistress => "Relief from distress",
        BehaviourFunction.EscapeOrAvoidance => "Escape or avoidance",
        BehaviourFunction.ConnectionOrCare => "Connection or care from others",
        BehaviourFunction.ControlOrPower => "Control or power",
        BehaviourFunction.ExpressingAnger => "Expressing anger",
        BehaviourFunction.Punishment => "Punishing self or others",
        _ => "Other",
    };
}

public static class IncidentTypes
{
    public static string DisplayName(IncidentType t) => t switch
    {
        IncidentType.SelfHarm => "Self-harm",
        IncidentType.SuicideAttempt => "Suicide attempt",
        IncidentType.AngryOutburst => "Angry outburst",
        IncidentType.Threats => "Threats",
        IncidentType.Violence => "Violence",
        IncidentType.SubstanceUse => "Substance use",
        IncidentType.Absconding => "Absconding",
        IncidentType.FailureToComply => "Failure to comply",
        _ => "Other",
    };

    public static string DisplayName(IncidentSeverity s) => s.ToString();

    public static string DisplayName(ChainLinkKind k) => k switch
    {
        ChainLinkKind.BodySensation => "Body sensation",
        ChainLinkKind.OthersAction => "What someone else did or said",
        _ => k.ToString(),
    };
}
