namespace Pathway.Web.Features.Compliance.Recall;

/// <summary>Recall oversight settings, bound from <c>Recall</c>.</summary>
public sealed class RecallOptions
{
    public const string Section = "Recall";

    /// <summary>
    /// After a senior probation officer decides to recall, a senior manager (a second senior probation officer) countersigns
    /// before the recall goes to the Public Protection Casework Section, as HMPPS's recall tool does. On by default; a
    /// service whose local policy has no such step switches it off, and a recall is then decided at the SPO's decision.
    /// </summary>
    public bool SeniorManagerCountersignature { get; set; } = true;
}
