using Pathway.Domain.Evaluation;

namespace Pathway.Domain.Tests.Evaluation;

public sealed class FinancialQuarterTests
{
    [Theory]
    [InlineData("2026-04-01", "2026-Q1", "2026-04-01", "2026-06-30")]
    [InlineData("2026-09-30", "2026-Q2", "2026-07-01", "2026-09-30")]
    [InlineData("2026-12-31", "2026-Q3", "2026-10-01", "2026-12-31")]
    [InlineData("2027-02-28", "2026-Q4", "2027-01-01", "2027-03-31")]
    public void Containing_UsesTheFinancialYear_AprilToMarch(string day, string key, string start, string end)
    {
        var q = FinancialQuarter.Containing(DateOnly.Parse(day));
        Assert.Equal((key, DateOnly.Parse(start), DateOnly.Parse(end)), (q.Key, q.Start, q.End));
    }

    [Fact]
    public void Choices_AreTheCurrentQuarterAndTheEightCompletedBeforeIt_NewestFirst()
    {
        var choices = FinancialQuarter.Choices(new DateOnly(2026, 11, 26));
        Assert.Equal(9, choices.Count);
        Assert.Equal("2026-Q3", choices[0].Key);
        Assert.Equal("2026-Q2", choices[1].Key);
        Assert.Equal("2024-Q3", choices[^1].Key);
        Assert.Equal("Q4 2025/26 (January to March 2026)", FinancialQuarter.Parse("2025-Q4")!.Label);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-Q5")]
    [InlineData("2026-Q0")]
    [InlineData("2026Q1")]
    [InlineData("abcd-Q1")]
    [InlineData("1999-Q1")]
    public void Parse_RefusesAnythingButYearDashQuarter(string? key) => Assert.Null(FinancialQuarter.Parse(key));
}
