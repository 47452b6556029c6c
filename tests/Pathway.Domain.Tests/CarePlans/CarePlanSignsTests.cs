using Pathway.Domain.CarePlans;

namespace Pathway.Domain.Tests.CarePlans;

public sealed class CarePlanSignsTests
{
    [Fact]
    public void EachLineIsASign_NamedUpToTheDash_EarlyWarningSignsFirst()
    {
        var signs = CarePlanSigns.From(new Dictionary<string, string>
        {
            ["triggers"] = "Phone calls with family – keyworker notices – offer time to talk\n\n- Cancelled appointments",
            ["triggers.early-warning"] = "Stops eating with others; paces the corridor – AP staff – check in.",
        });
        Assert.Equal(["triggers.early-warning:1", "triggers:1", "triggers:3"], signs.Select(s => s.Key));
        Assert.Equal("Stops eating with others; paces the corridor", signs[0].Sign);
        Assert.Equal("Early warning sign", signs[0].Kind);
        Assert.Equal("Cancelled appointments", signs[2].Sign);
        Assert.Equal("Phone calls with family – keyworker notices – offer time to talk", signs[1].Line);
    }

    [Fact]
    public void APlanWithoutTheSection_HasNoSigns() => Assert.Empty(CarePlanSigns.From(new Dictionary<string, string> { ["goals"] = "x" }));
}
