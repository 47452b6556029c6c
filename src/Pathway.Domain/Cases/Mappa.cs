namespace Pathway.Domain.Cases;

/// <summary>MAPPA category (Criminal Justice Act 2003 ss.325–327B; category 4 from the 2024 guidance).</summary>
public enum MappaCategory
{
    None = 0,
    Category1 = 1,
    Category2 = 2,
    Category3 = 3,
    Category4 = 4,
}

/// <summary>MAPPA management level.</summary>
public enum MappaLevel
{
    None = 0,
    Level1 = 1,
    Level2 = 2,
    Level3 = 3,
}

public static class Mappa
{
    public static string DisplayName(MappaCategory category) => category switch
    {
        MappaCategory.None => "Not MAPPA eligible",
        MappaCategory.Category1 => "Category 1 – registered sexual offender",
        MappaCategory.Category2 => "Category 2 – violent or other sexual offender",
        MappaCategory.Category3 => "Category 3 – other dangerous offender",
        MappaCategory.Category4 => "Category 4 – terrorism",
        _ => category.ToString(),
    };

    public static string ShortName(MappaCategory category, MappaLevel level) =>
        category == MappaCategory.None ? "None" : $"CAT {(int)category} / LEVEL {(int)level}";

    public static string DisplayName(MappaLevel level) => level switch
    {
        MappaLevel.None => "None",
        MappaLevel.Level1 => "Level 1 – ordinary agency management",
        MappaLevel.Level2 => "Level 2 – active multi-agency management",
        MappaLevel.Level3 => "Level 3 – senior multi-agency management",
        _ => level.ToString(),
    };

    /// <summary>A category needs a level and a level needs a category.</summary>
    public static string? Validate(MappaCategory category, MappaLevel level)
    {
        if (category == MappaCategory.None && level != MappaLevel.None)
            return "Select a MAPPA category, or set the MAPPA level to none";
        if (category != MappaCategory.None && level == MappaLevel.None)
            return "Select a MAPPA level for a MAPPA category";
        return null;
    }
}
