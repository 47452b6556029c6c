namespace Pathway.Domain.Cases;

/// <summary>Ethnic group, ONS Census 2021 (England and Wales) categories, plus "not stated".</summary>
public enum Ethnicity
{
    NotStated = 0,
    AsianBangladeshi,
    AsianChinese,
    AsianIndian,
    AsianPakistani,
    AsianOther,
    BlackAfrican,
    BlackCaribbean,
    BlackOther,
    MixedWhiteAndAsian,
    MixedWhiteAndBlackAfrican,
    MixedWhiteAndBlackCaribbean,
    MixedOther,
    WhiteBritish,
    WhiteIrish,
    WhiteGypsyOrIrishTraveller,
    WhiteRoma,
    WhiteOther,
    OtherArab,
    OtherAny,
}

public static class Ethnicities
{
    public sealed record Group(string Name, IReadOnlyList<Ethnicity> Members);

    public static readonly IReadOnlyList<Group> Groups =
    [
        new("Asian, Asian British or Asian Welsh", [Ethnicity.AsianBangladeshi, Ethnicity.AsianChinese, Ethnicity.AsianIndian, Ethnicity.AsianPakistani, Ethnicity.AsianOther]),
        new("Black, Black British, Black Welsh, Caribbean or African", [Ethnicity.BlackAfrican, Ethnicity.BlackCaribbean, Ethnicity.BlackOther]),
        new("Mixed or Multiple ethnic groups", [Ethnicity.MixedWhiteAndAsian, Ethnicity.MixedWhiteAndBlackAfrican, Ethnicity.MixedWhiteAndBlackCaribbean, Ethnicity.MixedOther]),
        new("White", [Ethnicity.WhiteBritish, Ethnicity.WhiteIrish, Ethnicity.WhiteGypsyOrIrishTraveller, Ethnicity.WhiteRoma, Ethnicity.WhiteOther]),
        new("Other ethnic group", [Ethnicity.OtherArab, Ethnicity.OtherAny]),
        new("Not stated", [Ethnicity.NotStated]),
    ];

    public static string DisplayName(Ethnicity e) => e switch
    {
        Ethnicity.NotStated => "Not stated",
        Ethnicity.AsianBangladeshi => "Bangladeshi",
        Ethnicity.AsianChinese => "Chinese",
        Ethnicity.AsianIndian => "Indian",
        Ethnicity.AsianPakistani => "Pakistani",
        Ethnicity.AsianOther => "Any other Asian background",
        Ethnicity.BlackAfrican => "African",
        Ethnicity.BlackCaribbean => "Caribbean",
        Ethnicity.BlackOther => "Any other Black, Black British or Caribbean background",
        Ethnicity.MixedWhiteAndAsian => "White and Asian",
        Ethnicity.MixedWhiteAndBlackAfrican => "White and Black African",
        Ethnicity.MixedWhiteAndBlackCaribbean => "White and Black Caribbean",
        Ethnicity.MixedOther => "Any other Mixed or Multiple ethnic background",
        Ethnicity.WhiteBritish => "English, Welsh, Scottish, Northern Irish or British",
        Ethnicity.WhiteIrish => "Irish",
        Ethnicity.WhiteGypsyOrIrishTraveller => "Gypsy or Irish Traveller",
        Ethnicity.WhiteRoma => "Roma",
        Ethnicity.WhiteOther => "Any other White background",
        Ethnicity.OtherArab => "Arab",
        Ethnicity.OtherAny => "Any other ethnic group",
        _ => e.ToString(),
    };
}
