namespace Pathway.Domain.Compliance;

/// <summary>
/// Worrying behaviour that is not criminal in itself (DOMAIN.md section 3; HMPPS "behaviours of concern"). Officers
/// record these so that a pattern is seen, and answered, before it becomes a reason to recall.
/// </summary>
public enum ConcernType
{
    MissedContacts,
    SubstanceUse,
    NewRelationship,
    LossOfAccommodation,
    ContactWithVictim,
    Threats,
    SelfHarm,
    Withdrawal,
    DeterioratingMentalHealth,
    Other,
}

public static class ConcernTypes
{
    public static string DisplayName(ConcernType t) => t switch
    {
        ConcernType.MissedContacts => "Missed contacts",
        ConcernType.SubstanceUse => "Substance use",
        ConcernType.NewRelationship => "New relationship",
        ConcernType.LossOfAccommodation => "Loss of accommodation",
        ConcernType.ContactWithVictim => "Contact with a victim",
        ConcernType.Threats => "Threats",
        ConcernType.SelfHarm => "Self-harm",
        ConcernType.Withdrawal => "Withdrawing from support",
        ConcernType.DeterioratingMentalHealth => "Deteriorating mental health",
        ConcernType.Other => "Other",
        _ => t.ToString(),
    };
}
