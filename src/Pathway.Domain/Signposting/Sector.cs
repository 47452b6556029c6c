namespace Pathway.Domain.Signposting;

/// <summary>The kind of organisation a directory entry belongs to. Stored by name; add, never renumber.</summary>
public enum Sector
{
    VoluntaryAndCommunity,
    PrimaryCare,
    SecondaryCare,
    LocalAuthority,
    Housing,
    SubstanceMisuse,
    Employment,
    Other,
}

public static class Sectors
{
    public static string DisplayName(Sector s) => s switch
    {
        Sector.VoluntaryAndCommunity => "Voluntary and community",
        Sector.PrimaryCare => "Primary care",
        Sector.SecondaryCare => "Secondary care",
        Sector.LocalAuthority => "Local authority",
        Sector.Housing => "Housing",
        Sector.SubstanceMisuse => "Substance misuse",
        Sector.Employment => "Employment",
        Sector.Other => "Other",
        _ => s.ToString(),
    };
}
