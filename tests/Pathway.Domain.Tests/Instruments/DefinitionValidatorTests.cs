using Pathway.Domain.Instruments;

namespace Pathway.Domain.Tests.Instruments;

public sealed class DefinitionValidatorTests
{
    private static readonly ResponseOption[] YesNo = [new("Y", "Yes", 1), new("N", "No", 0)];

    private static InstrumentDefinition Valid() => new()
    {
        Key = "test-screen", Version = 1, Title = "Test screen", Citation = "Invented for tests", Licence = "None",
        Items = [new("a", "Item A", Subscales: ["total"], Options: YesNo), new("b", "Item B", Subscales: ["total"], Options: YesNo)],
        Subscales = [new("total", "Total")],
        Bands = [new("total", 0, 0, "Low"), new("total", 1, 2, "High")],
        ScreenedIn = new([new("total", 1)]),
    };

    [Theory]
    [InlineData("sapas.v1.json")]
    [InlineData("opd-screen-men.v1.json")]
    [InlineData("opd-screen-women.v1.json")]
    [InlineData("opd-screen-men.v2.json")]
    [InlineData("opd-screen-men-lpp.v1.json")]
    [InlineData("opd-screen-women.v2.json")]
    [InlineData("hcr-20-v3.v1.json")]
    public void ShippedDefinitions_AreValid_AndRoundTrip(string file)
    {
        var def = InstrumentEngineTests.Load(file);
        var (again, errors) = InstrumentJson.Parse(InstrumentJson.Write(def));
        Assert.Empty(errors);
        Assert.Equal(InstrumentJson.Write(def), InstrumentJson.Write(again!));
    }

    [Fact]
    public void Valid_HasNoErrors() => Assert.Empty(DefinitionValidator.Validate(Valid()));

    [Fact]
    public void UnknownSubscale_IsNamed() =>
        Assert.Contains("items['b']: unknown subscale 'totl'. Declare it under subscales",
            DefinitionValidator.Validate(Valid() with { Items = [new("a", "A", Subscales: ["total"], Options: YesNo), new("b", "B", Subscales: ["totl"], Options: YesNo)] }));

    [Fact]
    public void DuplicateLinkId_IsNamed() =>
        Assert.Contains("items: duplicate link id 'a'",
            DefinitionValidator.Validate(Valid() with { Items = [new("a", "A", Subscales: ["total"], Options: YesNo), new("a", "B", Subscales: ["total"], Options: YesNo)] }));

    [Fact]
    public void ThresholdOnNonexistentSubscale_IsNamed() =>
        Assert.Contains("screenedIn: threshold on nonexistent subscale 'personality'",
            DefinitionValidator.Validate(Valid() with { ScreenedIn = new([new("personality", 7)]) }));

    [Fact]
    public void UnreachableThreshold_IsNamed() =>
        Assert.Contains("screenedIn: threshold 3 on 'total' can never be met (the highest possible score is 2)",
            DefinitionValidator.Validate(Valid() with { ScreenedIn = new([new("total", 3)]) }));

    [Fact]
    public void OverlappingBands_AreContradictory() =>
        Assert.Contains(DefinitionValidator.Validate(Valid() with { Bands = [new("total", 0, 1, "Low"), new("total", 1, 2, "High")] }),
            e => e.Contains("bands 'Low' (0–1) and 'High' (1–2) overlap", StringComparison.Ordinal));

    [Fact]
    public void BandOnNonexistentSubscale_AndUpsideDownBand_AreNamed()
    {
        var errors = DefinitionValidator.Validate(Valid() with { Bands = [new("total", 2, 1, "Odd"), new("other", 0, 1, "X")] });
        Assert.Contains("bands: band on nonexistent subscale 'other'", errors);
        Assert.Contains(errors, e => e.Contains("min must not exceed max", StringComparison.Ordinal));
    }

    [Fact]
    public void LicensedTool_CannotCarryScoring() =>
        Assert.Contains(DefinitionValidator.Validate(Valid() with { NoAutomaticScore = true }),
            e => e.StartsWith("noAutomaticScore", StringComparison.Ordinal));

    [Fact]
    public void MalformedJson_SaysWhere()
    {
        var (def, errors) = InstrumentJson.Parse("""{ "key": "x", "version": "one" }""");
        Assert.Null(def);
        Assert.Contains("$.version", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownProperty_IsRefused()
    {
        var json = InstrumentJson.Write(Valid()).Replace("\"title\"", "\"colour\": \"red\", \"title\"", StringComparison.Ordinal);
        var (_, errors) = InstrumentJson.Parse(json);
        Assert.Contains("colour", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void ItemCondition_NamingAnUnknownItemOrAnswer_IsNamed()
    {
        var errors = DefinitionValidator.Validate(Valid() with
        {
            ScreenedIn = new([new(Item: "route"), new(Item: "a", Answer: "maybe")], Requires: [new(Subscale: "total", Item: "a", Answer: "Y")]),
        });
        Assert.Contains("screenedIn: condition on nonexistent questionnaire item 'route'", errors);
        Assert.Contains("screenedIn: the answer 'maybe' is not an option of item 'a'. Use one of: Y, N", errors);
        Assert.Contains(errors, e => e.StartsWith("screenedIn.requires: a condition names a subscale or an item, not both", StringComparison.Ordinal));
    }

    [Fact]
    public void RouteAndRequirement_OnItemsInNoSubscale_AreValid() =>
        Assert.Empty(DefinitionValidator.Validate(Valid() with
        {
            Items = [.. Valid().Items, new("route", "Route in", Options: YesNo), new("link", "Link", Options: YesNo, ReasonRequired: true)],
            ScreenedIn = new([new("total", 1), new(Item: "route", Answer: "Y")], AllowOverride: true, Requires: [new(Item: "link", Answer: "Y")]),
        }));

    [Fact]
    public void GuidanceOnly_NeedsGuidance_AndCannotScore()
    {
        var errors = DefinitionValidator.Validate(Valid() with { GuidanceOnly = true });
        Assert.Contains(errors, e => e.StartsWith("guidance: a guidance-only definition must give", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("guidanceOnly: a guidance-only definition is not scored", StringComparison.Ordinal));
        Assert.Empty(DefinitionValidator.Validate(new InstrumentDefinition
        {
            Key = "guide", Version = 1, Title = "Guide", Citation = "Invented", Licence = "None", GuidanceOnly = true, Guidance = ["A criterion."],
        }));
    }
}
