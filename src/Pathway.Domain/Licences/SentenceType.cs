namespace Pathway.Domain.Licences;

public enum SentenceType
{
    StandardDeterminate,
    ExtendedDeterminate,
    SpecialCustodialSentenceForOffendersOfParticularConcern,
    Life,
    ImprisonmentForPublicProtection,
    DetentionAndTrainingOrder,
    Other,
}

public static class SentenceTypes
{
    public static string DisplayName(SentenceType t) => t switch
    {
        SentenceType.StandardDeterminate => "Standard determinate sentence",
        SentenceType.ExtendedDeterminate => "Extended determinate sentence",
        SentenceType.SpecialCustodialSentenceForOffendersOfParticularConcern => "Sentence for offenders of particular concern",
        SentenceType.Life => "Life sentence",
        SentenceType.ImprisonmentForPublicProtection => "Imprisonment for public protection",
        SentenceType.DetentionAndTrainingOrder => "Detention and training order",
        SentenceType.Other => "Other",
        _ => t.ToString(),
    };

    /// <summary>Indeterminate sentences have no sentence expiry date.</summary>
    public static bool IsIndeterminate(SentenceType t) => t is SentenceType.Life or SentenceType.ImprisonmentForPublicProtection;
}

public enum RecallType
{
    FixedTerm14Day,
    FixedTerm28Day,
    Standard,
    /// <summary>Automatic re-release after 56 days (CJA 2003 s.255BA, Sentencing Act 2026).</summary>
    FixedTerm56Day,
}

public static class RecallTypes
{
    public static string DisplayName(RecallType t) => t switch
    {
        RecallType.FixedTerm14Day => "Fixed-term recall (14 days)",
        RecallType.FixedTerm28Day => "Fixed-term recall (28 days)",
        RecallType.Standard => "Standard recall",
        RecallType.FixedTerm56Day => "Fixed-term recall (56 days, automatic re-release)",
        _ => t.ToString(),
    };
}

/// <summary>Additional licence condition categories (DOMAIN.md section 3).</summary>
public enum AdditionalConditionCategory
{
    Residence,
    NoContact,
    Participation,
    RestrictionOfActivities,
    Curfew,
    ProhibitedItems,
    DisclosureOfInformation,
    ExclusionZone,
    Monitoring,
    Bespoke,
}

public static class AdditionalConditionCategories
{
    public static string DisplayName(AdditionalConditionCategory c) => c switch
    {
        AdditionalConditionCategory.Residence => "Residence at a specific place",
        AdditionalConditionCategory.NoContact => "No contact with named people",
        AdditionalConditionCategory.Participation => "Participation in, or co-operation with, a programme or set of activities",
        AdditionalConditionCategory.RestrictionOfActivities => "Restriction of activities",
        AdditionalConditionCategory.Curfew => "Curfew",
        AdditionalConditionCategory.ProhibitedItems => "Possession, ownership, control or inspection of specified items",
        AdditionalConditionCategory.DisclosureOfInformation => "Disclosure of information",
        AdditionalConditionCategory.ExclusionZone => "Exclusion zone",
        AdditionalConditionCategory.Monitoring => "Monitoring (electronic monitoring, polygraph)",
        AdditionalConditionCategory.Bespoke => "Bespoke condition",
        _ => c.ToString(),
    };
}
